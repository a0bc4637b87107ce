package org.linli.deliberation;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call without the caller's authorizations: a resident's co-signature or a clerk's screening may move
 * the topic's process although neither may otherwise touch process instances; the service checked who they are.
 */
@Component
class AsSystem {

    private final IdentityService identityService;

    AsSystem(IdentityService identityService) {
        this.identityService = identityService;
    }

    <T> T call(Supplier<T> engineCall) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return engineCall.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
