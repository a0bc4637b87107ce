package org.linli.basedata;

import jakarta.validation.Valid;

import org.linli.basedata.ResidentCircumstances.UpdateCircumstancesCommand;
import org.linli.security.CurrentUser;
import org.linli.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff record a change of circumstances they confirmed (home visit, certificate, hospital bill). */
@RestController
class CircumstancesController {

    private final ResidentCircumstances circumstances;

    CircumstancesController(ResidentCircumstances circumstances) {
        this.circumstances = circumstances;
    }

    @PutMapping("/api/basedata/residents/{id}/circumstances")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void update(@PathVariable long id, @Valid @RequestBody UpdateCircumstancesCommand command) {
        if (!CurrentUser.get().isStaff()) {
            throw new ProblemException.Forbidden("API-403", "无权操作", "Only staff record circumstances.");
        }
        circumstances.update(id, command);
    }
}
