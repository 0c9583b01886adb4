package id.lapor.examples.portal;

import id.lapor.core.Lapor;
import id.lapor.core.calendar.CalendarBook;
import id.lapor.core.complaint.Channel;
import id.lapor.core.directory.Unit;
import id.lapor.core.directory.UnitId;
import id.lapor.core.notification.Address;
import id.lapor.core.notification.AddressBook;
import id.lapor.core.notification.Courier;
import id.lapor.core.notification.Recipient;
import id.lapor.core.policy.Policy;
import id.lapor.core.policy.PolicyBook;
import id.lapor.core.relay.OutboxRelay;
import id.lapor.core.timing.DueWorkDriver;
import id.lapor.core.tracking.KeyedTrackingNumbers;
import id.lapor.http.ApiKeyCallerResolver;
import id.lapor.http.OfficerApiServlet;
import id.lapor.http.Open311Servlet;
import id.lapor.http.Statistics;
import id.lapor.http.jetty.LaporJettyServer;
import id.lapor.policy.jackson.PolicyReader;
import id.lapor.policy.jackson.PolicyResources;
import id.lapor.store.jdbc.JdbcComplaintStore;
import id.lapor.store.jdbc.SqliteStores;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The lapor demo portal: a complaint portal for Kota Palangka Raya on the embedded defaults, in one command.
 * SQLite in a data folder, the default SP4N-LAPOR policy, Open311 and the officer API on an embedded Jetty with
 * the citizen, tracking, officer and statistics pages beside them, SLA timers swept and notifications delivered on
 * schedules (into {@code outbox.log}: no network). Stopping and starting again keeps every complaint.
 *
 * <pre>
 * ./mvnw -q -pl lapor-examples -am compile exec:java
 * ./mvnw -q -pl lapor-examples -am compile exec:java -Dexec.args="--demo-history --port 8081"
 * </pre>
 */
@Command(name = "demo-portal", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The lapor demo portal: report, track, handle and count complaints of Kota Palangka Raya in a browser.",
            "Data is kept in the data folder; the demo officers' API keys are made at the first start and printed at every start."})
public final class DemoPortal implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(DemoPortal.class);
    /** The unit whose statistics the portal shows by default: the city. */
    static final UnitId CITY = UnitId.of("kota-palangkaraya");

    @Option(names = "--port", defaultValue = "8080", description = "The HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--data", defaultValue = "./data", paramLabel = "DIR",
            description = "The data folder: database, keys, outbox.log (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--demo-history", description = "Load a generated year of the city (lapor-lab generate) at the first start,"
            + " replayed through lapor, so the queue and the charts are not empty.")
    boolean demoHistory;

    @Option(names = "--demo-count", defaultValue = "2000", paramLabel = "N",
            description = "How many reports --demo-history loads (default: ${DEFAULT-VALUE}, a city's year).")
    int demoCount;

    @Option(names = "--officer-key", paramLabel = "KEY=ROLE@UNIT",
            description = "An officer's API key, role and unit, e.g. my-key-of-16-chars=VERIFIER@kota-palangkaraya. Repeatable;"
                    + " when given, these officers replace the generated demo officers.")
    List<String> officerKeys = new ArrayList<>();

    @Option(names = "--lang", defaultValue = "id", description = "The pages' default language: id or en (default: ${DEFAULT-VALUE});"
            + " visitors switch with ?lang=.")
    String lang;

    public static void main(String[] args) {
        int code = new CommandLine(new DemoPortal()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        Options options = new Options(host, port, data, demoHistory, demoCount, officerKeys, lang);
        Running running = start(options, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "lapor-portal-stop"));
        running.awaitClose();
        return 0;
    }

    /** What to start. */
    record Options(String host, int port, Path data, boolean demoHistory, int demoCount, List<String> officerKeys, String lang) {
        Options {
            officerKeys = List.copyOf(officerKeys);
            if (!"id".equals(lang) && !"en".equals(lang)) {
                throw new IllegalArgumentException("--lang is id or en, not " + lang);
            }
            if (demoCount < 0) {
                throw new IllegalArgumentException("--demo-count must not be negative");
            }
        }
    }

    /**
     * Starts the portal and prints where it listens and the officers' credentials on {@code out}.
     *
     * @throws IllegalArgumentException for a bad officer key or unit
     * @throws IllegalStateException when the port is taken
     */
    static Running start(Options o, PrintStream out) {
        DataFolder folder = DataFolder.open(o.data());
        CalendarBook calendars = PolicyResources.defaultCalendars();
        Policy policy = new PolicyReader(calendars).readDefault();
        List<Officer> officers = new ArrayList<>();
        if (o.officerKeys().isEmpty()) {
            officers.addAll(folder.officers());
        } else {
            for (String k : o.officerKeys()) {
                officers.add(Officer.parse(k));
            }
        }
        officers.replaceAll(x -> x.checkedAgainst(policy.directory()));

        JdbcComplaintStore store = SqliteStores.open(folder.database());
        ScheduledExecutorService scheduler = null;
        LaporJettyServer server = null;
        OutboxLog outboxLog = null;
        try {
            Optional<DemoHistory.Result> history = Optional.empty();
            if (o.demoHistory()) {
                history = loadDemoHistory(folder, policy, calendars, o.demoCount(), out);
            }
            Clock clock = Clock.systemUTC();
            Lapor lapor = Lapor.builder()
                    .clock(clock)
                    .store(store)
                    .trackingNumbers(new KeyedTrackingNumbers(folder.trackingKey(), store::nextSequence))
                    .directory(policy.directory())
                    .categories(policy.categories())
                    .calendars(calendars)
                    .policies(PolicyBook.of(policy))
                    .build();

            ApiKeyCallerResolver.Builder keys = ApiKeyCallerResolver.builder();
            for (Officer officer : officers) {
                keys.officerWithKey(officer.key(), officer.role(), officer.id(), officer.unit());
            }
            ApiKeyCallerResolver callers = keys.build();
            Open311Servlet open311 = Open311Servlet.builder()
                    .lapor(lapor).search(store)
                    .clientKey(folder.open311Key())
                    .defaultRegion("62.71")
                    .channel(Channel.API)
                    .serviceRequestUpdates(true)
                    .discovery("Demo portal of lapor for Kota Palangka Raya", "The api_key is printed when the portal starts.")
                    .build();
            OfficerApiServlet officerApi = OfficerApiServlet.builder()
                    .lapor(lapor).search(store).histories(store::history)
                    .callers(callers)
                    .build();
            Statistics statistics = new Statistics(store, store::history, lapor.directory(), clock);
            PortalServlet portal = new PortalServlet(lapor, store, statistics, callers, o.lang(), folder.root().toString(), CITY);
            server = LaporJettyServer.builder()
                    .host(o.host()).port(o.port())
                    .open311(open311)
                    .officerApi(officerApi)
                    .servlet("/", portal)
                    .stopTimeoutMillis(2_000)
                    .build();

            outboxLog = new OutboxLog(folder.outboxLog(), clock);
            OutboxRelay.Builder relayBuilder = OutboxRelay.builder()
                    .clock(clock).outbox(store).complaints(store)
                    .addressBook(addressBook(policy))
                    .language(o.lang());
            for (Courier c : outboxLog.couriers()) {
                relayBuilder.courier(c);
            }
            OutboxRelay relay = relayBuilder.build();
            DueWorkDriver due = new DueWorkDriver(lapor, store);
            int bound = server.start();
            scheduler = Executors.newScheduledThreadPool(2, r -> {
                Thread t = new Thread(r, "lapor-portal-schedule");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(guarded("due work", due::sweep), 0, 30, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(guarded("outbox relay", relay::relay), 1, 5, TimeUnit.SECONDS);
            URI uri = server.uri();
            Running running = new Running(uri, bound, server, scheduler, store, outboxLog, folder, officers, lapor, history);
            banner(out, running, policy, o.officerKeys().isEmpty());
            return running;
        } catch (RuntimeException | IOException e) {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            if (server != null) {
                try {
                    server.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            if (outboxLog != null) {
                try {
                    outboxLog.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            store.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private static Optional<DemoHistory.Result> loadDemoHistory(DataFolder folder, Policy policy, CalendarBook calendars,
                                                                int count, PrintStream out) {
        if (Files.exists(folder.demoHistoryMark())) {
            out.println("Demo history already loaded in " + folder.root() + " (delete " + DataFolder.DEMO_HISTORY_MARK
                    + " and " + DataFolder.DATABASE + " to load it anew).");
            return Optional.empty();
        }
        out.printf(Locale.ROOT, "Loading the demo history: %,d reports of Kota Palangka Raya, replayed through lapor...%n", count);
        out.flush();
        DemoHistory.Result r;
        try (LoadingStore loading = new LoadingStore(folder.database())) {
            r = new DemoHistory(loading.store(), policy, calendars, folder.trackingKey()).load(count, Clock.systemUTC().instant());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not open " + folder.database() + " to load the demo history", e);
        }
        out.printf(Locale.ROOT, "Demo history of %d loaded: %,d reports, %,d steps (%,d skipped), %,d SLA timers fired, %.1f s.%n",
                r.year(), r.submitted(), r.steps(), r.skipped(), r.timersFired(), r.millis() / 1000.0);
        try {
            Files.writeString(folder.demoHistoryMark(), "year=" + r.year() + "\nreports=" + r.submitted() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(r);
    }

    /**
     * Who is told on the officers' side: each unit at {@code <unit>@units.lapor.example}, the roles at theirs. The
     * outbox log receives them all; in production these come from the staff directory.
     */
    static AddressBook addressBook(Policy policy) {
        AddressBook.Builder b = AddressBook.builder();
        for (Unit u : policy.directory().all()) {
            b.unit(u.id(), new Address.Email(u.id().value() + "@units.lapor.example"));
        }
        b.role(Recipient.Kind.VERIFIERS, new Address.Email("verifikator@units.lapor.example"));
        b.role(Recipient.Kind.NATIONAL_MANAGER, new Address.Email("nasional@units.lapor.example"));
        b.role(Recipient.Kind.OMBUDSMAN, new Address.Email("ombudsman@units.lapor.example"));
        return b.build();
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A failed round must not cancel the schedule: the next one tries again.
                log.error("{} failed; trying again at the next round", what, e);
            }
        };
    }

    private static void banner(PrintStream out, Running r, Policy policy, boolean generated) {
        out.println();
        out.println("lapor demo portal: " + r.uri() + "/");
        out.println("  data folder: " + r.folder().root() + " (complaints in " + DataFolder.DATABASE + ", notifications in "
                + DataFolder.OUTBOX_LOG + ")");
        out.println("  officers" + (generated ? " (keys kept in " + DataFolder.OFFICERS + ")" : "")
                + ": sign in at " + r.uri() + "/officer, or call the officer API with Authorization: Bearer <key>");
        for (Officer o : r.officers()) {
            Unit unit = policy.directory().get(o.unit());
            out.printf(Locale.ROOT, "    %-16s %-40s %-4s %s%n", o.role(), o.unit().value(), Labels.zoneName(unit.zone()), o.key());
        }
        out.println("  Open311 GeoReport v2: " + r.uri() + "/open311/v2/discovery.json  api_key " + r.folder().open311Key());
        out.println("  officer API: " + r.uri() + "/api/v1/openapi.yaml");
        out.println("Stop with Ctrl+C; start again with the same --data to keep every complaint.");
        out.flush();
    }

    /** A started portal; {@link #close()} stops it and closes the store. */
    static final class Running implements AutoCloseable {
        private final URI uri;
        private final int port;
        private final LaporJettyServer server;
        private final ScheduledExecutorService scheduler;
        private final JdbcComplaintStore store;
        private final OutboxLog outboxLog;
        private final DataFolder folder;
        private final List<Officer> officers;
        private final Lapor lapor;
        private final Optional<DemoHistory.Result> history;
        private final CountDownLatch closed = new CountDownLatch(1);
        private boolean closing;

        Running(URI uri, int port, LaporJettyServer server, ScheduledExecutorService scheduler, JdbcComplaintStore store,
                OutboxLog outboxLog, DataFolder folder, List<Officer> officers, Lapor lapor, Optional<DemoHistory.Result> history) {
            this.uri = uri;
            this.port = port;
            this.server = server;
            this.scheduler = scheduler;
            this.store = store;
            this.outboxLog = outboxLog;
            this.folder = folder;
            this.officers = List.copyOf(officers);
            this.lapor = lapor;
            this.history = history;
        }

        URI uri() {
            return uri;
        }

        int port() {
            return port;
        }

        DataFolder folder() {
            return folder;
        }

        List<Officer> officers() {
            return officers;
        }

        /** The key of the first officer with {@code role} in {@code unit}. */
        String key(id.lapor.core.access.Role role, String unit) {
            return officers.stream().filter(o -> o.role() == role && o.unit().value().equals(unit)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no officer " + role + "@" + unit)).key();
        }

        Lapor lapor() {
            return lapor;
        }

        JdbcComplaintStore store() {
            return store;
        }

        Optional<DemoHistory.Result> history() {
            return history;
        }

        void awaitClose() {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closing) {
                    return;
                }
                closing = true;
            }
            try {
                scheduler.shutdown();
                if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
            try {
                server.close();
            } finally {
                try {
                    outboxLog.close();
                } catch (IOException e) {
                    log.warn("closing {} failed", outboxLog.file(), e);
                }
                store.close();
                closed.countDown();
            }
        }
    }
}
