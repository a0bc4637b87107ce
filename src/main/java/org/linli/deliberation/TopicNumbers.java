package org.linli.deliberation;

import java.time.Clock;
import java.time.Year;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Topic numbers, {@code YS-2026-000123} (议事), from the sequence {@code dlb_topic_number_seq}. */
@Component
class TopicNumbers {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Clock clock;

    TopicNumbers(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    String next() {
        long value = jdbc.sql(dialect.nextTopicNumber()).query(Long.class).single();
        return "YS-" + Year.now(clock) + "-" + String.format("%06d", value);
    }
}
