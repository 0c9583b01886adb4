package id.lapor.core.policy;

/** What is wrong with a policy, as a value tests and tools can act on. */
public enum ProblemKind {
    /** The file is not well-formed JSON or YAML. */
    SYNTAX,
    /** A field the format does not know (a typo would otherwise be ignored). */
    UNKNOWN_FIELD,
    /** A list where a text was expected, and the like. */
    WRONG_TYPE,
    MISSING_VALUE,
    /** A value of the wrong form: a bad date, region code, zone, enum name, a number out of range. */
    INVALID_VALUE,
    /** An id, rule name or keyword used twice. */
    DUPLICATE,
    UNKNOWN_UNIT,
    UNKNOWN_CATEGORY,
    UNIT_CYCLE,
    CATEGORY_CYCLE,
    /** A rule that can never match, because an earlier rule without keywords covers everything it covers. */
    SHADOWED_RULE,
    /** A calendar not published, or not covering the policy's effective dates. */
    CALENDAR_MISSING,
    /** A unit whose calendar is in another time zone than the unit. */
    ZONE_MISMATCH
}
