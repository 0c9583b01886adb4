package id.lapor.store.jdbc;

import id.lapor.core.LaporException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * lapor's schema as Flyway migrations, one folder per database under
 * {@code classpath:id/lapor/store/jdbc/migration/}. They keep their own history table,
 * {@code lapor_schema_history}, and live outside Flyway's default {@code db/migration}, so a host that
 * migrates its own tables with Flyway in the same schema neither runs nor sees them.
 */
public final class Migrations {
    /** The Flyway history table of lapor's migrations. */
    public static final String HISTORY_TABLE = "lapor_schema_history";
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * Applies the migrations {@code dialect} names that the database lacks. Safe to call at every start
     * and from several processes at once (Flyway locks its history table).
     *
     * @throws LaporException when a migration fails or the applied ones differ from those shipped
     */
    public static void migrate(DataSource dataSource, Dialect dialect) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:" + dialect.migrationLocation())
                    .table(HISTORY_TABLE)
                    // The host's own tables may share the schema: start lapor's history there, below V1.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("lapor schema on {} migrated to version {} ({} migration(s))", dialect.name(),
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new LaporException("could not migrate lapor's schema on " + dialect.name() + ": " + e.getMessage(), e);
        }
    }
}
