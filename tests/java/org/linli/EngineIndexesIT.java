package org.linli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** On PostgreSQL the engine's missing index is built concurrently, and an interrupted build is built again. */
@IntegrationTest
class EngineIndexesIT {

    private static final String VALID = "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('linli_idx_task_parent')";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSubtaskIndexIsBuiltAndAnInvalidOneIsBuiltAgain() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(VALID, Boolean.class).contains(true));
        assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'linli_idx_task_parent'",
                String.class)).containsIgnoringCase("act_ru_task").containsIgnoringCase("parent_task_id_");

        // what a node stopped during CREATE INDEX CONCURRENTLY leaves behind
        jdbc.update("UPDATE pg_index SET indisvalid = false WHERE indexrelid = to_regclass('linli_idx_task_parent')");
        new EngineIndexes(dataSource, "", "postgres").create();

        assertThat(jdbc.queryForList(VALID, Boolean.class)).containsExactly(true);
    }
}
