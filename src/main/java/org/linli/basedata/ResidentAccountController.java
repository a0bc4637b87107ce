package org.linli.basedata;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clerks link a resident to the login they sign in with. Every feature that acts for a person or a household (the
 * portal's own cases and data, benefit offers, a household's vote) finds them through this one link.
 */
@RestController
class ResidentAccountController {

    private final ResidentCircumstances circumstances;

    ResidentAccountController(ResidentCircumstances circumstances) {
        this.circumstances = circumstances;
    }

    @PutMapping("/api/basedata/residents/{id}/account")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Link a resident to their login (clerks); the login then acts for the resident's household")
    void link(@PathVariable long id, @Valid @RequestBody LinkAccountRequest request) {
        CurrentUser user = CurrentUser.get();
        if (!user.isIn(LinliGroups.CLERKS) && !user.isIn(LinliGroups.ADMINS)) {
            throw new ProblemException.Forbidden("API-403", "无权操作", "Only clerks link residents to logins.");
        }
        circumstances.linkAccount(id, request.userId());
    }

    /** The login, spelt as identity spells user ids (the engine's resource whitelist). */
    record LinkAccountRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._-]*") String userId) {
    }
}
