package id.lapor.store.jdbc;

import id.lapor.core.LaporException;
import id.lapor.core.complaint.Channel;
import id.lapor.core.complaint.TrackingNumber;
import id.lapor.core.directory.UnitId;
import id.lapor.core.lifecycle.Complaint;
import id.lapor.core.lifecycle.RecordedEvent;
import id.lapor.core.lifecycle.State;
import id.lapor.core.notification.OutboxMessage;
import id.lapor.core.port.ComplaintFilter;
import id.lapor.core.port.ComplaintSearch;
import id.lapor.core.port.ComplaintStore;
import id.lapor.core.port.ConcurrentUpdateException;
import id.lapor.core.port.DueWork;
import id.lapor.core.port.DuplicateSubmissionException;
import id.lapor.core.port.Outbox;
import id.lapor.store.jdbc.internal.JsonCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The complaint store on PostgreSQL or SQLite, with the core's other store ports: {@link DueWork} for
 * the SLA sweep, {@link ComplaintSearch} for queues and listings, {@link Outbox} for the relay.
 *
 * <p>The current complaint is one row of {@code complaint} with a version; its history is append-only
 * rows of {@code complaint_event}; the messages its events owe are rows of {@code outbox}, written in the
 * same transaction. Each row keeps its record as JSON, which is what is read back, beside plain columns
 * for the queries and for people reading the tables. An append checks the version in the update
 * itself ({@code WHERE version = ?}), so no update is ever lost, and writes all or nothing: on
 * PostgreSQL as one statement ({@link PostgresDialect}), elsewhere as three in one transaction
 * ({@link StatementAppender}). The SLA sweep {@linkplain #due claims} the due complaints it takes, so that
 * sweepers on several nodes share the work.
 *
 * <pre>{@code
 * JdbcComplaintStore store = JdbcComplaintStore.builder(dataSource).migrate(true).build();
 * Lapor lapor = Lapor.builder()
 *         .store(store)
 *         .trackingNumbers(new KeyedTrackingNumbers(key, store::nextSequence))
 *         ...
 * }</pre>
 *
 * <p>Thread-safe: every call takes its own connection from the data source, which should be a pool.
 * Instants in the plain columns are kept to the microsecond (truncated), so {@link #due} may name a
 * complaint up to a microsecond early, never late; the JSON keeps every digit.
 */
public final class JdbcComplaintStore
        implements ComplaintStore, DueWork, ComplaintSearch, Outbox, ComplaintStatistics, AutoCloseable {
    private static final String FIND = "SELECT complaint_json FROM complaint WHERE tracking_number = ?";
    static final int FIND_ALL_CHUNK = 1_000;
    private static final String HISTORY = "SELECT version, event_json FROM complaint_event WHERE tracking_number = ?"
            + " ORDER BY version";
    private static final String BY_MESSAGE = "SELECT tracking_number FROM channel_message WHERE channel = ? AND message_id = ?";
    /** Claims due complaints: the dialect's lock clause goes between the limit and the closing parenthesis. */
    private static final String CLAIM_DUE = "WITH picked AS MATERIALIZED (SELECT tracking_number FROM complaint"
            + " WHERE next_due_at IS NOT NULL AND next_due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"
            + " ORDER BY next_due_at, tracking_number LIMIT ?%s)"
            + " UPDATE complaint SET claimed_until = ? WHERE tracking_number IN (SELECT tracking_number FROM picked)"
            + " RETURNING tracking_number, next_due_at";
    /** How long a sweeper's claim on a due complaint lasts, unless the builder says otherwise. */
    public static final Duration DEFAULT_DUE_LEASE = Duration.ofMinutes(2);
    private static final Duration LONGEST_DUE_LEASE = Duration.ofDays(1);
    /** How many tracking-number sequence values are reserved at once, unless the builder says otherwise. */
    public static final int DEFAULT_SEQUENCE_BLOCK = 32;
    private static final int MAX_SEQUENCE_BLOCK = 10_000;
    private static final String ON_CALENDAR = "SELECT tracking_number FROM complaint WHERE clock_calendar = ?"
            + " AND tracking_number > ? AND clock_calendar_version < ? ORDER BY tracking_number LIMIT ?";
    private static final String COUNT_SUBMITTED = "SELECT responsible_unit, state, count(*) FROM complaint"
            + " WHERE submitted_at >= ? AND submitted_at < ? GROUP BY responsible_unit, state"
            + " ORDER BY responsible_unit NULLS FIRST, state";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final JsonCodec json = new JsonCodec();
    private final Sql sql;
    private final Appender appender;
    private final OutboxTable outbox;
    private final AutoCloseable owned;
    private final Duration dueLease;
    private final String claimDue;
    private final String findAll;
    private final SequenceBlocks sequence;

    private JdbcComplaintStore(DataSource dataSource, Dialect dialect, AutoCloseable owned, Duration dueLease, int sequenceBlock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.owned = owned;
        this.dueLease = dueLease;
        this.sequence = new SequenceBlocks(sequenceBlock, this::reserveSequence);
        this.claimDue = String.format(Locale.ROOT, CLAIM_DUE, dialect.skipLocked());
        this.findAll = "SELECT complaint_json FROM complaint WHERE " + dialect.inList("tracking_number");
        this.sql = new Sql(dataSource, dialect);
        this.appender = dialect instanceof PostgresDialect postgres ? postgres.appender() : new StatementAppender(dialect);
        this.outbox = new OutboxTable(sql, dialect, json);
    }

    /** A builder over the host's data source. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Distinct values for {@link id.lapor.core.tracking.KeyedTrackingNumbers}, from the database's
     * sequence, which every process on the database shares. The store reserves them in blocks of
     * {@linkplain Builder#sequenceBlock the block size} and hands them out one by one, so that most
     * submissions need no transaction of their own for their number; what a stopped process had reserved
     * and not handed out is a gap in the sequence.
     */
    public long nextSequence() {
        return sequence.next();
    }

    private long[] reserveSequence(int count) {
        try (Connection c = dataSource.getConnection()) {
            return dialect.reserveSequence(c, count);
        } catch (SQLException e) {
            throw sql.failed("reserve " + count + " values of the tracking-number sequence", e);
        }
    }

    @Override
    public Optional<Complaint> find(TrackingNumber trackingNumber) {
        return sql.first("read complaint " + trackingNumber, FIND, s -> s.setString(1, trackingNumber.value()),
                rows -> json.complaint(rows.getString(1)));
    }

    /** One query for all of them (per thousand). */
    @Override
    public List<Complaint> findAll(Collection<TrackingNumber> trackingNumbers) {
        List<String> numbers = trackingNumbers.stream().map(TrackingNumber::value).distinct().toList();
        List<Complaint> found = new ArrayList<>(numbers.size());
        for (int from = 0; from < numbers.size(); from += FIND_ALL_CHUNK) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + FIND_ALL_CHUNK));
            found.addAll(sql.list("read " + chunk.size() + " complaints", findAll, s -> dialect.setList(s, 1, chunk),
                    rows -> json.complaint(rows.getString(1))));
        }
        return found;
    }

    @Override
    public List<RecordedEvent> history(TrackingNumber trackingNumber) {
        return List.copyOf(sql.list("read the history of complaint " + trackingNumber, HISTORY,
                s -> s.setString(1, trackingNumber.value()),
                rows -> json.event(trackingNumber, rows.getLong(1), rows.getString(2))));
    }

    @Override
    public Optional<TrackingNumber> findByChannelMessage(Channel channel, String messageId) {
        return sql.first("look up " + channel + " message " + messageId, BY_MESSAGE, s -> {
            s.setString(1, channel.name());
            s.setString(2, messageId);
        }, rows -> new TrackingNumber(rows.getString(1)));
    }

    @Override
    public void append(long expectedVersion, Complaint after, List<RecordedEvent> events, List<OutboxMessage> messages) {
        ComplaintStore.checkAppend(expectedVersion, after, events, messages);
        List<OutboxMessage> outbox = once(messages);
        TrackingNumber number = after.trackingNumber();
        // JSON is written before a connection is taken, so the transaction is only as long as its statements.
        List<String> eventJson = new ArrayList<>(events.size());
        for (RecordedEvent e : events) {
            eventJson.add(json.event(e));
        }
        List<String> attributeJson = new ArrayList<>(outbox.size());
        for (OutboxMessage m : outbox) {
            attributeJson.add(json.attributes(m.attributes()));
        }
        Appender.Rows rows = new Appender.Rows(after, json.complaint(after), events, eventJson, outbox, attributeJson);
        boolean written;
        try (Connection c = dataSource.getConnection()) {
            written = appender.append(c, expectedVersion, rows);
        } catch (Appender.KeyConflict e) {
            throw conflictOnCreate(after, e);
        } catch (SQLException e) {
            throw sql.failed("append to complaint " + number + " at version " + expectedVersion, e);
        }
        if (!written) {
            throw new ConcurrentUpdateException(number, expectedVersion);
        }
    }

    /** Says which key a new complaint collided with, looking after the rollback, as the other writer left it. */
    private RuntimeException conflictOnCreate(Complaint after, SQLException violation) {
        TrackingNumber number = after.trackingNumber();
        if (find(number).isPresent()) {
            return new ConcurrentUpdateException(number, 0);
        }
        if (after.channelMessageId().isPresent()) {
            String messageId = after.channelMessageId().get();
            Optional<TrackingNumber> existing = findByChannelMessage(after.channel(), messageId);
            if (existing.isPresent()) {
                return new DuplicateSubmissionException(after.channel(), messageId, existing.get());
            }
        }
        // The colliding writer rolled back in the meantime: a conflict all the same, worth retrying.
        ConcurrentUpdateException conflict = new ConcurrentUpdateException(number, 0);
        conflict.addSuppressed(violation);
        return conflict;
    }

    /**
     * Claims complaints whose next timer is due at {@code now} and answers them, earliest first: a claim
     * lasts until {@code now} plus the {@linkplain Builder#dueLease lease}, and until then no other call
     * answers that complaint. So sweepers on several nodes, asking at once, take different complaints: on
     * PostgreSQL each locks the rows it takes and passes over those another holds ({@code FOR UPDATE SKIP
     * LOCKED}), in one statement and one short transaction, with no lock on anything else. A claim is never
     * released: it lapses, so the complaints of a sweeper that died are answered again once the lease is
     * over. Appends leave claims alone: the sweeper that holds a complaint fires every timer of it that is
     * due ({@code Lapor.runDue}), so one node handles a complaint's whole catch-up, and a timer that falls
     * due while its complaint is still claimed waits at most the lease.
     *
     * <p>Claims only spread the work. Each timer fires once because firing is an append at the version
     * read, whoever fires it. Lease and due times are judged by the {@code now} the sweepers pass in, so
     * the nodes' clocks should agree to well within the lease.
     */
    @Override
    public List<TrackingNumber> due(Instant now, int limit) {
        requirePositive(limit);
        Instant claimedUntil = now.plus(dueLease);
        record Claimed(TrackingNumber number, Instant dueAt) {
        }
        List<Claimed> claimed = new ArrayList<>(sql.list("claim the complaints due at " + now, claimDue, s -> {
            dialect.setInstant(s, 1, now);
            dialect.setInstant(s, 2, now);
            s.setInt(3, limit);
            dialect.setInstant(s, 4, claimedUntil);
        }, rows -> new Claimed(new TrackingNumber(rows.getString(1)), dialect.getInstant(rows, 2))));
        // RETURNING keeps no order: sort as the claim picked them.
        claimed.sort(Comparator.comparing(Claimed::dueAt).thenComparing(Claimed::number));
        return claimed.stream().map(Claimed::number).toList();
    }

    /** How many values of the tracking-number sequence {@link #nextSequence} reserves at once. */
    public int sequenceBlock() {
        return sequence.blockSize();
    }

    /** How long a claim made by {@link #due} keeps a complaint from other sweepers. */
    public Duration dueLease() {
        return dueLease;
    }

    @Override
    public List<TrackingNumber> clocksOnCalendar(String calendarId, int version, TrackingNumber after, int limit) {
        requirePositive(limit);
        return sql.list("read the clocks on calendar " + calendarId + " below version " + version, ON_CALENDAR, s -> {
            s.setString(1, calendarId);
            // Tracking numbers are digits compared byte by byte (collation "C" on PostgreSQL): "" comes before all.
            s.setString(2, after == null ? "" : after.value());
            s.setInt(3, version);
            s.setInt(4, limit);
        }, rows -> new TrackingNumber(rows.getString(1)));
    }

    @Override
    public List<Complaint> search(ComplaintFilter filter, int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        requirePositive(limit);
        SearchQuery query = new SearchQuery(dialect, filter);
        return sql.list("search complaints", query.select(filter.order()), s -> {
            int next = query.bind(s);
            s.setInt(next, limit);
            s.setInt(next + 1, offset);
        }, rows -> json.complaint(rows.getString(1)));
    }

    @Override
    public long count(ComplaintFilter filter) {
        SearchQuery query = new SearchQuery(dialect, filter);
        return sql.first("count complaints", query.count(), query::bind, rows -> rows.getLong(1)).orElse(0L);
    }

    @Override
    public List<UnitCount> countSubmitted(Instant from, Instant to) {
        return sql.list("count the complaints submitted in [" + from + ", " + to + ")", COUNT_SUBMITTED, s -> {
            dialect.setInstant(s, 1, from);
            dialect.setInstant(s, 2, to);
        }, rows -> new UnitCount(Optional.ofNullable(rows.getString(1)).map(UnitId::new), State.valueOf(rows.getString(2)),
                rows.getLong(3)));
    }

    @Override
    public List<Pending> pending(Instant now, int limit) {
        return outbox.pending(now, limit);
    }

    @Override
    public void delivered(String messageId, Instant at) {
        outbox.delivered(messageId, at);
    }

    @Override
    public void failed(String messageId, Instant at, String error, Optional<Instant> retryAt) {
        outbox.failed(messageId, at, error, retryAt);
    }

    @Override
    public List<Pending> parked(int limit) {
        return outbox.parked(limit);
    }

    @Override
    public void retry(String messageId, Instant at) {
        outbox.retry(messageId, at);
    }

    @Override
    public long waitingCount() {
        return outbox.waitingCount();
    }

    @Override
    public long parkedCount() {
        return outbox.parkedCount();
    }

    /**
     * Closes what the store opened itself: the connections of {@link SqliteStores#open}. A data source the
     * host passed to {@link #builder} stays open; closing such a store does nothing.
     */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new LaporException("could not close the complaint store's connections", e);
            }
        }
    }

    /**
     * Each message once: a message's id is its event and recipient, so a repeat in one append is the same
     * message, kept as first given; and no other append can hold it, its event being new with this one.
     * Inserts then need no conflict clause, which costs PostgreSQL a speculative insertion per row.
     */
    private static List<OutboxMessage> once(List<OutboxMessage> messages) {
        if (messages.size() < 2) {
            return messages;
        }
        Map<String, OutboxMessage> byId = new LinkedHashMap<>();
        for (OutboxMessage m : messages) {
            byId.putIfAbsent(m.id(), m);
        }
        return byId.size() == messages.size() ? messages : List.copyOf(byId.values());
    }

    static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /** Explicit wiring; {@link #build()} checks the database before the store is used. */
    public static final class Builder {
        private final DataSource dataSource;
        private Dialect dialect;
        private boolean migrate;
        private AutoCloseable owned;
        private Duration dueLease = DEFAULT_DUE_LEASE;
        private int sequenceBlock = DEFAULT_SEQUENCE_BLOCK;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The database's dialect; by default detected from the connection's metadata. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Whether {@link #build()} brings the schema up to date with the Flyway migrations shipped in this
         * module (history table {@value Migrations#HISTORY_TABLE}). Off by default: hosts that migrate at
         * deployment call {@link Migrations#migrate} there instead.
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * How long a complaint that {@link JdbcComplaintStore#due} answered stays claimed, out of other
         * sweepers' answers; {@link #DEFAULT_DUE_LEASE} unless set. It should outlast the handling of one
         * batch of due work (seconds), and is how late the work of a node that dies mid-sweep may be
         * taken up. {@link Duration#ZERO} claims nothing: every call answers everything due, as tests that
         * ask twice expect.
         *
         * @throws IllegalArgumentException when negative or longer than a day
         */
        public Builder dueLease(Duration lease) {
            Objects.requireNonNull(lease, "lease");
            if (lease.isNegative() || lease.compareTo(LONGEST_DUE_LEASE) > 0) {
                throw new IllegalArgumentException("the due-work lease must lie between 0 and " + LONGEST_DUE_LEASE
                        + " (a batch of due work takes seconds), got " + lease);
            }
            this.dueLease = lease;
            return this;
        }

        /**
         * How many values of the tracking-number sequence {@link JdbcComplaintStore#nextSequence} reserves
         * in one transaction; {@value #DEFAULT_SEQUENCE_BLOCK} unless set. Larger blocks spare more
         * transactions (on SQLite each is a synchronous commit, as long as the submission's own) and leave
         * larger gaps when a process stops; 1 reserves each value as it is needed.
         *
         * @throws IllegalArgumentException when not between 1 and 10,000
         */
        public Builder sequenceBlock(int size) {
            if (size < 1 || size > MAX_SEQUENCE_BLOCK) {
                throw new IllegalArgumentException("the sequence block must hold between 1 and " + MAX_SEQUENCE_BLOCK
                        + " values, got " + size);
            }
            this.sequenceBlock = size;
            return this;
        }

        /** What {@link JdbcComplaintStore#close()} closes: the data source, when the store made it. */
        Builder owning(AutoCloseable resource) {
            this.owned = resource;
            return this;
        }

        /**
         * @throws LaporException when the database cannot be reached, has no dialect, or lacks lapor's
         *     tables while {@link #migrate} is off
         */
        public JdbcComplaintStore build() {
            Dialect d = dialect;
            try (Connection c = dataSource.getConnection()) {
                if (d == null) {
                    d = Dialect.detect(c);
                }
                if (!migrate) {
                    requireSchema(c, d);
                }
            } catch (SQLException e) {
                throw new LaporException("could not reach the complaint database: " + e.getMessage(), e);
            }
            if (migrate) {
                Migrations.migrate(dataSource, d);
            }
            return new JdbcComplaintStore(dataSource, d, owned, dueLease, sequenceBlock);
        }

        private static void requireSchema(Connection c, Dialect d) {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT 1 FROM complaint, complaint_event, channel_message, outbox WHERE 1 = 0").close();
            } catch (SQLException e) {
                throw new LaporException("lapor's tables are missing from the " + d.name() + " database (" + e.getMessage()
                        + "): build the store with migrate(true), or run the migrations in classpath:"
                        + d.migrationLocation() + " first", e);
            }
        }
    }
}
