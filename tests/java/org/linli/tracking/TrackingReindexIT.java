package org.linli.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The index rebuilt from Camunda history: counts equal to history's, the alias moved, search unaffected. */
@IntegrationTest
public class TrackingReindexIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CaseIndex index;
    @Autowired
    CaseIndexer indexer;
    @Autowired
    CaseOutbox outbox;
    @Autowired
    ReindexTarget reindexTarget;
    @Autowired
    CaseDocuments documents;
    @Autowired
    TrackingProperties properties;
    @Autowired
    Clock clock;

    @Test
    void theIndexIsRebuiltFromHistoryAndTheAliasMovesOnlyWhenCountsMatch() throws Exception {
        TrackingIT.deployProbe(repositoryService);
        String tag = "RI-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 20; i++) {
            String id = TrackingIT.startProbe(runtimeService, tag + "-" + i, "xh01", "liu.yang", null, "路灯 " + tag);
            if (i % 2 == 0) {
                taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(),
                        Map.of("satisfaction", 3));
            }
        }
        Api admin = Api.as(rest, "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/cases?q=" + tag).getBody()
                .contains("\"total\":20"));
        String before = index.indexesBehindAlias().iterator().next();

        assertThat(Api.as(rest, "wang.fang").post("/api/admin/tracking/reindex", "").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // other test contexts of this JVM keep starting instances (timers, device watch): history only grows
        long historyBefore = historyService.createHistoricProcessInstanceQuery().count();
        ResponseEntity<String> started = admin.post("/api/admin/tracking/reindex", "");

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasPath("/api/admin/tracking/reindex");
        JsonNode status = awaitReindexEnd(admin);
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("SWAPPED");
        assertThat(status.get("percent").asInt()).isEqualTo(100);
        JsonNode report = status.get("report");
        assertThat(report.get("swapped").asBoolean()).isTrue();
        assertThat(report.get("indexCount").asLong()).isEqualTo(report.get("historyCount").asLong())
                .isGreaterThanOrEqualTo(20);
        assertThat(report.get("indexOpen").asLong()).isEqualTo(report.get("historyOpen").asLong());
        assertThat(report.get("historyCount").asLong()).isBetween(historyBefore, historyService
                .createHistoricProcessInstanceQuery().count());
        assertThat(index.indexesBehindAlias()).containsExactly(report.get("index").asText()).doesNotContain(before);

        JsonNode closed = new ObjectMapper().readTree(admin.get("/api/cases?state=closed&q=" + tag).getBody());
        assertThat(closed.get("total").asLong()).isEqualTo(10);
        assertThat(closed.get("items").get(0).get("satisfaction").asInt()).isEqualTo(3);
    }

    @Test
    void aSecondReindexIsRefusedWhileOneRunsAndTheStatusIsForAdministratorsOnly() throws Exception {
        Api admin = Api.as(rest, "admin");
        assertThat(Api.as(rest, "wang.fang").get("/api/admin/tracking/reindex").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.post("/api/admin/tracking/reindex", "").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<String> second = admin.post("/api/admin/tracking/reindex", "");
        JsonNode status = awaitReindexEnd(admin);

        // creating the new index alone takes longer than the round trip of the second request
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody()).contains("TRK-003");
        assertThat(status.get("state").asText()).isEqualTo("SWAPPED");
        // total is history's count when the run began; cases started while it pages are written too
        assertThat(status.get("written").asLong()).isGreaterThanOrEqualTo(status.get("total").asLong());
        assertThat(status.get("percent").asInt()).isEqualTo(100);
    }

    /**
     * Every node drains the one outbox. A change that another node's indexer takes while a reindex runs on this
     * node must reach the new index too, or the rebuilt index misses the cases started meanwhile.
     */
    @Test
    void anotherNodesIndexerWritesToTheIndexBeingRebuilt() throws Exception {
        TrackingIT.deployProbe(repositoryService);
        String rebuilding = index.createIndex();
        CaseIndexer otherNode = new CaseIndexer(outbox, reindexTarget, documents, index, properties, clock,
                new SimpleMeterRegistry());
        indexer.stop();
        try {
            reindexTarget.set(rebuilding);
            String id = TrackingIT.startProbe(runtimeService, "RN-" + UUID.randomUUID().toString().substring(0, 6),
                    "xh01", "liu.yang", null, "路灯");
            otherNode.drainOnce();
            // other test contexts of this JVM drain the same outbox too: whichever takes the change writes it there
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                index.refresh(rebuilding);
                assertThat(index.client().exists(e -> e.index(rebuilding).id(id)).value()).isTrue();
            });
        } finally {
            reindexTarget.clear();
            index.delete(rebuilding);
            indexer.start();
        }
    }

    /** Polls the running reindex until it has ended; its last status. */
    static JsonNode awaitReindexEnd(Api admin) throws Exception {
        return awaitReindexEnd(admin, Duration.ofMinutes(2));
    }

    public static JsonNode awaitReindexEnd(Api admin, Duration atMost) throws Exception {
        ObjectMapper json = new ObjectMapper();
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> !json.readTree(
                admin.get("/api/admin/tracking/reindex").getBody()).get("state").asText().equals("RUNNING"));
        return json.readTree(admin.get("/api/admin/tracking/reindex").getBody());
    }
}
