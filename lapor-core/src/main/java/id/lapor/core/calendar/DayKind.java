package id.lapor.core.calendar;

/** Why a dated day is not a working day. The weekly rest days are not dated and have no kind. */
public enum DayKind {
    /** A national public holiday (hari libur nasional) set by the joint ministerial decree. */
    NATIONAL_HOLIDAY,
    /** Collective leave (cuti bersama) for civil servants, set by the same decree. */
    COLLECTIVE_LEAVE,
    /** A holiday of a province, regency or city, set by its head of region. */
    REGIONAL_HOLIDAY,
    /** A day off declared by a separate act: an election day, a closure after a disaster. */
    SPECIAL_DAY_OFF
}
