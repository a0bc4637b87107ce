package org.linli.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the indexer to rebuild the documents of some cases from history, e.g. after their personal data was erased
 * there: one outbox row each, in the caller's transaction.
 */
@Service
public class CaseReindexRequests {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseReindexRequests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void reindex(Collection<String> processInstanceIds) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(CaseOutbox.INSERT, processInstanceIds, 500, (statement, id) -> {
            statement.setString(1, id);
            statement.setTimestamp(2, now);
        });
    }
}
