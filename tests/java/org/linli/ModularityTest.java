package org.linli;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features reach each other only through their public services, commands and events, never in a cycle. */
class ModularityTest {

    @Test
    void featureBoundariesHold() {
        ApplicationModules.of(LinliApplication.class).verify();
    }
}
