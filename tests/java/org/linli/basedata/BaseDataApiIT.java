package org.linli.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class BaseDataApiIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HouseholdDirectory households;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void registersAResidentAndShowsPersonalDataMasked() throws Exception {
        Api clerk = Api.as(rest, "wang.fang");
        long address = json.readTree(clerk.post("/api/basedata/addresses",
                "{\"gridCode\":\"xh01-01\",\"road\":\"建设路5号\",\"building\":\"2\",\"unit\":\"1\",\"room\":\"301\"}")
                .getBody()).get("id").asLong();
        long household = json.readTree(clerk.post("/api/basedata/households",
                "{\"householdNo\":\"IT-0001\",\"addressId\":" + address + ",\"incomePerCapita\":1800}").getBody())
                .get("id").asLong();

        ResponseEntity<String> created = clerk.post("/api/basedata/residents", resident(household, "11010519491231002X"));

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(created.getBody());
        assertThat(body.get("name").asText()).isEqualTo("周桂兰");
        assertThat(body.get("idCardMasked").asText()).isEqualTo("1101**********002X");
        assertThat(body.get("birthDate").asText()).isEqualTo("1949-12-31");
        assertThat(body.get("gender").asText()).isEqualTo("F");
        assertThat(body.get("phoneMasked").asText()).isEqualTo("139****5678");
        assertThat(body.get("standardAddress").asText()).isEqualTo("示范县新华街道新华社区建设路5号2栋1单元301室");
        assertThat(created.getBody()).doesNotContain("11010519491231002X").doesNotContain("13912345678");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bd_resident WHERE id_card_hash = ? OR id_card_masked = ?",
                Integer.class, "11010519491231002X", "11010519491231002X")).isZero();
        assertThat(jdbc.queryForObject("SELECT id_card_hash FROM bd_resident WHERE id = ?", String.class,
                body.get("id").asLong())).matches("[0-9a-f]{64}");

        ResponseEntity<String> found = clerk.post("/api/basedata/residents/lookup",
                "{\"idCardNumber\":\"11010519491231002x\"}");
        assertThat(json.readTree(found.getBody()).get("id").asLong()).isEqualTo(body.get("id").asLong());

        ResponseEntity<String> duplicate = clerk.post("/api/basedata/residents", resident(household, "11010519491231002X"));
        assertProblem(duplicate, HttpStatus.CONFLICT, "BD-004");
    }

    @Test
    void rejectsMalformedIdCardWithoutWritingAnything() throws Exception {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM bd_resident", Integer.class);

        ResponseEntity<String> wrongCheckDigit = Api.as(rest, "wang.fang").post("/api/basedata/residents",
                resident(1, "110105194912310029"));
        ResponseEntity<String> impossibleDate = Api.as(rest, "wang.fang").post("/api/basedata/residents",
                resident(1, "110105194913310021"));

        assertProblem(wrongCheckDigit, HttpStatus.BAD_REQUEST, "BD-003");
        assertThat(json.readTree(wrongCheckDigit.getBody()).get("detail").asText()).contains("check digit");
        assertProblem(impossibleDate, HttpStatus.BAD_REQUEST, "BD-003");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bd_resident", Integer.class)).isEqualTo(before);
    }

    @Test
    void rejectsAnAddressInAnUnknownGrid() throws Exception {
        ResponseEntity<String> response = Api.as(rest, "wang.fang").post("/api/basedata/addresses",
                "{\"gridCode\":\"no-such-grid\",\"road\":\"建设路\",\"building\":\"1\",\"unit\":\"1\",\"room\":\"101\"}");

        assertProblem(response, HttpStatus.BAD_REQUEST, "BD-001");
        assertThat(json.readTree(response.getBody()).get("detail").asText()).contains("no-such-grid");
    }

    @Test
    void namesEveryInvalidField() throws Exception {
        ResponseEntity<String> response = Api.as(rest, "wang.fang").post("/api/basedata/residents",
                "{\"householdId\":1,\"name\":\"\",\"idCardNumber\":\"11010519491231002X\",\"phone\":\"12345\","
                        + "\"disabilityLevel\":9,\"hukouType\":\"LOCAL_URBAN\"}");

        assertProblem(response, HttpStatus.BAD_REQUEST, "API-400");
        assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "phone", "disabilityLevel");
    }

    @Test
    void aClerkLinksAResidentToTheLoginThatActsForTheirHousehold() throws Exception {
        Api clerk = Api.as(rest, "wang.fang");
        long address = json.readTree(clerk.post("/api/basedata/addresses",
                "{\"gridCode\":\"xh01-01\",\"road\":\"建设路7号\",\"building\":\"1\",\"unit\":\"1\",\"room\":\"101\"}")
                .getBody()).get("id").asLong();
        long household = json.readTree(clerk.post("/api/basedata/households",
                "{\"householdNo\":\"IT-LINK-1\",\"addressId\":" + address + "}").getBody()).get("id").asLong();
        String first17 = "11010519560707031";
        long resident = json.readTree(clerk.post("/api/basedata/residents",
                resident(household, first17 + IdCardNumber.checkChar(first17))).getBody()).get("id").asLong();
        String path = "/api/basedata/residents/" + resident + "/account";

        assertThat(clerk.exchange(HttpMethod.PUT, path, "{\"userId\":\"it.link-1\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(households.householdOfAccount("it.link-1")).contains(household);

        long liuYang = jdbc.queryForObject("SELECT id FROM bd_resident WHERE user_id = 'liu.yang'", Long.class);
        assertProblem(clerk.exchange(HttpMethod.PUT, "/api/basedata/residents/" + liuYang + "/account",
                "{\"userId\":\"it.link-1\"}"), HttpStatus.CONFLICT, "BD-023");
        assertProblem(clerk.exchange(HttpMethod.PUT, "/api/basedata/residents/987654321/account",
                "{\"userId\":\"it.link-9\"}"), HttpStatus.NOT_FOUND, "BD-005");
        assertThat(clerk.exchange(HttpMethod.PUT, path, "{\"userId\":\"<script>\"}").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Api.as(rest, "li.qiang").exchange(HttpMethod.PUT, path, "{\"userId\":\"it.link-9\"}")
                .getStatusCode()).as("a grid worker does not link logins").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("SELECT user_id FROM bd_resident WHERE id = ?", String.class, liuYang))
                .isEqualTo("liu.yang");

        assertThat(clerk.exchange(HttpMethod.PUT, path, "{\"userId\":\"it.link-2\"}").getStatusCode())
                .as("a new login replaces the resident's old one").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(households.householdOfAccount("it.link-1")).isEmpty();
        assertThat(households.householdOfAccount("it.link-2")).contains(household);
    }

    @Test
    void answersUnreadableJsonWithAProblem() throws Exception {
        ResponseEntity<String> response = Api.as(rest, "wang.fang").post("/api/basedata/residents", "{not json");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("code").asText()).isEqualTo("API-400");
    }

    @Test
    void refusesAnonymousCallers() {
        assertThat(Api.anonymous(rest).get("/api/basedata/communities").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void listsTheDemoHierarchy() throws Exception {
        JsonNode communities = json.readTree(Api.as(rest, "wang.fang").get("/api/basedata/communities").getBody());

        assertThat(communities.findValuesAsText("code")).contains("xh01", "xh02", "xh01-01", "xh01-02", "xh02-01");
    }

    private static String resident(long household, String idCard) {
        return "{\"householdId\":" + household + ",\"name\":\"周桂兰\",\"idCardNumber\":\"" + idCard + "\","
                + "\"phone\":\"13912345678\",\"disabilityLevel\":0,\"hukouType\":\"LOCAL_URBAN\",\"livingAlone\":true,"
                + "\"tags\":[\"elderly\"]}";
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String code) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("type").asText()).isEqualTo("/problems/" + code);
    }
}
