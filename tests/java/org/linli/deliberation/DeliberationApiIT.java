package org.linli.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linli.basedata.HouseholdDirectory;
import org.linli.basedata.IdCardNumber;
import org.linli.basedata.PlaceCommands.CreateGridCommand;
import org.linli.basedata.PlaceCommands.RegisterAddressCommand;
import org.linli.basedata.PlaceRegistry;
import org.linli.basedata.ResidentCommands.HukouType;
import org.linli.basedata.ResidentCommands.RegisterHouseholdCommand;
import org.linli.basedata.ResidentCommands.RegisterResidentCommand;
import org.linli.basedata.ResidentRegistry;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deliberations through the application API on PostgreSQL, as residents, clerks and supervisors: co-signing to
 * screening, discussion, a vote that decides, the result on the board; and 300 households voting at once.
 * The job executor runs the asynchronous steps; the tests fire the discussion and voting timers instead of waiting
 * days for them.
 */
@IntegrationTest
class DeliberationApiIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    PlaceRegistry places;

    @Autowired
    ResidentRegistry residents;

    @Autowired
    HouseholdDirectory households;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    /** Logins this test created; removed afterwards so that other tests still see only the demo users. */
    final List<String> createdUsers = new ArrayList<>();

    @AfterEach
    void deleteCreatedUsers() {
        createdUsers.forEach(identityService::deleteUser);
        createdUsers.clear();
    }

    @Test
    void aResidentsTopicIsCoSignedAcceptedDiscussedAndDecidedByVote() throws Exception {
        Neighbourhood n = neighbourhood(6, "1");
        Api proposer = Api.as(rest, n.users().get(0));

        ResponseEntity<String> proposed = proposer.post("/api/deliberations", """
                {"title":"规范单元门口电动车停放","description":"电动车堵塞消防通道，建议划定停放区",
                 "topicType":"parking","communityCode":"xh01",
                 "affectedArea":[{"gridCode":"%s","road":"%s","building":"1"}]}""".formatted(n.grid(), n.road()));
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String topic = json.readTree(proposed.getBody()).get("topicNumber").asText();
        assertThat(topic).matches("YS-\\d{4}-\\d{6}");
        assertThat(view(proposer, topic).get("status").asText()).isEqualTo("PROPOSED");

        assertProblem(Api.as(rest, "zhang.lan").post(path(topic, "co-signatures"), ""), 403, "DLB-005");
        for (int i = 1; i < 4; i++) {
            assertThat(Api.as(rest, n.users().get(i)).post(path(topic, "co-signatures"), "").getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(view(proposer, topic).get("coSignCount").asInt()).isEqualTo(4);
        ResponseEntity<String> fifth = Api.as(rest, n.users().get(4)).post(path(topic, "co-signatures"), "");
        assertThat(json.readTree(fifth.getBody()).get("coSignCount").asInt()).isEqualTo(5);
        assertThat(view(proposer, topic).get("status").asText()).isEqualTo("SCREENING");
        assertProblem(Api.as(rest, n.users().get(5)).post(path(topic, "co-signatures"), ""), 409, "DLB-006");

        String accept = """
                {"outcome":"ACCEPT","topicType":"parking","options":["同意划定停放区","不同意"],
                 "representatives":["dept-urban"],"responsibleGroup":"dept-environment"}""";
        assertProblem(proposer.post(path(topic, "screening"), accept), 403, "DLB-009");
        assertProblem(Api.as(rest, "wang.fang").post(path(topic, "screening"),
                "{\"outcome\":\"ACCEPT\",\"topicType\":\"parking\",\"options\":[\"只有一个\"],\"responsibleGroup\":\"x\"}"),
                400, "DLB-002");
        assertThat(Api.as(rest, "wang.fang").post(path(topic, "screening"), accept).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        awaitRound(proposer, topic, "DISCUSSION");
        JsonNode deliberating = view(proposer, topic);
        assertThat(deliberating.get("participatingHouseholds").asInt()).isEqualTo(6);
        assertThat(deliberating.get("majorityType").asText()).isEqualTo("TWO_THIRDS");
        long yes = deliberating.at("/rounds/0/options/0/id").asLong();
        long no = deliberating.at("/rounds/0/options/1/id").asLong();

        assertProblem(proposer.post(path(topic, "votes"), "{\"optionId\":" + yes + "}"), 409, "DLB-007");
        assertThat(proposer.post(path(topic, "comments"), "{\"text\":\"建议在绿化带旁划线\"}").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        fireTimer(topic, "Event_DiscussionEnds");
        awaitRound(proposer, topic, "VOTING");
        for (int i = 0; i < 5; i++) {
            vote(n.users().get(i), topic, yes);
        }
        vote(n.users().get(4), topic, no); // changes the household's vote
        vote(n.users().get(4), topic, yes); // and back
        vote(n.users().get(5), topic, no);
        assertProblem(Api.as(rest, "zhang.lan").post(path(topic, "votes"), "{\"optionId\":" + yes + "}"), 403, "DLB-004");
        assertProblem(proposer.post(path(topic, "votes"), "{\"optionId\":999999999}"), 400, "DLB-008");

        JsonNode secret = view(proposer, topic);
        assertThat(secret.at("/rounds/0/myVote").asLong()).isEqualTo(yes);
        assertThat(secret.at("/rounds/0/options/0/votes").isMissingNode()).as("no counts while voting").isTrue();
        assertThat(secret.at("/comments/0/author").asText()).isEqualTo("我");
        assertThat(view(Api.as(rest, n.users().get(1)), topic).at("/comments/0/author").asText()).isEqualTo("参与者");
        assertProblem(proposer.get(path(topic, "rounds/1/votes")), 403, "DLB-010");
        JsonNode audit = json.readTree(Api.as(rest, "chen.jun").get(path(topic, "rounds/1/votes")).getBody());
        assertThat(audit).hasSize(6);
        assertThat(audit.findValuesAsText("userId")).contains(n.users().get(5));

        fireTimer(topic, "Event_VotingCloses");
        await().atMost(Duration.ofSeconds(60)).until(() -> "IMPLEMENTING".equals(view(proposer, topic).get("status").asText()));
        JsonNode decided = view(proposer, topic);
        assertThat(decided.get("outcome").asText()).isEqualTo("同意划定停放区");
        assertThat(decided.at("/rounds/0/result").asText()).isEqualTo("DECIDED");
        assertThat(decided.at("/rounds/0/options/0/votes").asInt()).isEqualTo(5);
        assertThat(decided.at("/rounds/0/options/1/votes").asInt()).isEqualTo(1);
        assertProblem(proposer.post(path(topic, "votes"), "{\"optionId\":" + no + "}"), 409, "DLB-007");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dlb_vote v JOIN dlb_round r ON r.id = v.round_id "
                + "WHERE r.topic_number = ? AND v.option_id = ?", Integer.class, topic, yes)).isEqualTo(5);

        String board = Api.as(rest, "zhang.lan").get("/api/deliberations/board?community=xh01").getBody();
        assertThat(board).contains(topic).contains("同意划定停放区");
        n.users().forEach(user -> assertThat(board).doesNotContain(user));

        JsonNode points = json.readTree(proposer.get("/api/deliberations/points").getBody());
        assertThat(points.get("total").asInt()).as("one comment (1) and one vote (2)").isEqualTo(3);
        JsonNode changed = json.readTree(Api.as(rest, n.users().get(4)).get("/api/deliberations/points").getBody());
        assertThat(changed.get("total").asInt()).as("changing a vote earns nothing more").isEqualTo(2);

        assertThat(Api.as(rest, "zhao.min").post(path(topic, "implementation"), "{\"report\":\"已划线并设置指示牌\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(60)).until(() -> "FOLLOW_UP".equals(view(proposer, topic).get("status").asText()));
        assertThat(proposer.post(path(topic, "satisfaction"), "{\"rating\":5}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(view(proposer, topic).get("satisfactionRatings").asInt()).isEqualTo(1);
    }

    @Test
    void threeHundredHouseholdsVoteAtOnceAndTheTallyIsExact() throws Exception {
        Neighbourhood n = neighbourhood(300, "2");
        Api clerk = Api.as(rest, "wang.fang");
        ResponseEntity<String> proposed = clerk.post("/api/deliberations", """
                {"title":"小区广场使用时段","description":"广场舞与休息需求协调","topicType":"public-space",
                 "communityCode":"xh01","affectedArea":[{"gridCode":"%s"}]}""".formatted(n.grid()));
        String topic = json.readTree(proposed.getBody()).get("topicNumber").asText();
        assertThat(view(clerk, topic).get("status").asText()).as("the community's topic needs no co-signers")
                .isEqualTo("SCREENING");
        clerk.post(path(topic, "screening"), """
                {"outcome":"ACCEPT","topicType":"public-space","options":["白天开放","全天开放","不开放"],
                 "responsibleGroup":"dept-urban"}""");
        awaitRound(clerk, topic, "DISCUSSION");
        fireTimer(topic, "Event_DiscussionEnds");
        awaitRound(clerk, topic, "VOTING");
        JsonNode options = view(clerk, topic).at("/rounds/0/options");
        long[] ids = {options.get(0).get("id").asLong(), options.get(1).get("id").asLong(), options.get(2).get("id").asLong()};

        // first choices, then every household's final choice sent twice at once: one row per household must remain
        List<Callable<ResponseEntity<String>>> first = new ArrayList<>();
        List<Callable<ResponseEntity<String>>> last = new ArrayList<>();
        int[] expected = new int[3];
        for (int i = 0; i < 300; i++) {
            String user = n.users().get(i);
            int initial = i % 3;
            int fin = i % 5 == 0 ? (i + 1) % 3 : initial;
            expected[fin]++;
            first.add(() -> Api.as(rest, user).post(path(topic, "votes"), "{\"optionId\":" + ids[initial] + "}"));
            for (int copy = 0; copy < 2; copy++) {
                last.add(() -> Api.as(rest, user).post(path(topic, "votes"), "{\"optionId\":" + ids[fin] + "}"));
            }
        }
        long started = System.nanoTime();
        runConcurrently(first);
        runConcurrently(last);
        System.out.printf("deliberation: %d vote requests of 300 households through REST, 16 clients: %d ms%n",
                first.size() + last.size(), (System.nanoTime() - started) / 1_000_000);

        fireTimer(topic, "Event_VotingCloses");
        await().atMost(Duration.ofSeconds(120)).until(() -> "CLOSED".equals(view(clerk, topic).at("/rounds/0/status").asText()));
        JsonNode round = view(clerk, topic).at("/rounds/0");
        assertThat(round.get("votedHouseholds").asInt()).isEqualTo(300);
        assertThat(round.get("eligibleHouseholds").asInt()).isEqualTo(300);
        for (int o = 0; o < 3; o++) {
            assertThat(round.at("/options/" + o + "/votes").asInt()).as("option %d", o).isEqualTo(expected[o]);
        }
        assertThat(round.get("result").asText()).as("%s", round).isEqualTo(expected[0] * 2 > 300 || expected[1] * 2 > 300
                || expected[2] * 2 > 300 ? "DECIDED" : "NO_DECISION");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dlb_points WHERE topic_number = ? AND kind = 'VOTE'",
                Integer.class, topic)).as("vote points once per household").isEqualTo(300);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    record Neighbourhood(String grid, String road, List<String> users) {
    }

    /** A fresh grid with one building of {@code size} households (floor areas 60-119 m²), each with its login. */
    @Test
    void aClerkRecordsAResidentsVoteOnTheirBehalfOnlyWithTheirConsent() throws Exception {
        Neighbourhood n = neighbourhood(2, "9");
        String voter = n.users().get(0);
        Api clerk = Api.as(rest, "wang.fang");
        ResponseEntity<String> proposed = clerk.post("/api/deliberations", """
                {"title":"楼前空地改建健身角","description":"老人希望就近锻炼","topicType":"other","communityCode":"xh01",
                 "affectedArea":[{"gridCode":"%s","road":"%s","building":"9"}]}""".formatted(n.grid(), n.road()));
        assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.CREATED);
        String topic = json.readTree(proposed.getBody()).get("topicNumber").asText();
        assertThat(clerk.post(path(topic, "screening"), """
                {"outcome":"ACCEPT","topicType":"other","options":["同意","不同意"],"responsibleGroup":"dept-environment"}""")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        awaitRound(clerk, topic, "DISCUSSION");
        fireTimer(topic, "Event_DiscussionEnds");
        awaitRound(clerk, topic, "VOTING");
        long yes = view(clerk, topic).at("/rounds/0/options/0/id").asLong();
        String assisted = "{\"optionId\":" + yes + ",\"onBehalfOf\":\"" + voter + "\"%s}";

        assertProblem(clerk.post(path(topic, "votes"), assisted.formatted("")), 400, "BD-021");
        assertProblem(Api.as(rest, n.users().get(1)).post(path(topic, "votes"), assisted.formatted(",\"consent\":true")),
                403, "BD-020");
        assertThat(view(Api.as(rest, voter), topic).at("/rounds/0/myVote").asLong()).as("nothing counted yet").isZero();

        ResponseEntity<String> voted = clerk.post(path(topic, "votes"), assisted.formatted(",\"consent\":true"));
        assertThat(voted.getStatusCode()).as(voted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(view(Api.as(rest, voter), topic).at("/rounds/0/myVote").asLong()).isEqualTo(yes);
        Map<String, Object> entry = jdbc.queryForMap(
                "SELECT * FROM aud_entry WHERE action = 'vote.cast' AND object_id = ? ORDER BY seq DESC LIMIT 1", topic);
        assertThat(entry).containsEntry("actor", "wang.fang").containsEntry("on_behalf_of", voter)
                .containsEntry("reason", "resident consented");
        assertThat(Api.as(rest, voter).get("/api/notifications").getBody()).contains("王芳代您在议题 " + topic);
    }

    private Neighbourhood neighbourhood(int size, String building) {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String grid = "xh01-d" + suffix;
        String road = "协商路" + suffix + "号";
        places.createGrid(new CreateGridCommand(grid, "协商测试网格" + suffix, "xh01"));
        List<String> users = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long address = places.registerAddress(new RegisterAddressCommand(grid, road, building,
                    Integer.toString(i % 4 + 1), Integer.toString(101 + i), false)).id();
            String householdNo = "D" + suffix + "-" + i;
            long household = residents.registerHousehold(new RegisterHouseholdCommand(householdNo, address, null));
            households.recordFloorArea(household, BigDecimal.valueOf(60 + i % 60));
            // a distinct birth date per neighbourhood (region 330109, used by no other test), a sequence per household
            int seed = Integer.parseInt(suffix);
            String first17 = "330109%04d%02d%02d%03d".formatted(1930 + seed % 70, 1 + seed / 70 % 12,
                    1 + seed / 840 % 28, i);
            long resident = residents.registerResident(new RegisterResidentCommand(household, "协商测试居民" + i,
                    first17 + IdCardNumber.checkChar(first17), null, null, null, 0, HukouType.LOCAL_URBAN, false,
                    Set.of())).id();
            String userId = "d" + suffix + "." + i;
            User user = identityService.newUser(userId);
            user.setFirstName("居民" + i);
            user.setLastName("");
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership(userId, "residents");
            createdUsers.add(userId);
            // the login acts for the household of the resident it belongs to, linked once in base data
            ResponseEntity<String> linked = Api.as(rest, "wang.fang").exchange(HttpMethod.PUT,
                    "/api/basedata/residents/" + resident + "/account", "{\"userId\":\"" + userId + "\"}");
            assertThat(linked.getStatusCode()).as(linked.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
            users.add(userId);
        }
        return new Neighbourhood(grid, road, users);
    }

    private void runConcurrently(List<Callable<ResponseEntity<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<ResponseEntity<String>>> results = pool.invokeAll(calls);
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<ResponseEntity<String>> result : results) {
                statuses.merge(result.get().getStatusCode().value(), 1, Integer::sum);
            }
            assertThat(statuses).isEqualTo(Map.of(204, calls.size()));
        } finally {
            pool.shutdownNow();
        }
    }

    private void vote(String user, String topic, long optionId) {
        ResponseEntity<String> voted = Api.as(rest, user).post(path(topic, "votes"), "{\"optionId\":" + optionId + "}");
        assertThat(voted.getStatusCode()).as("%s", voted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void fireTimer(String topic, String activityId) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(topic).singleResult()
                .getId();
        Job timer = await().atMost(Duration.ofSeconds(60)).until(() -> managementService.createJobQuery()
                .processInstanceId(instance).activityId(activityId).timers().singleResult(), job -> job != null);
        managementService.executeJob(timer.getId());
    }

    private void awaitRound(Api api, String topic, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(view(api, topic).at("/rounds/0/status").asText()));
    }

    private JsonNode view(Api api, String topic) throws Exception {
        ResponseEntity<String> response = api.get("/api/deliberations/" + topic);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private void assertProblem(ResponseEntity<String> response, int status, String code) throws Exception {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(json.readTree(response.getBody()).get("code").asText()).isEqualTo(code);
    }

    private static String path(String topic, String rest) {
        return "/api/deliberations/" + topic + "/" + rest;
    }
}
