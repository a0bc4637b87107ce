package org.linli.tracking;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The new index of a running reindex, kept in the database ({@code trk_reindex_target}) rather than in one node's
 * memory: every node drains the shared outbox, so every node's indexer must write to the new index as well.
 */
@Repository
class ReindexTarget {

    private final JdbcTemplate jdbc;

    ReindexTarget(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void set(String index) {
        jdbc.update("DELETE FROM trk_reindex_target");
        jdbc.update("INSERT INTO trk_reindex_target (id, index_name) VALUES (1, ?)", index);
    }

    void clear() {
        jdbc.update("DELETE FROM trk_reindex_target");
    }

    Optional<String> current() {
        return jdbc.queryForList("SELECT index_name FROM trk_reindex_target", String.class).stream().findFirst();
    }
}
