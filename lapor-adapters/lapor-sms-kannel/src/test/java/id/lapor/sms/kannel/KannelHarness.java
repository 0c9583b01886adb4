package id.lapor.sms.kannel;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Kannel for one test: bearerbox with a fake SMSC and smsbox on free loopback ports, configured
 * from temp files, started and killed by the test; {@code fakesmsc} processes play the phones. The Kannel
 * binaries come from the Debian packages {@code kannel} and {@code kannel-extras}; their directories can be
 * overridden with {@code LAPOR_KANNEL_SBIN} and {@code LAPOR_FAKESMSC}.
 */
final class KannelHarness implements AutoCloseable {
    static final String ADMIN_PASSWORD = "lapor-admin";
    static final String SENDSMS_USER = "lapor";
    static final String SENDSMS_PASSWORD = "rahasia-sendsms";
    private static final Pattern GOT = Pattern.compile("Got message \\d+: <(\\S+) (\\S+) (\\S+) (.*)>\\s*$");

    /** The Kannel settings a test varies. */
    record Settings(String getUrl, int httpTimeoutSeconds, int httpRequestRetry, int httpQueueDelaySeconds) {
    }

    /** An SMS as fakesmsc printed it: sender, receiver, decoded text, and the UDH in hex when there was one. */
    record PhoneSms(String from, String to, String text, String udh) {
    }

    /** Holds the configuration; deleted when the harness stops. */
    final Path dir;
    /** Where the processes log: {@code target/kannel-logs/<test>}, kept for a look after a failure. */
    final Path logs;
    final int adminPort;
    final int smsboxPort;
    final int smscPort;
    final int sendsmsPort;
    private final List<Process> processes = new ArrayList<>();

    private KannelHarness(Path dir, Path logs) {
        this.dir = dir;
        this.logs = logs;
        this.adminPort = freePort();
        this.smsboxPort = freePort();
        this.smscPort = freePort();
        this.sendsmsPort = freePort();
    }

    static Optional<Path> bearerbox() {
        return executable("bearerbox", sbinDirs());
    }

    static Optional<Path> smsbox() {
        return executable("smsbox", sbinDirs());
    }

    static Optional<Path> fakesmsc() {
        String override = System.getenv("LAPOR_FAKESMSC");
        Path p = Paths.get(override != null ? override : "/usr/lib/kannel/test/fakesmsc");
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    static boolean installed() {
        return bearerbox().isPresent() && smsbox().isPresent() && fakesmsc().isPresent();
    }

    private static List<Path> sbinDirs() {
        List<Path> dirs = new ArrayList<>();
        String override = System.getenv("LAPOR_KANNEL_SBIN");
        if (override != null) {
            dirs.add(Paths.get(override));
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) {
                dirs.add(Paths.get(d));
            }
        }
        dirs.add(Paths.get("/usr/sbin"));
        dirs.add(Paths.get("/usr/local/sbin"));
        return dirs;
    }

    private static Optional<Path> executable(String name, List<Path> dirs) {
        return dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /** How long bearerbox and smsbox may take to come up: seconds as a rule; a loaded machine has taken more than 10. */
    private static final Duration STARTUP = Duration.ofSeconds(30);

    /** Writes the configuration and starts bearerbox and smsbox; returns once smsbox is connected and sendsms listens. */
    static KannelHarness start(String name, Settings settings) throws IOException {
        Path logs = Files.createDirectories(Paths.get("target", "kannel-logs", name).toAbsolutePath());
        KannelHarness k = new KannelHarness(Files.createTempDirectory("lapor-kannel-"), logs);
        k.writeConfig(settings);
        k.launch(bearerbox().orElseThrow(), "bearerbox.out");
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(50)).until(() -> k.status().contains("FAKE:" + k.smscPort));
        k.launch(smsbox().orElseThrow(), "smsbox.out");
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(50))
                .until(() -> k.status().contains("smsbox:") && k.status().contains("on-line") && listening(k.sendsmsPort));
        return k;
    }

    private void writeConfig(Settings s) throws IOException {
        String conf = String.join("\n",
                "group = core",
                "admin-port = " + adminPort,
                "admin-interface = 127.0.0.1",
                "admin-password = " + ADMIN_PASSWORD,
                "status-password = " + ADMIN_PASSWORD,
                "smsbox-port = " + smsboxPort,
                "box-allow-ip = \"127.0.0.1\"",
                "log-file = \"" + logs.resolve("bearerbox.log") + "\"",
                "log-level = 0",
                "",
                "group = smsc",
                "smsc = fake",
                "smsc-id = fake",
                "port = " + smscPort,
                "connect-allow-ip = 127.0.0.1",
                "",
                "group = smsbox",
                "bearerbox-host = 127.0.0.1",
                "bearerbox-port = " + smsboxPort,
                "sendsms-port = " + sendsmsPort,
                "sendsms-interface = 127.0.0.1",
                "global-sender = 1708",
                "mo-recode = true",
                "http-request-retry = " + s.httpRequestRetry(),
                "http-queue-delay = " + s.httpQueueDelaySeconds(),
                "http-timeout = " + s.httpTimeoutSeconds(),
                "log-file = \"" + logs.resolve("smsbox.log") + "\"",
                "log-level = 0",
                "",
                "group = sms-service",
                "keyword = default",
                "get-url = \"" + s.getUrl() + "\"",
                "accept-x-kannel-headers = true",
                "max-messages = 3",
                "concatenation = true",
                "omit-empty = false",
                "",
                "group = sendsms-user",
                "username = " + SENDSMS_USER,
                "password = " + SENDSMS_PASSWORD,
                "user-allow-ip = \"127.0.0.1\"",
                "concatenation = true",
                "max-messages = 1",
                "");
        Files.writeString(dir.resolve("kannel.conf"), conf);
    }

    private void launch(Path binary, String out) throws IOException {
        Process p = new ProcessBuilder(binary.toString(), dir.resolve("kannel.conf").toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve(out).toFile()).start();
        processes.add(p);
    }

    String status() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + adminPort + "/status.txt?password=" + ADMIN_PASSWORD)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    URI sendsmsUrl() {
        return URI.create("http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms");
    }

    /** A phone connected to the fake SMSC: sends {@code message} lines ("from to text ..."), or nothing, and records what it receives. */
    Phone phone(String... messages) throws IOException {
        List<String> command = new ArrayList<>(List.of(fakesmsc().orElseThrow().toString(), "-H", "127.0.0.1", "-r",
                Integer.toString(smscPort), "-i", "0.1", "-m", Integer.toString(messages.length)));
        command.add("-v");
        command.add("0");
        command.addAll(messages.length == 0 ? List.of("0 0 text listening") : List.of(messages));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(p);
        return new Phone(p, logs.resolve("fakesmsc-" + p.pid() + ".log"));
    }

    /** One fakesmsc process. */
    static final class Phone implements AutoCloseable {
        private final Process process;
        final List<PhoneSms> received = new CopyOnWriteArrayList<>();
        final List<String> lines = new CopyOnWriteArrayList<>();

        Phone(Process process, Path log) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                        Matcher m = GOT.matcher(line);
                        if (m.find()) {
                            received.add(parse(m.group(1), m.group(2), m.group(3), m.group(4)));
                        }
                    }
                } catch (IOException e) {
                    // the process was killed
                } finally {
                    try {
                        Files.write(log, lines);
                    } catch (IOException ignored) {
                        // only a debugging aid
                    }
                }
            }, "fakesmsc-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        PhoneSms awaitReply(Duration within) {
            await().atMost(within).pollInterval(Duration.ofMillis(50)).until(() -> !received.isEmpty());
            return received.get(0);
        }

        @Override
        public void close() {
            kill(process);
        }
    }

    private static PhoneSms parse(String from, String to, String type, String rest) {
        switch (type) {
            case "text":
                return new PhoneSms(from, to, rest, null);
            case "ucs-2":
            case "ucs2":
                return new PhoneSms(from, to, new String(urlBytes(rest), StandardCharsets.UTF_16BE), null);
            case "udh": {
                String[] parts = rest.split(" ", 3);
                String udh = java.util.HexFormat.of().formatHex(urlBytes(parts[0]));
                // our concatenated notifications are UCS-2 in this test
                return new PhoneSms(from, to, new String(urlBytes(parts.length == 3 ? parts[2] : ""), StandardCharsets.UTF_16BE), udh);
            }
            default:
                return new PhoneSms(from, to, type + " " + rest, null);
        }
    }

    static byte[] urlBytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** {@code text} escaped as fakesmsc's {@code ucs2} message type wants it: UTF-16BE, every byte as %XX. */
    static String ucs2(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_16BE)) {
            sb.append('%').append(String.format("%02X", b & 0xff));
        }
        return sb.toString();
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void kill(Process p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills every process this harness started, newest first, and deletes the configuration. */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            kill(processes.get(i));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
