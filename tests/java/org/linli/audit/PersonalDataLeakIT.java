package org.linli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.basedata.IdCardNumber;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Residents' phone and id-card numbers go in through every door (base data registration, a hotline grievance for a
 * caller without an account, Open311, a description that quotes them) and must come out nowhere in full: not in the
 * application log (every line of every logger, captured while the scenarios run), not in the Elasticsearch
 * documents of those cases, not in the answers to staff who do not need them, not in published Open311 requests.
 */
@IntegrationTest
class PersonalDataLeakIT {

    static final Pattern RAW_ID_CARD = Pattern.compile("(?<![\\dA-Za-z])\\d{17}[\\dXx](?![\\dA-Za-z])");
    static final Pattern RAW_PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    @Autowired
    TestRestTemplate rest;

    @Value("${spring.elasticsearch.uris}")
    String elasticsearch;

    @Value("${app.tracking.alias}")
    String alias;

    final ObjectMapper json = new ObjectMapper();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureTheLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        root.detachAppender(log);
    }

    @Test
    void noRawPhoneOrIdCardLeavesThroughLogsIndexOrAnswers() throws Exception {
        String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000L);
        String first17 = "33010619" + String.format("%02d", 50 + (int) (System.nanoTime() % 40)) + "0615" + "123";
        String idCard = first17 + IdCardNumber.checkChar(first17);
        Api clerk = Api.as(rest, "wang.fang");

        // base data: a resident registered with both, then read back by staff
        long household = json.readTree(clerk.post("/api/basedata/households",
                "{\"householdNo\":\"LEAK-" + System.nanoTime() + "\",\"addressId\":1}").getBody()).get("id").asLong();
        ResponseEntity<String> registered = clerk.post("/api/basedata/residents", "{\"householdId\":" + household
                + ",\"name\":\"测试居民\",\"idCardNumber\":\"" + idCard + "\",\"phone\":\"" + phone
                + "\",\"disabilityLevel\":0,\"hukouType\":\"LOCAL_URBAN\",\"livingAlone\":false}");
        assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
        long resident = json.readTree(registered.getBody()).get("id").asLong();
        String read = clerk.get("/api/basedata/residents/" + resident).getBody();
        assertThat(read).contains(phone.substring(0, 3) + "****" + phone.substring(7)).doesNotContain(phone, idCard);

        // a hotline caller without an account, who quotes both numbers in the description as well
        ResponseEntity<String> hotline = clerk.post("/api/grievances", """
                {"channel":"HOTLINE","reporterName":"来电人","reporterPhone":"%s","category":"environment",
                 "description":"请回电%s，身份证%s","communityCode":"xh01","addressId":1}""".formatted(phone, phone, idCard));
        assertThat(hotline.getStatusCode()).as(hotline.getBody()).isEqualTo(HttpStatus.CREATED);
        String hotlineCase = json.readTree(hotline.getBody()).get("caseNumber").asText();

        // Open311 with a phone, then the published request
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setBasicAuth("liu.yang", "demo");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("jurisdiction_id", "xh01");
        form.add("service_code", "environment");
        form.add("description", "井盖松动，联系电话" + phone);
        form.add("address_string", "幸福路12号");
        form.add("phone", phone);
        form.add("first_name", "洋");
        form.add("last_name", "刘");
        ResponseEntity<String> open311 = rest.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers),
                String.class);
        assertThat(open311.getStatusCode().is2xxSuccessful()).as(open311.getBody()).isTrue();
        String open311Case = json.readTree(open311.getBody()).get(0).get("service_request_id").asText();
        String published = Api.as(rest, "liu.yang").get("/open311/v2/requests/" + open311Case + ".json").getBody();
        assertNoRawNumbers("published Open311 request", published);
        assertThat(published).doesNotContain("刘洋");

        // the tracking index, once both cases are in it
        for (String caseNumber : List.of(hotlineCase, open311Case)) {
            String documents = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> RestClient.create(elasticsearch).get()
                            .uri("/" + alias + "/_search?q=caseNumber:" + caseNumber).retrieve().body(String.class),
                            body -> body.contains("\"caseNumber\":\"" + caseNumber + "\""));
            assertNoRawNumbers("Elasticsearch documents of " + caseNumber, documents);
        }

        List<String> lines = log.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        assertThat(lines).as("the scenarios were logged").isNotEmpty();
        for (String line : lines) {
            assertNoRawNumbers("log line", line);
        }
    }

    private static void assertNoRawNumbers(String where, String text) {
        assertThat(RAW_PHONE.matcher(text).find()).as("raw phone number in %s: %s", where, text).isFalse();
        assertThat(RAW_ID_CARD.matcher(text).find()).as("raw id-card number in %s: %s", where, text).isFalse();
    }
}
