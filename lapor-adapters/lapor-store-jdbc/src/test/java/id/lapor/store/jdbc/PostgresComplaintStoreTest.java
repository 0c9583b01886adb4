package id.lapor.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** On the PostgreSQL of {@link TestPostgres}: a fresh schema per test, dropped after it. */
class PostgresComplaintStoreTest extends JdbcStoreContract {
    private final List<TestPostgres.Schema> schemas = new ArrayList<>();
    private TestPostgres.Schema schema;

    @Override
    protected JdbcComplaintStore newStore() {
        schema = track(TestPostgres.newSchema());
        return JdbcComplaintStore.builder(schema.dataSource()).migrate(true).build();
    }

    @Override
    protected DataSource dataSource() {
        return schema.dataSource();
    }

    @Override
    protected DataSource emptyDatabase() {
        return track(TestPostgres.newSchema()).dataSource();
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
