package org.linli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Remembers which decision definition a deployment holds under a key. A business rule task bound to its own
 * deployment ({@code camunda:decisionRefBinding="deployment"}) makes the engine look that up in the database at every
 * evaluation, although a deployment's definitions never change: two queries per alarm started, 4 % of the alarm
 * ingestion's CPU in a profile. The answer is kept for {@link #FRESH_FOR}, so a history time to live changed through
 * the API reaches new evaluations within that time, as the engine's definition cache takes it from each lookup.
 */
final class DeployedDecisionLookups implements SessionFactory {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final Map<String, Remembered> byDeploymentAndKey = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    DeployedDecisionLookups() {
        this(System::nanoTime);
    }

    DeployedDecisionLookups(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public Class<?> getSessionType() {
        return DecisionDefinitionManager.class;
    }

    @Override
    public Session openSession() {
        return new Manager();
    }

    private record Remembered(DecisionDefinitionEntity definition, long until) {
    }

    final class Manager extends DecisionDefinitionManager {

        @Override
        public DecisionDefinitionEntity findDecisionDefinitionByDeploymentAndKey(String deploymentId, String key) {
            String lookup = deploymentId + '\n' + key;
            long now = nanoTime.getAsLong();
            Remembered remembered = byDeploymentAndKey.get(lookup);
            if (remembered != null && now - remembered.until() < 0) {
                return remembered.definition();
            }
            DecisionDefinitionEntity definition = super.findDecisionDefinitionByDeploymentAndKey(deploymentId, key);
            if (definition != null) {
                byDeploymentAndKey.put(lookup, new Remembered(definition, now + FRESH_FOR.toNanos()));
            } else {
                byDeploymentAndKey.remove(lookup);
            }
            return definition;
        }
    }
}
