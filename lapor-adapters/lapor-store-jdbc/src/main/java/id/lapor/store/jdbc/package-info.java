/**
 * The complaint store on PostgreSQL or SQLite through JDBC: {@link id.lapor.store.jdbc.JdbcComplaintStore}
 * implements the core's store ports; a {@link id.lapor.store.jdbc.Dialect} holds what differs between the
 * databases; {@link id.lapor.store.jdbc.Migrations} brings the schema up to date with the Flyway scripts
 * shipped under {@code id/lapor/store/jdbc/migration/}; {@link id.lapor.store.jdbc.SqliteStores} opens a
 * store in one SQLite file.
 *
 * <p>JSON mapping of the core's records lives in {@code internal}: the core carries no Jackson annotation.
 */
package id.lapor.store.jdbc;
