package org.linli.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * Case search builds its documents from the variables history keeps (docs/tracking.md), and the audit log finds
 * a case's community there. A variable the configuration leaves out of history would silently vanish from both.
 */
class HistoryKeepsSearchedVariablesTest {

    @Test
    void historyKeepsEveryVariableCaseSearchAndTheAuditLogRead() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        List<String> outOfHistory = Arrays.stream(StringUtils.commaDelimitedListToStringArray(
                properties.getProperty("app.history.personal-variables") + ","
                        + properties.getProperty("app.history.working-variables")))
                .map(String::trim).toList();

        assertThat(outOfHistory).as("the configured lists").contains("reporterPhone", "escalationChain");
        assertThat(outOfHistory).doesNotContainAnyElementsOf(Arrays.asList(CaseDocuments.Conventions.NAMES))
                .doesNotContain("communityCode", "communityGroup");
    }
}
