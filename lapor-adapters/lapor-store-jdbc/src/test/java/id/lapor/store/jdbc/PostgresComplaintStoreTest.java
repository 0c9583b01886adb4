package id.lapor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** On the PostgreSQL of {@link TestPostgres}: a fresh schema per test, dropped after it. */
class PostgresComplaintStoreTest extends JdbcStoreContract {
    private final List<TestPostgres.Schema> schemas = new ArrayList<>();
    private TestPostgres.Schema schema;

    @Override
    protected JdbcComplaintStore newStore() {
        schema = track(TestPostgres.newSchema());
        // The contract asks for due work twice and expects the same answer: no claims.
        return JdbcComplaintStore.builder(schema.dataSource()).migrate(true).dueLease(Duration.ZERO).build();
    }

    @Override
    protected DataSource dataSource() {
        return schema.dataSource();
    }

    @Override
    protected DataSource emptyDatabase() {
        return track(TestPostgres.newSchema()).dataSource();
    }

    @Test
    @DisplayName("events and outbox messages carry no foreign key once migrated (V3, V4): the append writes them with their complaint")
    void eventsAndMessagesHaveNoForeignKey() throws Exception {
        assertThat(one("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
                + " AND conrelid IN ('complaint_event'::regclass, 'outbox'::regclass)")).isZero();
        assertThat(one("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'channel_message'::regclass"))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("racing random commands from eight threads on 1,000 complaints lose no update and leave every history legal")
    void randomCommandsOnAThousandComplaints() throws Exception {
        raceRandomCommands(1000, 1000);
    }

    private TestPostgres.Schema track(TestPostgres.Schema s) {
        schemas.add(s);
        return s;
    }

    @AfterEach
    void dropSchemas() {
        schemas.forEach(TestPostgres.Schema::close);
        schemas.clear();
    }
}
