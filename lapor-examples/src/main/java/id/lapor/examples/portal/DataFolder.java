package id.lapor.examples.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The portal's data folder: the SQLite database ({@code lapor.db}), the notifications it delivered
 * ({@code outbox.log}), and the secrets made at the first start and kept for every later one: the
 * tracking-number key (numbers stay unique across restarts only with the same key), the Open311 client key
 * ({@code portal.properties}) and the demo officers' API keys ({@code officers.properties}). The secret files
 * are readable by their owner only, where the file system knows permissions.
 */
final class DataFolder {
    static final String DATABASE = "lapor.db";
    static final String OUTBOX_LOG = "outbox.log";
    static final String SETTINGS = "portal.properties";
    static final String OFFICERS = "officers.properties";
    static final String DEMO_HISTORY_MARK = "demo-history.loaded";

    /** The demo officers made at the first start: who acts where, with zones WIB, WITA and WIT represented. */
    static final List<String> DEMO_OFFICERS = List.of(
            "VERIFIER@kota-palangkaraya",
            "SUPERVISOR@kota-palangkaraya",
            "AUDITOR@kota-palangkaraya",
            "UNIT_OPERATOR@dinas-pupr-palangkaraya",
            "LIAISON_OFFICER@dinas-pupr-palangkaraya",
            "UNIT_OPERATOR@bpbd-palangkaraya",
            "UNIT_OPERATOR@dinas-kesehatan-palangkaraya",
            "UNIT_OPERATOR@kec-pahandut",
            "VERIFIER@prov-kalteng",
            "VERIFIER@kota-balikpapan",
            "VERIFIER@kota-jayapura",
            "VERIFIER@nasional");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final Path root;
    private final Properties settings;

    private DataFolder(Path root, Properties settings) {
        this.root = root;
        this.settings = settings;
    }

    /** Opens the folder, creating it and its secrets when missing. */
    static DataFolder open(Path root) {
        try {
            Files.createDirectories(root);
            Path file = root.resolve(SETTINGS);
            Properties p = read(file);
            boolean changed = false;
            if (p.getProperty("tracking-key") == null) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                p.setProperty("tracking-key", Base64.getEncoder().encodeToString(key));
                changed = true;
            }
            if (p.getProperty("open311-key") == null) {
                p.setProperty("open311-key", "open311-" + newKey(24));
                changed = true;
            }
            if (changed) {
                writeSecret(file, p, "lapor demo portal: keep this file; the tracking-number key must never change once numbers were issued");
            }
            return new DataFolder(root.toAbsolutePath().normalize(), p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the data folder " + root.toAbsolutePath(), e);
        }
    }

    Path root() {
        return root;
    }

    Path database() {
        return root.resolve(DATABASE);
    }

    Path outboxLog() {
        return root.resolve(OUTBOX_LOG);
    }

    Path demoHistoryMark() {
        return root.resolve(DEMO_HISTORY_MARK);
    }

    byte[] trackingKey() {
        return Base64.getDecoder().decode(settings.getProperty("tracking-key"));
    }

    String open311Key() {
        return settings.getProperty("open311-key");
    }

    /** The demo officers of {@code officers.properties}, made with new keys at the first start. */
    List<Officer> officers() {
        Path file = root.resolve(OFFICERS);
        try {
            Properties p = read(file);
            if (p.isEmpty()) {
                for (String who : DEMO_OFFICERS) {
                    p.setProperty("lapor-" + newKey(20), who);
                }
                writeSecret(file, p, "lapor demo officers, one KEY=ROLE@UNIT a line; edit freely, the portal reads it at start");
            }
            List<Officer> out = new ArrayList<>();
            for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
                try {
                    out.add(Officer.parse(key + "=" + p.getProperty(key)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
            }
            out.sort(java.util.Comparator.comparing((Officer o) -> DEMO_OFFICERS.indexOf(o.role() + "@" + o.unit().value()) < 0
                    ? Integer.MAX_VALUE : DEMO_OFFICERS.indexOf(o.role() + "@" + o.unit().value())).thenComparing(Officer::id));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String newKey(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(KEY_ALPHABET[RANDOM.nextInt(KEY_ALPHABET.length)]);
        }
        return s.toString();
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
        }
        return p;
    }

    /** Writes beside the file and moves it in place, readable by the owner only. */
    private static void writeSecret(Path file, Properties p, String comment) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        try (var out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, comment);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
