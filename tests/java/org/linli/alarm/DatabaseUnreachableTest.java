package org.linli.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Which batch failures are the database's (retry the batch later) and which an event's (retry it alone). */
class DatabaseUnreachableTest {

    @Test
    void aLostOrRefusedConnectionIsTheDatabasesFaultNotTheEvents() {
        assertThat(EventBatchProcessor.databaseUnreachable(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("timed out")))).isTrue();
        assertThat(EventBatchProcessor.databaseUnreachable(new ProcessEngineException("persistence layer",
                new RuntimeException(new SQLException("An I/O error occurred", "08006"))))).isTrue();
    }

    @Test
    void conflictsAndBadDataAreNot() {
        assertThat(EventBatchProcessor.databaseUnreachable(new OptimisticLockingException("changed"))).isFalse();
        assertThat(EventBatchProcessor.databaseUnreachable(new DuplicateKeyException("open_key"))).isFalse();
        assertThat(EventBatchProcessor.databaseUnreachable(new ProcessEngineException("bad",
                new SQLException("invalid byte sequence", "22021")))).isFalse();
    }
}
