package org.linli.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call without the caller's authorizations, for services that have checked who the caller is
 * themselves: a resident's co-signature moves a deliberation's process, a resident's answer completes the
 * outreach task, the portal reads the resident's own tasks, although none of them may touch process instances
 * through the engine's authorizations.
 */
@Component
public class AsSystem {

    private final IdentityService identityService;

    public AsSystem(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void run(Runnable engineCall) {
        call(() -> {
            engineCall.run();
            return null;
        });
    }

    public <T> T call(Supplier<T> engineCall) {
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
