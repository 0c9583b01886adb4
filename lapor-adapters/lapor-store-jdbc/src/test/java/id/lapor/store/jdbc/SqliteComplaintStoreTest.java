package id.lapor.store.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteComplaintStoreTest extends JdbcStoreContract {
    @TempDir
    Path dir;
    private DataSource dataSource;

    @Override
    protected JdbcComplaintStore newStore() {
        dataSource = SqliteStores.dataSource(dir.resolve("lapor.db"));
        // The contract asks for due work twice and expects the same answer: no claims.
        return SqliteStores.open(dir.resolve("lapor.db"), Duration.ZERO);
    }

    @AfterEach
    void closeStore() {
        jdbc.close();
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected DataSource emptyDatabase() {
        return SqliteStores.dataSource(dir.resolve("empty.db"));
    }
}
