package org.linli.audit;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linli.audit.AuditReader.AuditFilter;
import org.linli.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/audit")
@Tag(name = "审计 Audit", description = "Who did what, to which object, for whom: read-only, hash-chained")
class AuditController {

    private final AuditReader reader;

    AuditController(AuditReader reader) {
        this.reader = reader;
    }

    @GetMapping
    @Operation(summary = "Audit entries of the caller's street/community, newest first")
    List<AuditEntry> entries(@RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return reader.entries(new AuditFilter(objectType, objectId, actor, from, to, page, size), CurrentUser.get());
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the whole chain; names the first missing or changed entry (supervisors, administrators)")
    AuditVerification verify() {
        return reader.verify(CurrentUser.get());
    }
}
