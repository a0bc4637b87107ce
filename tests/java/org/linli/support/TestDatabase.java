package org.linli.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One throw-away PostgreSQL database per test run. {@code bin/test} creates it (on the server that
 * {@code bin/provision-postgres} made sure of), passes its name in {@code linli.test.pg.database} and drops
 * it when Maven ends. Run from an IDE, the tests create a {@code linli_ide_*} database themselves and drop
 * the ones earlier IDE runs left behind (dropping at JVM exit would pull the database from under the
 * engine's job executor while Spring is still closing).
 */
public final class TestDatabase {

    private static final String HOST = System.getProperty("linli.test.pg.host", "127.0.0.1");
    private static final String PORT = System.getProperty("linli.test.pg.port", "5432");
    private static final String USER = System.getProperty("linli.test.pg.user", "postgres");
    private static final String GIVEN = System.getProperty("linli.test.pg.database", "");

    private static String name;

    private TestDatabase() {
    }

    /** The JDBC URL of this run's database. */
    public static synchronized String url() {
        if (name == null) {
            name = GIVEN.isBlank() ? createForIde() : GIVEN;
        }
        return jdbcUrl(name) + "?reWriteBatchedInserts=true";
    }

    /**
     * The JDBC URL of a second database of this run, {@code <run database>_<variant>}, created on first use: for a
     * test context whose data must not mix with the shared one (e.g. users from Keycloak). bin/test drops it too.
     */
    public static synchronized String url(String variant) {
        url();
        String database = name + "_" + variant;
        if (query("SELECT datname FROM pg_database WHERE datname = '" + database + "'").isEmpty()) {
            execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        }
        return jdbcUrl(database) + "?reWriteBatchedInserts=true";
    }

    public static String user() {
        return USER;
    }

    public static String host() {
        return HOST;
    }

    public static int port() {
        return Integer.parseInt(PORT);
    }

    private static String createForIde() {
        for (String stale : query("SELECT datname FROM pg_database WHERE datname LIKE 'linli_ide_%'")) {
            execute("DROP DATABASE IF EXISTS " + stale + " WITH (FORCE)");
        }
        String created = "linli_ide_" + ThreadLocalRandom.current().nextInt(1_000_000);
        execute("CREATE DATABASE " + created + " ENCODING 'UTF8' TEMPLATE template0");
        return created;
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw unusable(e);
        }
    }

    private static List<String> query(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw unusable(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
    }

    private static IllegalStateException unusable(SQLException e) {
        return new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is not usable (bin/test provisions "
                + "it): " + e.getMessage(), e);
    }
}
