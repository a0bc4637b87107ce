package org.linli.basedata;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.basedata.ResidentCommands.RegisterHouseholdCommand;
import org.linli.basedata.ResidentCommands.RegisterResidentCommand;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/basedata")
class ResidentController {

    private final ResidentRegistry registry;
    private final AuditLog audit;

    ResidentController(ResidentRegistry registry, AuditLog audit) {
        this.registry = registry;
        this.audit = audit;
    }

    @PostMapping("/households")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> registerHousehold(@Valid @RequestBody RegisterHouseholdCommand command) {
        return Map.of("id", registry.registerHousehold(command));
    }

    @PostMapping("/residents")
    @ResponseStatus(HttpStatus.CREATED)
    ResidentView registerResident(@Valid @RequestBody RegisterResidentCommand command) {
        return registry.registerResident(command);
    }

    @GetMapping("/residents/{id}")
    ResidentView resident(@PathVariable long id) {
        return read(registry.resident(id));
    }

    /** Look-up by id-card number; POST so that the number never appears in a URL or an access log. */
    @PostMapping("/residents/lookup")
    ResidentView residentByIdCard(@RequestBody Map<String, String> body) {
        return read(registry.residentByIdCard(body.get("idCardNumber")));
    }

    @GetMapping("/grids/{gridCode}/residents")
    List<ResidentView> residentsOfGrid(@PathVariable String gridCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<ResidentView> residents = registry.residentsOfGrid(gridCode, page, size);
        if (!residents.isEmpty()) {
            audit.record(AuditEvent.of("residents.read", "grid", gridCode, residents.get(0).communityCode())
                    .detail("page " + page + ", " + residents.size() + " residents"));
        }
        return residents;
    }

    /** Staff read a resident's personal record: one audit entry per read. */
    private ResidentView read(ResidentView resident) {
        audit.record(AuditEvent.of("resident.read", "resident", resident.id(), resident.communityCode()));
        return resident;
    }
}
