package org.linli.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linli.privacy.PersonalDataExport.Export;
import org.linli.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "个人信息 Personal data", description = "A resident's right to see their data (docs/privacy.md)")
class PrivacyController {

    private final PersonalDataExport export;

    PrivacyController(PersonalDataExport export) {
        this.export = export;
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
}
