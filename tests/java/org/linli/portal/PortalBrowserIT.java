package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.eligibility.PolicyOutreach;
import org.linli.support.Api;
import org.linli.support.BrowserScript;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The resident portal in a real headless Chromium (Debian's, driven by playwright-core, tests/browser/portal.mjs)
 * at 360 px: 刘洋 files a grievance with a photo while the first answer is lost on the network, follows it and sees
 * the photo's thumbnail on the case page, rates it through the Camunda Form of his rating task once the clerk and the
 * department have handled it (through the engine REST API, as Tasklist does), votes, comments while the answer is
 * lost and the page reloaded (the outbox sends it again), and co-signs 张兰's topic; 张兰 answers a benefit offer.
 * Every page is screenshotted into target/portal-screenshots. A second browser session renders every forms/*.form
 * with the portal's form-js bundle and checks its validation (tests/browser/forms.mjs).
 */
@IntegrationTest
class PortalBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void residentsFileRateVoteAndAnswerAnOfferInTheBrowser() throws Exception {
        long offer = verifiedOfferOfZhangLan();
        String topic = topicInVotingForLiuYang();
        String proposed = topicProposedByZhangLan();
        Path shots = Path.of("target", "portal-screenshots").toAbsolutePath();
        Files.createDirectories(shots);

        Process browser = BrowserScript.startWithInput("tests/browser/portal.mjs", "http://127.0.0.1:" + port,
                shots.toString(), topic, proposed);
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(),
                StandardCharsets.UTF_8)); Writer in = browser.outputWriter(StandardCharsets.UTF_8)) {
            JsonNode filed = phase(out, output, 1);
            String caseNumber = filed.get("caseNumber").asText();

            assertThat(filed.get("wrongPassword").asText()).contains("用户名或密码不正确");
            assertThat(filed.get("greeting").asText()).isEqualTo("刘洋，您好");
            assertThat(filed.get("emptyErrors").toString()).contains("此项必须填写").doesNotContain("Field");
            assertThat(filed.get("focusedAfterErrors").asBoolean()).as("focus moves to the first wrong field").isTrue();
            assertThat(filed.get("posts").asInt()).as("the lost answer was retried").isEqualTo(2);
            assertThat(filed.get("keys").get(0).asText()).as("with the same idempotency key")
                    .isEqualTo(filed.get("keys").get(1).asText());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grv_case WHERE description = ?", Integer.class,
                    filed.get("description").asText())).as("filed once despite the retry").isEqualTo(1);
            assertThat(filed.get("timelineFiled").asText()).contains("已通过居民门户收到您反映的环境卫生问题")
                    .contains("附上了 1 张照片");
            assertThat(filed.get("photoState").asText()).isEqualTo("已上传");
            assertThat(filed.get("filedPhotos").toString()).as("every copy of the filing names the photo")
                    .isEqualTo("[1,1]");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grv_attachment WHERE case_number = ? AND "
                    + "content_type = 'image/png' AND uploaded_by = 'liu.yang'", Integer.class, caseNumber)).isOne();
            JsonNode thumbnail = filed.get("photosShown").get(0);
            assertThat(filed.get("photosShown").size()).isOne();
            assertThat(thumbnail.get("width").asInt()).as("the stored photo is shown").isEqualTo(160);
            assertThat(thumbnail.get("src").asText()).startsWith("/portal/api/grievances/" + caseNumber + "/photos/");

            complete(task(caseNumber, "Task_VerifyReport"), "wang.fang", "{\"verifyOutcome\":{\"value\":\"ACCEPT\"}}");
            complete(task(caseNumber, "Task_HandleGrievance"), "zhao.min",
                    "{\"handleOutcome\":{\"value\":\"DONE\"},\"measures\":{\"value\":\"已更换楼道灯泡\"}}");
            task(caseNumber, "Task_RateHandling");
            in.write("go\n");
            in.flush();

            JsonNode done = phase(out, output, 2);
            assertThat(done.get("rateForm").asText()).contains(caseNumber).contains("评价办理结果");
            assertThat(done.get("rateError").asText()).isEqualTo("不能大于 5");
            assertThat(done.get("timelineRated").asText()).contains("评价：5 星，问题已解决");
            assertThat(done.get("rateLinkAfter").asInt()).isZero();
            JsonNode grievance = json.readTree(Api.as(rest, "liu.yang").get("/api/grievances/" + caseNumber).getBody());
            assertThat(grievance.get("rating").asInt()).isEqualTo(5);
            assertThat(task(caseNumber, "Task_CheckAndClose")).as("rating moved the case on").isNotNull();

            assertThat(done.get("voteStatus").asText()).contains("已投票");
            JsonNode voted = json.readTree(Api.as(rest, "liu.yang").get("/api/deliberations/" + topic).getBody());
            assertThat(voted.at("/rounds/0/myVote").asLong()).isEqualTo(voted.at("/rounds/0/options/0/id").asLong());

            String comment = done.get("comment").asText();
            assertThat(done.get("outboxBefore").toString()).as("kept while unanswered").isEqualTo("[\"发表意见\"]");
            assertThat(done.get("outboxPending").asText()).contains("还没有确认送达").contains("发表意见");
            assertThat(done.get("outboxDone").asText()).contains("发表意见：已送达");
            assertThat(done.get("outboxAfter").size()).isZero();
            assertThat(done.get("commentKeys").size()).isEqualTo(2);
            assertThat(done.get("commentKeys").get(1).asText()).as("sent again with the same key")
                    .isEqualTo(done.get("commentKeys").get(0).asText());
            assertThat(done.get("commentShown").asInt()).isOne();
            JsonNode discussed = json.readTree(Api.as(rest, "liu.yang").get("/api/deliberations/" + topic).getBody());
            assertThat(discussed.get("comments").findValuesAsText("text").stream().filter(comment::equals))
                    .as("stored once").hasSize(1);

            assertThat(done.get("coSignStatus").asText()).contains("已联署，共 2 户");
            JsonNode coSigned = json.readTree(Api.as(rest, "zhang.lan").get("/api/deliberations/" + proposed)
                    .getBody());
            assertThat(coSigned.get("coSignCount").asInt()).isEqualTo(2);

            assertThat(done.get("messages").toString()).contains("已收到您的诉求");
            assertThat(done.get("points").asInt()).as("the vote and the comment earn points").isPositive();

            assertThat(done.get("offerForm").asText()).contains("残疾人生活补贴").contains("您的选择");
            assertThat(jdbc.queryForObject("SELECT state FROM elg_match WHERE id = ?", String.class, offer))
                    .isEqualTo("declined");
            assertThat(done.get("offersAfter").asText()).contains("已放弃");

            assertThat(done.get("pageErrors").size()).as(done.get("pageErrors").toString()).isZero();
            for (JsonNode page : done.get("checks")) {
                String name = page.get("page").asText();
                assertThat(page.get("overflow").asInt()).as("%s fits 360 px", name).isLessThanOrEqualTo(0);
                assertThat(page.get("unlabelled").size()).as("%s: inputs without label %s", name, page.get("unlabelled"))
                        .isZero();
                assertThat(page.get("smallText").asInt()).as("%s: text under 16 px", name).isZero();
                assertThat(page.get("title").asText()).as("%s has a heading", name).isNotBlank();
                assertThat(Files.size(shots.resolve(name + ".png"))).as(name).isGreaterThan(5_000);
            }
        } finally {
            // the script exits by itself once it has closed Chromium; only a hung one is stopped
            if (!browser.waitFor(60, TimeUnit.SECONDS)) {
                browser.destroy();
            }
        }
        assertThat(browser.waitFor()).as(String.join("\n", output)).isZero();
    }

    @Test
    void everyFormValidatesInChineseInThePortalsRenderer() throws Exception {
        Process browser = BrowserScript.start("tests/browser/forms.mjs", "http://127.0.0.1:" + port, "forms");
        String out = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor()).as(out).isZero();
        List<JsonNode> forms = new ArrayList<>();
        for (String line : out.lines().filter(l -> l.startsWith("{")).toList()) {
            forms.add(json.readTree(line));
        }
        assertThat(forms).hasSize(new File("forms").list((dir, name) -> name.endsWith(".form")).length);
        int rules = 0;
        for (JsonNode form : forms) {
            String file = form.get("file").asText();
            assertThat(form.get("flagged")).as("%s: an empty submission flags the required fields", file)
                    .isEqualTo(form.get("requiredShown"));
            form.get("emptyMessages").forEach(m -> assertThat(m.asText()).as(file).isEqualTo("此项必须填写"));
            assertThat(form.get("errorTexts").size()).as("%s: errors are shown", file)
                    .isEqualTo(form.get("flagged").size());
            assertThat(form.get("english")).as("%s: English messages", file).isEmpty();
            assertThat(form.get("validErrors")).as("%s: a filled-in form submits", file).isEmpty();
            assertThat(form.get("describedBy").asBoolean()).as("%s: errors tied to fields", file).isTrue();
            assertThat(form.get("invalidMarked").asBoolean()).as("%s: aria-invalid", file).isTrue();
            assertThat(form.get("labelled").asBoolean()).as("%s: every input labelled", file).isTrue();
            assertThat(form.get("pageErrors")).as(file).isEmpty();
            for (JsonNode rule : form.get("rules")) {
                assertThat(rule.get("ok").asBoolean()).as("%s %s", file, rule).isTrue();
                rules++;
            }
        }
        assertThat(rules).as("length, range, integer and pattern rules checked").isGreaterThan(25);
        JsonNode intake = forms.stream().filter(f -> f.get("file").asText().equals("grievance-handling-intake.form"))
                .findFirst().orElseThrow();
        assertThat(intake.get("rules").toString()).contains("请填写 11 位手机号码");
    }

    private JsonNode phase(BufferedReader out, List<String> output, int phase) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            output.add(line);
            if (line.startsWith("{\"phase\":" + phase)) {
                return json.readTree(line);
            }
        }
        throw new AssertionError("The browser stopped before phase " + phase + ":\n" + String.join("\n", output));
    }

    /** 张兰's disability living allowance (残疾人生活补贴), verified by the clerk: waiting for her answer. */
    private long verifiedOfferOfZhangLan() throws Exception {
        Api.as(rest, "wang.fang").post("/api/eligibility/sweeps", "");
        JsonNode offers = json.readTree(Api.as(rest, "zhang.lan").get("/api/eligibility/my-offers").getBody());
        long offer = -1;
        for (JsonNode o : offers) {
            if (o.get("policy").asText().equals("disability-living")) {
                offer = o.get("id").asLong();
            }
        }
        assertThat(offer).as(offers.toString()).isPositive();
        String businessKey = PolicyOutreach.businessKey(offer);
        Task verify = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(businessKey).taskDefinitionKey("Task_VerifyMatch").singleResult(),
                t -> t != null);
        complete(verify, "wang.fang", "{\"verified\":{\"value\":true}}");
        return offer;
    }

    /** A clerk's topic for 刘洋's building, accepted and past its discussion: the round is voting. */
    private String topicInVotingForLiuYang() throws Exception {
        Api clerk = Api.as(rest, "wang.fang");
        ResponseEntity<String> proposed = clerk.post("/api/deliberations", """
                {"title":"幸福路12号3栋楼道加装声控灯","description":"楼道夜间太暗，老人上下楼不便",
                 "topicType":"other","communityCode":"xh01",
                 "affectedArea":[{"gridCode":"xh01-01","road":"幸福路12号","building":"3"}]}""");
        assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.CREATED);
        String topic = json.readTree(proposed.getBody()).get("topicNumber").asText();
        ResponseEntity<String> accepted = clerk.post("/api/deliberations/" + topic + "/screening", """
                {"outcome":"ACCEPT","topicType":"other","options":["同意","不同意"],"responsibleGroup":"property-managers"}""");
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        awaitRound(topic, "DISCUSSION");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(topic).singleResult()
                .getId();
        Job timer = await().atMost(Duration.ofSeconds(60)).until(() -> managementService.createJobQuery()
                .processInstanceId(instance).activityId("Event_DiscussionEnds").timers().singleResult(), j -> j != null);
        managementService.executeJob(timer.getId());
        awaitRound(topic, "VOTING");
        return topic;
    }

    /** 张兰's topic for her building and 刘洋's, waiting for co-signatures (she signed it as its proposer). */
    private String topicProposedByZhangLan() throws Exception {
        ResponseEntity<String> proposed = Api.as(rest, "zhang.lan").post("/api/deliberations", """
                {"title":"小区增设电动车充电棚","description":"电动车在楼道充电有火灾隐患","topicType":"other",
                 "communityCode":"xh01","affectedArea":[{"gridCode":"xh01-01","road":"幸福路12号","building":"3"},
                 {"gridCode":"xh01-02","road":"和平街8号","building":"1"}]}""");
        assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.CREATED);
        String topic = json.readTree(proposed.getBody()).get("topicNumber").asText();
        assertThat(json.readTree(Api.as(rest, "zhang.lan").get("/api/deliberations/" + topic).getBody())
                .get("status").asText()).isEqualTo("PROPOSED");
        return topic;
    }

    private void awaitRound(String topic, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(json.readTree(Api.as(rest, "liu.yang")
                .get("/api/deliberations/" + topic).getBody()).at("/rounds/0/status").asText()));
    }

    private Task task(String businessKey, String taskKey) {
        return new StaffSteps(taskService, rest).task(businessKey, taskKey);
    }

    private void complete(Task task, String user, String variables) {
        new StaffSteps(taskService, rest).complete(task, user, variables);
    }
}
