package org.linli.eligibility;

import java.io.InputStream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy decisions as deployed in the engine: the sweep evaluates exactly the DMN version Cockpit shows. */
@Configuration(proxyBeanMethods = false)
class EligibilityConfiguration {

    /** The name the BPMN's timer expressions use: {@code ${eligibilityProperties.offerWindowIso()}}. */
    static final String PROPERTIES_BEAN = "eligibilityProperties";

    /** Configuration-properties scanning names the bean {@code <prefix>-<class name>}; the model needs a plain name. */
    @Bean
    static BeanFactoryPostProcessor eligibilityPropertiesAlias() {
        return beanFactory -> ((BeanDefinitionRegistry) beanFactory).registerAlias(
                EligibilityProperties.PREFIX + "-" + EligibilityProperties.class.getName(), PROPERTIES_BEAN);
    }

    @Bean
    PolicyDecisions policyDecisions(RepositoryService repositoryService, EligibilityProperties properties) {
        return PolicyDecisions.parse(deployed(repositoryService, PolicyDecisions.POLICIES),
                deployed(repositoryService, PolicyDecisions.RENTAL_RISK), properties);
    }

    private static InputStream deployed(RepositoryService repositoryService, String key) {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("Decision " + key + " is not deployed (dmn/" + key + ".dmn)");
        }
        return repositoryService.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName());
    }
}
