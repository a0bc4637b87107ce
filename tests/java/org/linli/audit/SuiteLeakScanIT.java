package org.linli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.audit.PersonalDataLeakIT.RAW_ID_CARD;
import static org.linli.audit.PersonalDataLeakIT.RAW_PHONE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.linli.support.IntegrationTest;
import org.linli.support.RunsLast;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What the whole run left behind, after every other integration test: the suite's scenarios put residents' phone
 * and id-card numbers in through every door (base data, hotline and portal grievances, Open311, home visits, devices'
 * contacts, assisted filing, erasure), so no log line of any test context or app node and no document of the case
 * index may hold one in full.
 */
@IntegrationTest
@RunsLast
class SuiteLeakScanIT {

    private static final Path TARGET = Path.of("target");

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Value("${app.tracking.alias}")
    String alias;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void noLogLineOfTheRunHoldsARawPhoneOrIdCardNumber() throws IOException {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(TARGET.resolve("it-logs"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".log")).forEach(logs::add);
        }
        try (Stream<Path> files = Files.list(TARGET)) {
            files.filter(f -> f.getFileName().toString().matches("app-node-.*\\.log")).forEach(logs::add);
        }
        List<String> leaks = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            List<String> content = Files.readAllLines(log, StandardCharsets.UTF_8);
            lines += content.size();
            for (int n = 0; n < content.size(); n++) {
                leak(log.getFileName() + ":" + (n + 1), content.get(n), leaks);
            }
        }
        assertThat(lines).as("the run's log (%s)", logs).isPositive();
        assertThat(leaks).as("raw numbers in the log").isEmpty();
    }

    @Test
    void noDocumentOfTheCaseIndexHoldsARawPhoneOrIdCardNumber() throws IOException {
        RestClient client = RestClient.create(elasticsearch);
        List<String> leaks = new ArrayList<>();
        long documents = 0;
        JsonNode page = json.readTree(client.post().uri("/" + alias + "/_search?scroll=1m")
                .contentType(MediaType.APPLICATION_JSON).body("{\"size\":1000,\"query\":{\"match_all\":{}}}")
                .retrieve().body(String.class));
        while (page.at("/hits/hits").size() > 0) {
            for (JsonNode hit : page.at("/hits/hits")) {
                documents++;
                leak(hit.get("_id").asText(), hit.get("_source").toString(), leaks);
            }
            page = json.readTree(client.post().uri("/_search/scroll").contentType(MediaType.APPLICATION_JSON)
                    .body(json.createObjectNode().put("scroll", "1m").put("scroll_id", page.get("_scroll_id").asText())
                            .toString())
                    .retrieve().body(String.class));
        }
        assertThat(documents).as("cases the run tracked").isPositive();
        assertThat(leaks).as("raw numbers in the case index").isEmpty();
    }

    private static void leak(String where, String text, List<String> leaks) {
        for (Matcher matcher : List.of(RAW_PHONE.matcher(text), RAW_ID_CARD.matcher(text))) {
            if (matcher.find() && leaks.size() < 20) {
                leaks.add(where + ": " + text.substring(Math.max(0, matcher.start() - 80),
                        Math.min(text.length(), matcher.end() + 80)));
            }
        }
    }
}
