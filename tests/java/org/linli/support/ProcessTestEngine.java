package org.linli.support;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * The in-memory engine of process tests (H2, job executor off), from
 * {@code tests/resources/process-test.camunda.cfg.xml}. The file must not be called {@code camunda.cfg.xml}:
 * the engine REST API looks engines up through {@code ProcessEngines}, which builds an engine from any
 * {@code camunda.cfg.xml} on the classpath, so integration tests would authenticate against an empty
 * in-memory engine instead of the application's.
 */
public final class ProcessTestEngine {

    public static final String CONFIGURATION = "process-test.camunda.cfg.xml";

    private ProcessTestEngine() {
    }

    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().configurationResource(CONFIGURATION).build();
    }
}
