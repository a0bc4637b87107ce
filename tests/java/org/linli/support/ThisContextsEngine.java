package org.linli.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Camunda's REST API and webapps find their engine through a JVM-wide registry by name ("default"). A run keeps two
 * application contexts (the shared one and the keycloak-profile one), each with a "default" engine, and the one
 * started last would answer the other's REST calls. Before each test this puts the test's own context's engine
 * back in the registry, so every context's REST API talks to its own engine and database.
 */
public class ThisContextsEngine implements BeforeAllCallback, BeforeEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws ClassNotFoundException {
        // the test class's static setup first (ModelDeploymentIT writes a model before its context may start)
        Class<?> testClass = context.getRequiredTestClass();
        Class.forName(testClass.getName(), true, testClass.getClassLoader());
        register(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        register(context);
    }

    private static void register(ExtensionContext context) {
        ProcessEngines.registerProcessEngine(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    }
}
