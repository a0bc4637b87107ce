package org.linli.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code bin/audit-verify} (the application started with {@code app.audit.verify=true}): walks the chain, prints
 * the outcome and exits with 0 when it is intact, 1 when an entry is missing or changed.
 */
@Component
@ConditionalOnProperty(name = "app.audit.verify", havingValue = "true")
class VerifyAuditRunner implements ApplicationRunner {

    private final AuditVerifier verifier;
    private final ConfigurableApplicationContext context;

    VerifyAuditRunner(AuditVerifier verifier, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerification outcome = verifier.verify();
        System.out.println((outcome.intact()
                ? "audit chain intact: " + outcome.checked() + " entries"
                : "audit chain BROKEN at entry " + outcome.firstBroken() + ": " + outcome.problem()
                        + " (entries 1.." + outcome.checked() + " are sound)")
                + "; anchor: " + outcome.anchor());
        int code = SpringApplication.exit(context, () -> outcome.intact() ? 0 : 1);
        System.exit(code);
    }
}
