package org.linli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Everything under processes/, dmn/ and forms/ is deployed on start, under a stable name; a BPMN file
 * dropped into processes/ deploys with no other change. (Its own context, so that the dropped-in file
 * is on the classpath before its engine starts.)
 */
@IntegrationTest
@TestPropertySource(properties = {
        // a second engine in this JVM: its own name (the engine REST API looks engines up by name) and no job
        // executor (it would take the shared context's jobs)
        "camunda.bpm.process-engine-name=model-deployment",
        "camunda.bpm.job-execution.enabled=false",
        // and no MQTT client: one client id per broker session, the shared context has it
        "app.alarm.mqtt.enabled=false"})
class ModelDeploymentIT {

    static final String DROP_IN_KEY = "drop-in-probe";
    static final Path DROP_IN = dropIn();

    @Autowired
    RepositoryService repositoryService;

    @AfterAll
    static void removeDropIn() throws IOException {
        Files.deleteIfExists(DROP_IN);
    }

    @Test
    void deploysEveryModelFileUnderItsStableName() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String folder : List.of("processes", "dmn", "forms")) {
            try (Stream<Path> files = Files.list(Paths.get(folder))) {
                files.filter(Files::isRegularFile).forEach(f -> expected.add(folder + "/" + f.getFileName()));
            }
        }
        List<String> deployed = repositoryService.createDeploymentQuery().list().stream()
                .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
                .toList();

        assertThat(deployed).containsAll(expected);
    }

    @Test
    void deploysAFileDroppedIntoProcesses() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(DROP_IN_KEY).latestVersion().singleResult();

        assertThat(definition).isNotNull();
        assertThat(definition.getResourceName()).isEqualTo("processes/" + DROP_IN_KEY + ".bpmn");
    }

    /** Writes a minimal executable BPMN into the test classpath's processes/ folder. */
    private static Path dropIn() {
        try {
            Path folder = Paths.get("target/test-classes/processes");
            Files.createDirectories(folder);
            Path file = folder.resolve(DROP_IN_KEY + ".bpmn");
            Files.writeString(file, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_DropIn"
                        targetNamespace="http://linli.org/test">
                      <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                        <bpmn:startEvent id="Start_DropIn"/>
                      </bpmn:process>
                    </bpmn:definitions>
                    """.formatted(DROP_IN_KEY));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
