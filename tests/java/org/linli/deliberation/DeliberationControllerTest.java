package org.linli.deliberation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.linli.security.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DeliberationController.class)
class DeliberationControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DeliberationIntake intake;

    @MockitoBean
    Participation participation;

    @MockitoBean
    DeliberationQueries queries;

    @MockitoBean
    AssistedVoting assistedVoting;

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void proposeTurnsThePlacesIntoTheAffectedArea() throws Exception {
        given(intake.propose(any())).willReturn("YS-2026-000001");

        mvc.perform(post("/api/deliberations").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"加装电梯","description":"老人上下楼难","topicType":"elevator","communityCode":"xh01",
                         "affectedArea":[{"gridCode":"xh01-01","road":"幸福路12号","building":"3","unit":"2"},
                                         {"gridCode":"xh01-02","road":" "}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.topicNumber").value("YS-2026-000001"));

        then(intake).should().propose(new ProposeTopicCommand("加装电梯", "老人上下楼难", "elevator", "xh01",
                "xh01-01/幸福路12号/3/2\nxh01-02", "liu.yang"));
    }

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void proposeWithoutAreaNamesTheFieldsAndStartsNothing() throws Exception {
        mvc.perform(post("/api/deliberations").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"","description":"x","topicType":"elevator","communityCode":"xh01","affectedArea":[]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("API-400"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "title", "affectedArea")));

        then(intake).should(never()).propose(any());
    }

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void voteWithoutOptionIsRejectedBeforeTheService() throws Exception {
        mvc.perform(post("/api/deliberations/YS-2026-000001/votes").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());

        then(participation).should(never()).vote(anyString(), anyLong(), any());
    }

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void voteAfterCloseAnswersTheStableProblem() throws Exception {
        willThrow(DeliberationProblems.votingClosed("YS-2026-000001")).given(participation)
                .vote(anyString(), anyLong(), any(CurrentUser.class));

        mvc.perform(post("/api/deliberations/YS-2026-000001/votes").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"optionId\":3}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DLB-007"))
                .andExpect(jsonPath("$.title").value("投票已截止"));
    }
}
