package org.linli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The embedded default (H2, bin/run): the migrations build the same chain, and H2's trigger refuses edits. */
class AppendOnlyTriggerTest {

    @Test
    void h2ChainsEntriesAndRefusesToEditOrDeleteThem() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:audit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        AuditChain chain = new AuditChain(jdbc);
        AuditEntry entry = new AuditEntry(0, Instant.parse("2026-11-24T02:00:00.123456789Z"), "wang.fang", "liu.yang",
                "grievance.filed", "grievance-handling", "GR-2026-000001", "xh01", "counter", null,
                "resident consented", null, null);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .executeWithoutResult(s -> chain.append(java.util.List.of(entry, entry)));

        assertThat(chain.verify()).isEqualTo(AuditVerification.intact(2));
        assertThatThrownBy(() -> jdbc.update("UPDATE aud_entry SET actor = 'x' WHERE seq = 1"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM aud_entry WHERE seq = 2"))
                .rootCause().hasMessageContaining("append-only");
        assertThat(chain.verify().intact()).isTrue();
    }
}
