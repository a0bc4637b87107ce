package org.linli.report;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linli.report.HomeVisits.VisitView;
import org.linli.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/home-visits")
@Tag(name = "入户走访 Home visits", description = "Record what a home visit found; differences go to one-click confirmation")
class HomeVisitController {

    private final HomeVisits visits;

    HomeVisitController(HomeVisits visits) {
        this.visits = visits;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a home visit (grid worker); the differences from base data await confirmation")
    VisitView record(@Valid @RequestBody VisitRequest body) {
        return visits.record(new RecordHomeVisitCommand(body.residentId(), body.visitedOn(), body.phone(),
                body.movedOut(), body.movedOutOn(), body.disabilityLevel(), body.note()), CurrentUser.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A home visit and the state of each change it found")
    VisitView visit(@PathVariable long id) {
        return visits.visit(id, CurrentUser.get());
    }

    record VisitRequest(@NotNull Long residentId, LocalDate visitedOn, String phone, Boolean movedOut,
            LocalDate movedOutOn, Integer disabilityLevel, String note) {
    }
}
