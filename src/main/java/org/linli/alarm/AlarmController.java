package org.linli.alarm;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.linli.alarm.AlarmQueries.AlarmDetail;
import org.linli.alarm.AlarmQueries.AlarmView;
import org.linli.security.CurrentUser;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alarm cases for staff; devices themselves speak MQTT (docs/devices.md), acknowledgement happens in Tasklist. */
@RestController
@Validated
@RequestMapping("/api/alarms")
class AlarmController {

    private final AlarmQueries queries;

    AlarmController(AlarmQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "A community's alarms, newest first (its staff, supervisors, administrators)")
    List<AlarmView> list(@RequestParam String community, @RequestParam(defaultValue = "false") boolean openOnly,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return queries.ofCommunity(community, openOnly, page, size, CurrentUser.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One alarm with its timeline: device events, escalation steps, acknowledgements")
    AlarmDetail alarm(@PathVariable long id) {
        return queries.alarm(id, CurrentUser.get());
    }
}
