package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.portal.PortalSession.assertProblem;
import static org.linli.portal.PortalSession.newKey;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linli.basedata.IdCardNumber;
import org.linli.basedata.ResidentCircumstances;
import org.linli.privacy.PersonalDataErasure;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Photos of grievances through the portal and the application API: a resident attaches photos when filing (uploaded
 * first, once per key), only the reporter and staff working on the case get the bytes, uploads are checked by their
 * bytes and size, the handler's photo references name uploaded photos, and erasing a resident deletes their photos.
 */
@IntegrationTest
class PortalPhotosIT {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ResidentCircumstances circumstances;
    @Autowired
    PersonalDataErasure erasure;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aResidentAttachesPhotosWhenFilingAndOnlyTheyAndStaffOfTheCaseGetThem() throws Exception {
        PortalSession liu = PortalSession.loggedIn(port, "liu.yang");
        PortalSession zhang = PortalSession.loggedIn(port, "zhang.lan");
        byte[] png = image("png");

        String key = newKey();
        HttpResponse<String> uploaded = liu.upload("/portal/api/photos", "楼道.png", "image/png", png, key);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode photo = json.readTree(uploaded.body());
        String photoId = photo.get("id").asText();
        assertThat(photo.get("contentType").asText()).isEqualTo("image/png");
        assertThat(photo.get("size").asLong()).isEqualTo(png.length);
        HttpResponse<String> again = liu.upload("/portal/api/photos", "楼道.png", "image/png", png, key);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readTree(again.body()).get("id").asText()).as("a retried upload stores nothing new")
                .isEqualTo(photoId);
        assertProblem(liu.upload("/portal/api/photos", "other.png", "image/png", image("png"), key), 409, "PTL-002");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grv_attachment WHERE sha256 = ?", Integer.class,
                photo.get("sha256").asText())).isEqualTo(1);

        // someone else's upload cannot go with a filing, and refusing it files nothing
        String stolen = "偷用照片 " + UUID.randomUUID();
        assertProblem(zhang.post("/portal/api/grievances", fileBody(stolen, photoId), newKey()), 404, "GRV-015");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grv_case WHERE description = ?", Integer.class, stolen))
                .isZero();

        HttpResponse<String> filed = liu.post("/portal/api/grievances", fileBody("楼道堆满杂物 " + UUID.randomUUID(),
                photoId), newKey());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String caseNumber = json.readTree(filed.body()).get("caseNumber").asText();
        assertThat(jdbc.queryForObject("SELECT case_number FROM grv_attachment WHERE id = ?", String.class, photoId))
                .isEqualTo(caseNumber);
        JsonNode detail = json.readTree(liu.get("/portal/api/grievances/" + caseNumber).body());
        assertThat(detail.at("/photos/0/id").asText()).isEqualTo(photoId);
        assertThat(detail.get("timeline").toString()).contains("附上了 1 张照片");
        String portalPath = "/portal/api/grievances/" + caseNumber + "/photos/" + photoId;
        HttpResponse<byte[]> own = liu.bytes(portalPath);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(own.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(own.body()).isEqualTo(png);

        // another resident: not found, and never the bytes
        HttpResponse<byte[]> other = zhang.bytes(portalPath);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(new String(other.body(), StandardCharsets.UTF_8)).contains("GRV-002");
        assertThat(containsBytes(other.body(), png)).isFalse();
        assertProblem(zhang.get("/portal/api/grievances/" + caseNumber), 404, "GRV-002");
        assertProblem(zhang.upload("/portal/api/grievances/" + caseNumber + "/photos", "x.png", "image/png",
                image("png"), newKey()), 404, "GRV-002");
        assertProblem(liu.get("/portal/api/grievances/" + caseNumber + "/photos/" + UUID.randomUUID()), 404, "GRV-015");

        // staff: the case's community and the street above it read it (audited); other staff are refused
        String apiPath = "/api/grievances/" + caseNumber + "/photos/" + photoId;
        for (String worker : List.of("wang.fang", "chen.jun")) {
            ResponseEntity<byte[]> read = download(worker, apiPath);
            assertThat(read.getStatusCode()).as(worker).isEqualTo(HttpStatus.OK);
            assertThat(read.getBody()).isEqualTo(png);
        }
        assertThat(jdbc.queryForList("SELECT actor FROM aud_entry WHERE action = 'photo.read' AND object_id = ?",
                String.class, photoId)).containsExactlyInAnyOrder("wang.fang", "chen.jun");
        assertThat(jdbc.queryForObject("SELECT actor FROM aud_entry WHERE action = 'photo.uploaded' AND object_id = ?",
                String.class, photoId)).isEqualTo("liu.yang");
        String otherCommunity = staffOf("community-xh02");
        for (String outsider : List.of(otherCommunity, "qian.hui")) {
            ResponseEntity<byte[]> refused = download(outsider, apiPath);
            assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(new String(refused.getBody(), StandardCharsets.UTF_8)).contains("GRV-016");
            assertThat(containsBytes(refused.getBody(), png)).isFalse();
            assertThat(Api.as(rest, outsider).get("/api/grievances/" + caseNumber + "/photos").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aud_entry WHERE action = 'photo.read' AND object_id = ?",
                Integer.class, photoId)).as("refused reads are not reads").isEqualTo(2);
    }

    @Test
    void uploadsAreCheckedByTheirBytesAndSize() throws Exception {
        PortalSession liu = PortalSession.loggedIn(port, "liu.yang");
        int before = uploadsOf("liu.yang");
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> disguised = liu.upload("/portal/api/photos", "photo.jpg", "image/jpeg", page, newKey());
        assertProblem(disguised, 400, "GRV-013");
        assertThat(json.readTree(disguised.body()).get("title").asText()).isEqualTo("照片格式不支持");
        assertProblem(liu.upload("/portal/api/photos", "empty.png", "image/png", new byte[0], newKey()), 400,
                "GRV-013");
        byte[] huge = new byte[6 * 1024 * 1024];
        huge[0] = (byte) 0xff;
        huge[1] = (byte) 0xd8;
        huge[2] = (byte) 0xff;
        HttpResponse<String> tooLarge = liu.upload("/portal/api/photos", "big.jpg", "image/jpeg", huge, newKey());
        assertProblem(tooLarge, 413, "GRV-014");
        assertThat(json.readTree(tooLarge.body()).get("title").asText()).isEqualTo("照片太大");
        assertProblem(liu.upload("/portal/api/photos", "p.png", "image/png", image("png"), null), 400, "PTL-001");
        assertThat(uploadsOf("liu.yang")).as("nothing refused was stored").isEqualTo(before);

        // the bytes decide, not the declared type: a JPEG sent as octet-stream is a JPEG, a WebP is taken
        HttpResponse<String> jpeg = liu.upload("/portal/api/photos", "IMG_0001", "application/octet-stream",
                image("jpg"), newKey());
        assertThat(jpeg.statusCode()).as(jpeg.body()).isEqualTo(201);
        assertThat(json.readTree(jpeg.body()).get("contentType").asText()).isEqualTo("image/jpeg");
        byte[] webp = "RIFF\u0024\0\0\0WEBPVP8 \u0018\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> webpUploaded = liu.upload("/portal/api/photos", "a.webp", "image/webp", webp, newKey());
        assertThat(webpUploaded.statusCode()).as(webpUploaded.body()).isEqualTo(201);
        assertThat(json.readTree(webpUploaded.body()).get("contentType").asText()).isEqualTo("image/webp");
        assertThat(uploadsOf("liu.yang")).isEqualTo(before + 2);
    }

    @Test
    void theHandlersPhotoReferencesNameUploadedPhotos() throws Exception {
        PortalSession liu = PortalSession.loggedIn(port, "liu.yang");
        HttpResponse<String> filed = liu.post("/portal/api/grievances", fileBody("井盖松动 " + UUID.randomUUID(), null),
                newKey());
        String caseNumber = json.readTree(filed.body()).get("caseNumber").asText();
        StaffSteps staff = staff();
        staff.complete(staff.task(caseNumber, "Task_VerifyReport"), "wang.fang",
                "{\"verifyOutcome\":{\"value\":\"ACCEPT\"}}");
        Task handle = staff.task(caseNumber, "Task_HandleGrievance");

        assertThat(staffUpload("qian.hui", caseNumber, image("jpg")).getStatusCode()).as("not the handler")
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> site = staffUpload("zhao.min", caseNumber, image("jpg"));
        assertThat(site.getStatusCode()).as(site.getBody()).isEqualTo(HttpStatus.CREATED);
        String sitePhoto = json.readTree(site.getBody()).get("id").asText();
        assertThat(json.readTree(site.getBody()).get("purpose").asText()).isEqualTo("HANDLING");
        staff.complete(handle, "zhao.min", "{\"handleOutcome\":{\"value\":\"DONE\"},\"measures\":{\"value\":\"已紧固井盖\"},"
                + "\"photoRefs\":{\"value\":\" " + sitePhoto + " , IMG_9999.jpg\"}}");
        staff.task(caseNumber, "Task_RateHandling");

        assertThat(jdbc.queryForObject("SELECT photo_refs FROM grv_case WHERE case_number = ?", String.class,
                caseNumber)).isEqualTo(sitePhoto);
        JsonNode staffTimeline = json.readTree(Api.as(rest, "wang.fang").get("/api/grievances/" + caseNumber
                + "/timeline").getBody());
        assertThat(staffTimeline.toString()).contains("上传了现场照片，照片编号 " + sitePhoto)
                .contains("未登记的照片编号（未上传到本诉求）：IMG_9999.jpg");
        JsonNode detail = json.readTree(liu.get("/portal/api/grievances/" + caseNumber).body());
        assertThat(detail.at("/photos/0/id").asText()).as("the reporter sees the site photo").isEqualTo(sitePhoto);
        assertThat(detail.get("timeline").toString()).doesNotContain("IMG_9999");
        assertThat(liu.bytes("/portal/api/grievances/" + caseNumber + "/photos/" + sitePhoto).statusCode())
                .isEqualTo(200);
    }

    @Test
    void erasingAResidentDeletesThePhotosTheyUploaded() throws Exception {
        long unique = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        Api clerk = Api.as(rest, "wang.fang");
        long household = json.readTree(clerk.post("/api/basedata/households",
                "{\"householdNo\":\"PHOTO-" + unique + "\",\"addressId\":1}").getBody()).get("id").asLong();
        String first17 = "33010619" + (50 + unique % 40) + "0101" + "456";
        ResponseEntity<String> registered = clerk.post("/api/basedata/residents", "{\"householdId\":" + household
                + ",\"name\":\"照片删除测试\",\"idCardNumber\":\"" + first17
                + IdCardNumber.checkChar(first17) + "\",\"disabilityLevel\":0,"
                + "\"hukouType\":\"LOCAL_URBAN\",\"livingAlone\":false}");
        assertThat(registered.getStatusCode()).as(registered.getBody()).isEqualTo(HttpStatus.CREATED);
        long resident = json.readTree(registered.getBody()).get("id").asLong();
        String userId = newUser("photo." + unique, "residents");
        circumstances.linkAccount(resident, userId);

        PortalSession session = PortalSession.loggedIn(port, userId);
        String attached = json.readTree(session.upload("/portal/api/photos", "a.png", "image/png", image("png"),
                newKey()).body()).get("id").asText();
        String staged = json.readTree(session.upload("/portal/api/photos", "b.png", "image/png", image("png"),
                newKey()).body()).get("id").asText();
        HttpResponse<String> filed = session.post("/portal/api/grievances", fileBody("路面塌陷 " + unique, attached),
                newKey());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String caseNumber = json.readTree(filed.body()).get("caseNumber").asText();
        assertThat(uploadsOf(userId)).isEqualTo(2);

        erasure.anonymise(resident);

        assertThat(uploadsOf(userId)).as("the photos they uploaded are gone").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grv_attachment WHERE id IN (?, ?)", Integer.class,
                attached, staged)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM grv_case WHERE case_number = ?", Integer.class,
                caseNumber)).as("the case stays").isOne();
        assertThat(download("wang.fang", "/api/grievances/" + caseNumber + "/photos/" + attached).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A clerk of another community (a new account: the demo staff all work for xh01). */
    private String staffOf(String communityGroup) {
        return newUser("clerk." + UUID.randomUUID().toString().substring(0, 8), "clerks", communityGroup);
    }

    /** An engine account with password "demo" in these groups. */
    private String newUser(String userId, String... groups) {
        User user = identityService.newUser(userId);
        user.setFirstName("测试");
        user.setLastName("用户");
        user.setPassword("demo");
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(userId, group);
        }
        return userId;
    }

    private ResponseEntity<byte[]> download(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private ResponseEntity<String> staffUpload(String user, String caseNumber, byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.IMAGE_JPEG);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "site.jpg";
            }
        }, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange("/api/grievances/" + caseNumber + "/photos", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    /** A real image of a random colour (so that each is different), encoded by ImageIO. */
    private static byte[] image(String format) throws Exception {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        int colour = ThreadLocalRandom.current().nextInt(0xffffff);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                image.setRGB(x, y, colour + x * y);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private static boolean containsBytes(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private int uploadsOf(String userId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM grv_attachment WHERE uploaded_by = ?", Integer.class, userId);
    }

    private String fileBody(String description, String photoId) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("category", "environment",
                "description", description, "place", "registered"));
        if (photoId != null) {
            body.put("photos", List.of(photoId));
        }
        return json.writeValueAsString(body);
    }

    private StaffSteps staff() {
        return new StaffSteps(taskService, rest);
    }
}
