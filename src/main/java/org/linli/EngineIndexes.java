package org.linli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the engine's schema lacks for the way Linli uses it. {@code ACT_RU_TASK.PARENT_TASK_ID_}: the engine looks
 * up subtasks by it whenever it deletes a task (every completion, every cancelled alarm), and without an index each
 * lookup reads all open tasks (camunda/camunda#36824; 0.37 ms per task at a few thousand open alarms, growing with
 * the backlog).
 * <p>
 * On PostgreSQL an index is built {@code CONCURRENTLY}: on a production table with many open tasks, writes go on while
 * it is built. Such a build that fails half way (a node stopped during it) leaves an invalid index behind, which is
 * dropped and built again at the next start. Other databases (H2, the zero-setup default) build it plainly.
 */
final class EngineIndexes {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

    record Index(String name, String table, String column) {
    }

    static final List<Index> MISSING = List.of(new Index("LINLI_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"));

    private final DataSource dataSource;
    private final String tablePrefix;
    private final boolean postgres;

    EngineIndexes(DataSource dataSource, String tablePrefix, String databaseType) {
        this.dataSource = dataSource;
        this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
        this.postgres = "postgres".equals(databaseType);
    }

    boolean concurrent() {
        return postgres;
    }

    /** Creates every missing index; one that cannot be built is logged (the engine works without it, only slower). */
    void create() {
        for (Index index : MISSING) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                // CREATE INDEX CONCURRENTLY cannot run inside a transaction
                connection.setAutoCommit(true);
                if (postgres) {
                    dropIfInvalid(connection, index);
                }
                statement.execute("CREATE INDEX " + (postgres ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + index.name()
                        + " ON " + tablePrefix + index.table() + " (" + index.column() + ")");
            } catch (SQLException e) {
                log.warn("Could not create the index {} on {}{} ({}): {}", index.name(), tablePrefix, index.table(),
                        index.column(), e.getMessage());
            }
        }
    }

    private static void dropIfInvalid(Connection connection, Index index) throws SQLException {
        try (PreparedStatement valid = connection.prepareStatement(
                "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(?)")) {
            valid.setString(1, index.name());
            try (ResultSet row = valid.executeQuery()) {
                if (!row.next() || row.getBoolean(1)) {
                    return;
                }
            }
        }
        log.info("Index {} was left invalid by an interrupted build; building it again", index.name());
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index.name());
        }
    }
}
