package io.github.delayclose.bench.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of the bench's own, created empty, migrated with the scripts delay-close-jdbc ships
 * (the tutorial's tables) plus the bench's close clock, and dropped at the end.
 */
public final class BenchDatabase implements AutoCloseable {

    /** Where delay-close-jdbc ships its reference schema. */
    static final String SHIPPED_SCRIPTS = "classpath:db/delay-close/mysql";

    private final DatabaseServer server;
    private final String name;
    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;

    private BenchDatabase(DatabaseServer server, String name) {
        this.server = server;
        this.name = name;
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(name));
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(4);
        dataSource.setPoolName("bench-driver");
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Creates (or re-creates) the database and migrates it. */
    public static BenchDatabase create(DatabaseServer server, String name) {
        String url = server.jdbcUrl(name);
        onServer(server, "DROP DATABASE IF EXISTS `" + name + "`");
        onServer(server, "CREATE DATABASE `" + name + "` DEFAULT CHARACTER SET utf8mb4");
        Flyway.configure().dataSource(url, server.user(), server.password()).locations(SHIPPED_SCRIPTS)
                .load().migrate();
        BenchDatabase database = new BenchDatabase(server, name);
        CloseClock.install(database.jdbc);
        return database;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * A connection pool of its own on this database, as large as the application's would be; the
     * caller closes it.
     */
    public HikariDataSource newPool(int size, String poolName) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl(name));
        pool.setUsername(server.user());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(size);
        pool.setPoolName(poolName);
        return pool;
    }

    /** Drops the database; the pool is closed first so no connection holds it. */
    public void drop() {
        close();
        onServer(server, "DROP DATABASE IF EXISTS `" + name + "`");
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void onServer(DatabaseServer server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.serverUrl(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("could not run '" + sql + "' on " + server.serverUrl() + ": " + ex.getMessage(), ex);
        }
    }
}
