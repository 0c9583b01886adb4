package id.lapor.policy.jackson;

import id.lapor.core.LaporException;
import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.policy.InvalidPolicyException;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyCheck;
import id.lapor.core.policy.PolicyDocument;
import id.lapor.core.policy.PolicyLines;
import id.lapor.core.policy.PolicyProblem;
import id.lapor.core.policy.PolicyValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads policy documents from JSON or YAML and validates them against a {@link CalendarBook}: a policy comes out
 * whole or not at all, with every problem listed by path and line ({@link InvalidPolicyException}). Problems of
 * form (a malformed file, an unknown field, a list where a text belongs) and of meaning (an unknown unit, a
 * shadowed rule...) are reported together. Thread-safe.
 *
 * <pre>{@code
 * PolicyReader reader = new PolicyReader(calendars);
 * Policy policy = reader.read(Path.of("policy.yaml"));      // or reader.readDefault()
 * }</pre>
 */
public final class PolicyReader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private final PolicyValidator validator;

    public PolicyReader(CalendarBook calendars) {
        this.validator = new PolicyValidator(Objects.requireNonNull(calendars, "calendars"));
    }

    /** @throws InvalidPolicyException listing every problem; {@link UncheckedIOException} when the file cannot be read */
    public Policy read(Path file) {
        try {
            return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), PolicyFormat.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + file, e);
        }
    }

    /** @throws InvalidPolicyException listing every problem */
    public Policy read(String source, String text, PolicyFormat format) {
        return check(text, format).orThrow(source);
    }

    /** The default SP4N-LAPOR policy for Kota Palangka Raya ({@link PolicyResources#DEFAULT_POLICY}). */
    public Policy readDefault() {
        return read(PolicyResources.DEFAULT_POLICY, PolicyResources.defaultPolicyYaml(), PolicyFormat.YAML);
    }

    /** Every problem of form and meaning, or the policy. */
    public PolicyCheck check(String text, PolicyFormat format) {
        Parsed parsed = parse(text, format);
        if (parsed.document == null) {
            return new PolicyCheck.Invalid(parsed.problems);
        }
        PolicyCheck meaning = validator.check(parsed.document, parsed.lines);
        if (parsed.problems.isEmpty()) {
            return meaning;
        }
        // A value of the wrong form was read as absent: do not report it missing as well.
        List<PolicyProblem> all = new ArrayList<>(parsed.problems);
        Set<String> reported = new HashSet<>();
        parsed.problems.forEach(p -> reported.add(p.path()));
        for (PolicyProblem p : meaning.problems()) {
            if (!reported.contains(p.path())) {
                all.add(p);
            }
        }
        return new PolicyCheck.Invalid(all);
    }

    /**
     * The document as written, with the line of each path and the problems of form; {@code document} is null
     * when the text is not well formed.
     */
    public static Parsed parse(String text, PolicyFormat format) {
        LocatedParser parser = new LocatedParser();
        var root = parser.parse(format == PolicyFormat.JSON ? JSON : YAML, text);
        PolicyLines lines = PolicyLines.of(parser.lines);
        if (root == null) {
            return new Parsed(null, lines, parser.problems);
        }
        DocumentMapper mapper = new DocumentMapper(lines);
        PolicyDocument document = mapper.map(root);
        List<PolicyProblem> problems = new ArrayList<>(parser.problems);
        problems.addAll(mapper.problems);
        return new Parsed(document, lines, problems);
    }

    /** A document as parsed, before validation. */
    public record Parsed(PolicyDocument document, PolicyLines lines, List<PolicyProblem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    static LaporException missing(String resource) {
        return new LaporException("resource " + resource + " is missing from the classpath");
    }
}
