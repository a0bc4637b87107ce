package org.linli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;
import java.net.URL;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.UrlResource;

class StableNameDeploymentConfigurationTest {

    @Test
    void namesAFileOnDiskRelativeToItsModelFolder() throws MalformedURLException {
        assertThat(StableNameDeploymentConfiguration.stableName(
                new UrlResource("file:/work/main/target/classes/processes/grievance-handling.bpmn")))
                .isEqualTo("processes/grievance-handling.bpmn");
    }

    @Test
    void namesAFileInsideTheFatJarTheSameWay() throws MalformedURLException {
        assertThat(StableNameDeploymentConfiguration.stableName(new UrlResource(
                new URL("jar:file:/app/linli.jar!/BOOT-INF/classes!/forms/grievance-handling-rate.form"))))
                .isEqualTo("forms/grievance-handling-rate.form");
    }

    @Test
    void keepsSubfoldersAndTakesTheInnermostModelFolder() throws MalformedURLException {
        assertThat(StableNameDeploymentConfiguration.stableName(
                new UrlResource("file:/home/dmn/linli/target/classes/dmn/eligibility/eligibility-old-age.dmn")))
                .isEqualTo("dmn/eligibility/eligibility-old-age.dmn");
    }
}
