package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.linli.basedata.SyntheticCommunityGenerator;
import org.linli.basedata.SyntheticCommunityGenerator.GenerateCommunityCommand;
import org.linli.basedata.SyntheticCommunityGenerator.GenerationResult;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code bin/test -Pbench}: fills 200,000 residents into PostgreSQL and prints the figure. */
@IntegrationTest
class SyntheticCommunityBenchmark {

    static final int RESIDENTS = Integer.getInteger("bench.residents", 200_000);

    @Autowired
    SyntheticCommunityGenerator generator;

    @Test
    void generate200kResidents() {
        long started = System.nanoTime();
        GenerationResult result = generator.generate(
                new GenerateCommunityCommand(System.nanoTime(), RESIDENTS, LocalDate.of(2026, 11, 23)));
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("BENCH basedata.generator residents=%d households=%d seconds=%.1f residents_per_s=%.0f%n",
                result.residents(), result.households(), seconds, result.residents() / seconds);
        assertThat(result.residents()).isEqualTo(RESIDENTS);
    }
}
