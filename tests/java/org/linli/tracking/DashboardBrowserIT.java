package org.linli.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.BrowserScript;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisors' dashboard in a real headless Chromium (Debian's, driven by playwright-core): it logs in,
 * renders its charts from the seeded cases, filters by community, and leaves a screenshot in
 * target/dashboard.png.
 */
@IntegrationTest
class DashboardBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void aSupervisorSeesTheChartsOfTheCasesInTheirStreet() throws Exception {
        TrackingIT.deployProbe(repositoryService);
        String tag = "DB-" + UUID.randomUUID().toString().substring(0, 6);
        Date pastDue = Date.from(Instant.now().minus(Duration.ofHours(2)));
        Date nextWeek = Date.from(Instant.now().plus(Duration.ofDays(7)));
        for (int i = 0; i < 6; i++) {
            String id = TrackingIT.startProbe(runtimeService, tag + "-" + i, i % 2 == 0 ? "xh01" : "xh02",
                    "zhang.lan", i < 2 ? pastDue : i >= 3 ? nextWeek : null, "电梯故障 " + tag);
            runtimeService.setVariable(id, "handlerGroup", i % 3 == 0 ? "dept-environment" : "dept-housing");
            if (i >= 3) {
                taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(),
                        Map.of("satisfaction", i));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(rest, "chen.jun")
                .get("/api/cases?state=closed&q=" + tag).getBody().contains("\"total\":3"));

        Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        JsonNode seen = runBrowser(screenshot);

        assertThat(seen.get("title").asText()).contains("基层分脑");
        assertThat(seen.get("errors").size()).as(seen.get("errors").toString()).isZero();
        assertThat(seen.get("charts").asInt()).as("every chart drew a canvas").isEqualTo(6);
        assertThat(seen.get("kpis").get("案件总数").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(seen.get("kpis").get("当前超期").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(seen.get("overdueText").asText()).contains(tag);
        assertThat(seen.get("kpis").get("按时办结率").asText()).as("closed in time, counted among cases with a deadline")
                .endsWith("%").isNotEqualTo("0.0%");
        assertThat(seen.get("communities").toString()).contains("新华社区");
        assertThat(seen.get("filteredTotal").asInt()).isLessThan(seen.get("kpis").get("案件总数").asInt());
        assertThat(seen.get("loginHidden").asBoolean()).as("the login form gives way to the board").isTrue();
        assertThat(Files.size(screenshot)).isGreaterThan(20_000);
    }

    private JsonNode runBrowser(Path screenshot) throws Exception {
        Process process = BrowserScript.start("tests/browser/dashboard.mjs",
                "http://127.0.0.1:" + port, "chen.jun", "demo", screenshot.toString());
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("browser run: " + out).isZero();
        List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).as(out).isNotEmpty();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }
}
