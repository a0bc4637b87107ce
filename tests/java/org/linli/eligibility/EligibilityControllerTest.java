package org.linli.eligibility;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linli.eligibility.PolicyOutreach.AnswerOfferCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(EligibilityController.class)
class EligibilityControllerTest {

    private static final MatchView OLD_AGE = new MatchView(7, 3, "xh01", "old-age", "高龄津贴", "eligible",
            new BigDecimal("100.00"), "monthly", "dept-civil-affairs", "Rule_OldAge_Eighties",
            "本地户籍，80至89周岁：每月100元", "outreach", true, Instant.parse("2026-11-24T00:00:00Z"), null, "pi-1");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PolicyOutreach outreach;

    @MockitoBean
    EligibilitySweep sweep;

    @Test
    @WithMockUser(username = "zhang.lan", authorities = "GROUP_residents")
    void myOffersShowWhatHowMuchAndWhy() throws Exception {
        given(outreach.offersOf(any())).willReturn(List.of(OLD_AGE));

        mvc.perform(get("/api/eligibility/my-offers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].policyName").value("高龄津贴"))
                .andExpect(jsonPath("$[0].amount").value(100.0))
                .andExpect(jsonPath("$[0].reason").value("本地户籍，80至89周岁：每月100元"));
    }

    @Test
    @WithMockUser(username = "zhang.lan", authorities = "GROUP_residents")
    void answerPassesTheMatchAndTheWord() throws Exception {
        given(outreach.answer(any(), any())).willReturn(OLD_AGE);

        mvc.perform(post("/api/eligibility/offers/7/answer").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"decline\"}"))
                .andExpect(status().isOk());

        then(outreach).should().answer(eq(new AnswerOfferCommand(7, "decline", null)), any());
    }

    @Test
    @WithMockUser(username = "zhang.lan", authorities = "GROUP_residents")
    void answerWithAnUnknownWordIsRefusedAndChangesNothing() throws Exception {
        mvc.perform(post("/api/eligibility/offers/7/answer").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\":\"maybe\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("API-400"));

        then(outreach).should(never()).answer(any(), any());
    }

    @Test
    @WithMockUser(username = "liu.yang", authorities = "GROUP_residents")
    void sweepByAResidentIsForbidden() throws Exception {
        mvc.perform(post("/api/eligibility/sweeps").with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ELG-006"));

        then(sweep).should(never()).sweep();
    }

    @Test
    @WithMockUser(username = "wang.fang", authorities = {"GROUP_clerks", "GROUP_community-xh01"})
    void sweepByAClerkAnswersTheCounts() throws Exception {
        given(sweep.sweep()).willReturn(new SweepResult(4000, 500, 0, 0, 200, 300, 300, 900, 200, 1800,
                Map.of("old-age/eligible", 150)));

        mvc.perform(post("/api/eligibility/sweeps").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newMatches").value(500))
                .andExpect(jsonPath("$.counts['old-age/eligible']").value(150));
    }
}
