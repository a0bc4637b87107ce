package org.linli.grievance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Year;

import javax.sql.DataSource;

import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** Human-readable case numbers, {@code GR-2026-000123}, from the database sequence {@code grv_case_number_seq}. */
@Component
class CaseNumbers {

    static final String SEQUENCE = "grv_case_number_seq";

    private final DataFieldMaxValueIncrementer sequence;
    private final Clock clock;

    CaseNumbers(DataSource dataSource, Clock clock) {
        this.sequence = incrementer(dataSource);
        this.clock = clock;
    }

    String next() {
        return "GR-" + Year.now(clock) + "-" + String.format("%06d", sequence.nextLongValue());
    }

    private static DataFieldMaxValueIncrementer incrementer(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product.toLowerCase().contains("postgres")
                    ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
                    : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the database product", e);
        }
    }
}
