package org.linli.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.linli.grievance.GrievancePhotos;
import org.linli.grievance.UploadPhotoCommand;
import org.linli.security.CurrentUser;
import org.linli.support.Api;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A resident's export holds exactly what the tables hold about them; nobody else gets it. */
@IntegrationTest
class PersonalDataExportIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GrievancePhotos photos;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aResidentsExportMatchesAnIndependentQuery() throws Exception {
        Api resident = Api.as(rest, "zhang.lan");
        assertThat(Api.as(rest, "wang.fang").post("/api/eligibility/sweeps", "").getStatusCode().is2xxSuccessful())
                .isTrue();
        assertThat(resident.post("/api/grievances", """
                {"category":"environment","description":"楼下路灯不亮","communityCode":"xh01","addressId":1}""")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = jdbc.queryForObject("SELECT id FROM bd_resident WHERE user_id = 'zhang.lan'", Long.class);

        // a photo she uploaded in the portal (staged, not yet attached to a case) is her data too
        photos.upload(new UploadPhotoCommand(null, png()), new CurrentUser("zhang.lan", List.of("residents")));

        ResponseEntity<String> response = resident.get("/api/me/export");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode export = json.readTree(response.getBody());

        assertThat(export.get("profile").get("id").asLong()).isEqualTo(id);
        assertThat(export.get("profile").get("name").asText()).isEqualTo("张兰");
        assertThat(values(export.get("cases"), "grievance", "caseNumber")).containsExactlyInAnyOrderElementsOf(
                jdbc.queryForList("SELECT case_number FROM grv_case WHERE reporter_user_id = 'zhang.lan'", String.class));
        assertThat(export.get("cases").get(0).get("timeline")).isNotEmpty();
        List<String> offers = jdbc.queryForList("SELECT CAST(id AS VARCHAR) FROM elg_match WHERE resident_id = ?",
                String.class, id);
        assertThat(offers).as("the sweep matched her (elderly, special care)").isNotEmpty();
        assertThat(values(export.get("offers"), null, "id")).containsExactlyInAnyOrderElementsOf(offers);
        assertThat(values(export.get("notifications"), null, "id")).containsExactlyInAnyOrderElementsOf(
                jdbc.queryForList("SELECT CAST(id AS VARCHAR) FROM bd_notification WHERE recipient_type = 'USER'"
                        + " AND recipient = 'zhang.lan'", String.class));
        assertThat(values(export.get("photos"), null, "id")).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                jdbc.queryForList("SELECT id FROM grv_attachment WHERE uploaded_by = 'zhang.lan'", String.class));
        assertThat(export.get("votes")).hasSize(jdbc.queryForObject(
                "SELECT count(*) FROM dlb_vote WHERE user_id = 'zhang.lan'", Integer.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM aud_entry WHERE action = 'data.exported' AND object_id = ?"
                + " AND actor = 'zhang.lan'", Long.class, String.valueOf(id))).isPositive();
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, (int) (System.nanoTime() & 0xffffff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void nobodyElseExportsAResidentsDataAndTryingChangesNothing() throws Exception {
        long liu = jdbc.queryForObject("SELECT id FROM bd_resident WHERE user_id = 'liu.yang'", Long.class);
        long entries = jdbc.queryForObject("SELECT seq FROM aud_head", Long.class);

        for (String other : List.of("zhang.lan", "wang.fang", "chen.jun")) {
            ResponseEntity<String> denied = Api.as(rest, other).get("/api/privacy/residents/" + liu + "/export");
            assertThat(denied.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(json.readTree(denied.getBody()).get("code").asText()).isEqualTo("PRV-001");
        }
        ResponseEntity<String> staff = Api.as(rest, "wang.fang").get("/api/me/export");
        assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(staff.getBody()).get("code").asText()).isEqualTo("PRV-002");
        assertThat(jdbc.queryForObject("SELECT seq FROM aud_head", Long.class)).isEqualTo(entries);
        assertThat(Api.as(rest, "liu.yang").get("/api/privacy/residents/" + liu + "/export").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static List<String> values(JsonNode array, String inner, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add((inner == null ? item : item.get(inner)).get(field).asText()));
        return values;
    }
}
