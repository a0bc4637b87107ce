package org.linli.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.linli.support.ChildProcess;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Elasticsearch stops (the real node of this run, through bin/provision-elasticsearch), 1,000 cases start and a
 * quarter of them finish on the engine, which neither fails nor waits; Elasticsearch comes back and every one of
 * the 1,000 documents arrives with its final state. Part of the fault suite (*FaultIT, docs/performance.md): the
 * engine is unaffected by an Elasticsearch outage, the index is complete after it.
 */
@IntegrationTest
class TrackingOutageFaultIT {

    static final int CASES = 1_000;

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseIndex index;

    @Test
    void casesChangedWhileElasticsearchIsDownAreAllIndexedWhenItReturns() throws Exception {
        TrackingIT.deployProbe(repositoryService);
        String category = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> expectedState = new HashMap<>();
        provision("stop");
        long started = System.nanoTime();
        try {
            assertThat(index.reachable()).as("Elasticsearch is down").isFalse();
            for (int i = 0; i < CASES; i++) {
                String caseNumber = category + "-" + i;
                Map<String, Object> variables = new HashMap<>();
                variables.put("caseNumber", caseNumber);
                variables.put("communityCode", i % 2 == 0 ? "xh01" : "xh02");
                variables.put("communityGroup", i % 2 == 0 ? "community-xh01" : "community-xh02");
                variables.put("category", category);
                String id = runtimeService.startProcessInstanceByKey(TrackingIT.PROBE, caseNumber, variables).getId();
                if (i % 4 == 0) {
                    taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(),
                            Map.of("satisfaction", 4));
                    expectedState.put(caseNumber, "COMPLETED");
                } else {
                    expectedState.put(caseNumber, "ACTIVE");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("TrackingOutageFaultIT: %d cases (%d completed) on the engine in %.1f s with Elasticsearch "
                    + "down%n", CASES, CASES / 4, seconds);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trk_outbox", Long.class))
                    .as("changes wait in the outbox").isGreaterThanOrEqualTo(CASES);
        } finally {
            provision("start");
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            index.refresh(index.alias());
            return documents(category).stream().filter(d -> expectedState.get(d.caseNumber()).equals(d.state()))
                    .count() == CASES;
        });
        List<CaseDocument> documents = documents(category);
        assertThat(documents).hasSize(CASES);
        for (CaseDocument document : documents) {
            assertThat(document.state()).as(document.caseNumber()).isEqualTo(expectedState.get(document.caseNumber()));
            assertThat(document.open()).isEqualTo("ACTIVE".equals(document.state()));
            assertThat(document.family()).isEqualTo(TrackingIT.PROBE);
            assertThat(document.communityCode()).isIn("xh01", "xh02");
            assertThat(document.streetCode()).as("from the base data hierarchy").isEqualTo("xh");
            if (!document.open()) {
                assertThat(document.satisfaction()).isEqualTo(4);
                assertThat(document.currentSteps()).isEmpty();
            } else {
                assertThat(document.currentSteps()).containsExactly("处理告警");
            }
        }
        assertThat(documents.stream().map(CaseDocument::caseNumber).distinct().count()).isEqualTo(CASES);
    }

    private List<CaseDocument> documents(String category) throws IOException {
        SearchResponse<CaseDocument> response = index.client().search(s -> s.index(index.alias()).size(CASES + 10)
                .query(q -> q.term(t -> t.field("category").value(category))), CaseDocument.class);
        return response.hits().hits().stream().map(Hit::source).toList();
    }

    /** Stops or starts this run's node the way bin/test started it. */
    static void provision(String command) throws IOException, InterruptedException {
        URI url = URI.create(System.getProperty("linli.test.es.url", "http://127.0.0.1:9200"));
        ChildProcess.run(null, Map.of("LINLI_ES_PORT", String.valueOf(url.getPort())),
                List.of("bin/provision-elasticsearch", command));
    }
}
