package org.linli.basedata;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.linli.basedata.SyntheticCommunityGenerator.GenerateCommunityCommand;
import org.linli.basedata.SyntheticCommunityGenerator.GenerationResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators fill a database with a synthetic county for demos and benchmarks. */
@RestController
class GeneratorController {

    private final SyntheticCommunityGenerator generator;
    private final Clock clock;

    GeneratorController(SyntheticCommunityGenerator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
    }

    @PostMapping("/api/admin/basedata/synthetic")
    @ResponseStatus(HttpStatus.CREATED)
    GenerationResult generate(@Valid @RequestBody GenerateRequest request) {
        LocalDate referenceDate = request.referenceDate() != null ? request.referenceDate() : LocalDate.now(clock);
        return generator.generate(new GenerateCommunityCommand(request.seed(), request.residents(), referenceDate));
    }

    record GenerateRequest(@NotNull Long seed, @Min(1) @Max(2_000_000) int residents, LocalDate referenceDate) {
    }
}
