package org.linli.grievance;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.linli.grievance.GrievanceCatalogue.Channel;
import org.linli.grievance.GrievanceCatalogue.Urgency;
import org.linli.grievance.GrievanceFeedback.RateGrievanceCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(GrievanceController.class)
class GrievanceControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    GrievanceIntake intake;

    @MockitoBean
    GrievanceQueries queries;

    @MockitoBean
    GrievanceFeedback feedback;

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void fileByResidentRecordsThemAsReporterOnThePortal() throws Exception {
        given(intake.file(any())).willReturn("GR-2026-000001");

        mvc.perform(post("/api/grievances").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","reporterUserId":"someone.else","category":"environment",
                         "description":"垃圾","communityCode":"xh01","addressId":1}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.caseNumber").value("GR-2026-000001"))
                .andExpect(jsonPath("$.href").value("/api/grievances/GR-2026-000001"));

        then(intake).should().file(new FileGrievanceCommand(Channel.PORTAL, "liu.yang", null, null, "liu.yang",
                "environment", null, Urgency.NORMAL, "垃圾", "xh01", 1L, null));
    }

    @Test
    @WithMockUser(username = "wang.fang", authorities = {"GROUP_clerks", "GROUP_community-xh01"})
    void fileByClerkKeepsTheChannelAndTheCaller() throws Exception {
        given(intake.file(any())).willReturn("GR-2026-000002");

        mvc.perform(post("/api/grievances").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"COUNTER","reporterPhone":"13700137000","category":"property","urgency":"URGENT",
                         "description":"电梯困人","communityCode":"xh01","addressText":"3栋"}"""))
                .andExpect(status().isCreated());

        then(intake).should().file(new FileGrievanceCommand(Channel.COUNTER, null, null, "13700137000", "wang.fang",
                "property", null, Urgency.URGENT, "电梯困人", "xh01", null, "3栋"));
    }

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void fileWithErrorsNamesTheFieldsAndFilesNothing() throws Exception {
        mvc.perform(post("/api/grievances").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"category":"","description":"","communityCode":"xh01","reporterPhone":"123"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("API-400"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "category", "description", "reporterPhone")));

        then(intake).should(never()).file(any());
    }

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void rateOutsideOneToFiveIsRejected() throws Exception {
        mvc.perform(post("/api/grievances/GR-2026-000001/rating").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":0,\"solved\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rating"));

        then(feedback).should(never()).rate(any(), any());
    }

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void rateHandsTheRatingToFeedback() throws Exception {
        mvc.perform(post("/api/grievances/GR-2026-000001/rating").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":4,\"solved\":true,\"comment\":\"好\"}"))
                .andExpect(status().isOk());

        then(feedback).should().rate(org.mockito.ArgumentMatchers.eq(
                new RateGrievanceCommand("GR-2026-000001", 4, true, "好")), any());
    }
}
