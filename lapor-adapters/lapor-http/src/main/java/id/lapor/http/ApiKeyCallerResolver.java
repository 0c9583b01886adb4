package id.lapor.http;

import id.lapor.core.access.Actor;
import id.lapor.core.access.Role;
import id.lapor.core.directory.UnitId;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The default {@link CallerResolver}: API keys, stored only as their SHA-256 hashes, each naming an
 * officer (role, id, unit). The caller sends the key as {@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}; its hash is compared with every configured hash in constant time, so
 * neither the timing nor the log tells which keys exist.
 *
 * <pre>{@code
 * CallerResolver callers = ApiKeyCallerResolver.builder()
 *         .officer(sha256Hex, Role.VERIFIER, "admin.kota", UnitId.of("kota-palangkaraya"))
 *         .build();
 * }</pre>
 *
 * Or from properties, one officer a line: {@code lapor.http.api-key.admin.kota = <sha256 hex>,VERIFIER,kota-palangkaraya}
 * ({@link #fromProperties}).
 */
public final class ApiKeyCallerResolver implements CallerResolver {
    /** The prefix of {@link #fromProperties} keys; what follows it is the officer's id. */
    public static final String PROPERTY_PREFIX = "lapor.http.api-key.";

    private final List<Entry> entries;

    private record Entry(byte[] hash, Actor actor) {
    }

    private ApiKeyCallerResolver(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every property {@code lapor.http.api-key.<officer id> = <sha256 hex>,<ROLE>,<unit id>}.
     *
     * @throws IllegalArgumentException naming every malformed line (never echoing a hash)
     */
    public static ApiKeyCallerResolver fromProperties(Properties properties) {
        Builder b = builder();
        List<String> problems = new ArrayList<>();
        Map<String, String> sorted = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                sorted.put(name, properties.getProperty(name));
            }
        }
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String id = e.getKey().substring(PROPERTY_PREFIX.length());
            String[] parts = e.getValue().split(",");
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("expected '<sha256 hex>,<ROLE>,<unit id>'");
                }
                b.officer(parts[0].strip(), Role.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)), id,
                        UnitId.of(parts[2].strip()));
            } catch (RuntimeException ex) {
                problems.add(e.getKey() + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid API key configuration: " + String.join("; ", problems));
        }
        return b.build();
    }

    /** The lower-case hex SHA-256 of {@code key}'s UTF-8 bytes: what to put in configuration. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public Optional<Actor> resolve(HttpServletRequest request) {
        String key = presentedKey(request);
        if (key == null || key.isEmpty() || key.length() > 512) {
            return Optional.empty();
        }
        byte[] presented = sha256(key);
        Actor found = null;
        // Compare with every entry, not stopping at a match: the time taken does not depend on which key it is.
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.hash, presented) && found == null) {
                found = e.actor;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String presentedKey(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        String header = request.getHeader("X-Api-Key");
        return header == null ? null : header.strip();
    }

    @Override
    public String toString() {
        return "ApiKeyCallerResolver[" + entries.size() + " keys]";
    }

    /** Collects officers; {@link #build()} refuses an empty or duplicated configuration. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /**
         * An officer whose key hashes to {@code sha256Hex} (64 hex digits, see {@link #sha256Hex}).
         *
         * @throws IllegalArgumentException when the hash is not 64 hex digits or the role is not an officer's
         */
        public Builder officer(String sha256Hex, Role role, String id, UnitId unit) {
            Objects.requireNonNull(sha256Hex, "sha256Hex");
            if (!sha256Hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("an API key hash must be 64 hex digits (SHA-256)");
            }
            entries.add(new Entry(HexFormat.of().parseHex(sha256Hex.toLowerCase(Locale.ROOT)), Actor.officer(role, id, unit)));
            return this;
        }

        /** For tests and demos: an officer with the plain {@code key}, hashed here. */
        public Builder officerWithKey(String key, Role role, String id, UnitId unit) {
            return officer(sha256Hex(key), role, id, unit);
        }

        public ApiKeyCallerResolver build() {
            if (entries.isEmpty()) {
                throw new IllegalStateException("ApiKeyCallerResolver needs at least one officer (Builder.officer)");
            }
            for (int i = 0; i < entries.size(); i++) {
                for (int j = i + 1; j < entries.size(); j++) {
                    if (MessageDigest.isEqual(entries.get(i).hash, entries.get(j).hash)) {
                        throw new IllegalStateException("officers " + entries.get(i).actor.id() + " and "
                                + entries.get(j).actor.id() + " have the same API key");
                    }
                }
            }
            return new ApiKeyCallerResolver(entries);
        }
    }
}
