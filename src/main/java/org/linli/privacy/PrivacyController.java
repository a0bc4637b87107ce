package org.linli.privacy;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linli.privacy.PersonalDataExport.Export;
import org.linli.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "个人信息 Personal data", description = "A resident's right to see their data (docs/privacy.md)")
class PrivacyController {

    private final PersonalDataExport export;
    private final PersonalDataErasure erasure;

    PrivacyController(PersonalDataExport export, PersonalDataErasure erasure) {
        this.export = export;
        this.erasure = erasure;
    }

    @GetMapping("/api/me/export")
    @Operation(summary = "Everything Linli holds about the calling resident, as one JSON document")
    Export myExport() {
        return export.export(null, CurrentUser.get());
    }

    @GetMapping("/api/privacy/residents/{residentId}/export")
    @Operation(summary = "The same by resident id: only that resident may call it (403 for anyone else)")
    Export export(@PathVariable long residentId) {
        return export.export(residentId, CurrentUser.get());
    }

    @PostMapping("/api/privacy/erasure-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a resident's personal data to be erased (the resident, or a clerk for them)",
            description = "Starts personal-data-erasure: the community reviews it in Tasklist, then the resident is "
                    + "anonymised everywhere. 404 for an unknown resident, and nothing starts.")
    Map<String, String> requestErasure(@Valid @RequestBody ErasureRequest request) {
        return Map.of("processInstanceId", erasure.request(request.residentId(), request.reason(), CurrentUser.get()));
    }

    record ErasureRequest(@NotNull Long residentId, @Size(max = 500) String reason) {
    }
}
