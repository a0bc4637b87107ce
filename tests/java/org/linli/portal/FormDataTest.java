package org.linli.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.linli.web.ProblemException;

/** What the portal sends with a form and how it reads what comes back: the real .form files, Chinese messages. */
class FormDataTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private final ObjectMapper json = new ObjectMapper();
    private final FormData formData = new FormData(json, VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void namesInTheRatingFormAreItsFieldsAndPlaceholders() throws Exception {
        assertThat(formData.namesIn(json.readTree(new File("forms/grievance-handling-rate.form"))))
                .containsExactlyInAnyOrder("caseNumber", "measures", "rating", "solved", "ratingComment");
    }

    @Test
    void namesInTheOfferFormAreItsFieldsAndPlaceholders() throws Exception {
        assertThat(formData.namesIn(json.readTree(new File("forms/policy-outreach-offer.form"))))
                .containsExactlyInAnyOrder("policyName", "amount", "period", "reason", "answer");
    }

    @Test
    void readTakesTheFormsDataAndIgnoresItsDisplayFields() {
        FormData.Rating rating = formData.read(Map.of("rating", 4, "solved", true, "measures", "已修好"),
                FormData.Rating.class);

        assertThat(rating.rating()).isEqualTo(4);
        assertThat(rating.solvedOrFalse()).isTrue();
    }

    @Test
    void readRefusesEveryWrongFieldInChinese() {
        assertThatThrownBy(() -> formData.read(Map.of("rating", 0, "ratingComment", "字".repeat(501)),
                FormData.Rating.class))
                .isInstanceOf(ProblemException.Invalid.class)
                .hasMessage("rating：满意度最低 1 分；ratingComment：评价意见最多 500 字");
        assertThatThrownBy(() -> formData.read(Map.of(), FormData.OfferAnswer.class))
                .hasMessage("answer：请选择是否申请");
        assertThatThrownBy(() -> formData.read(Map.of("answer", "maybe"), FormData.OfferAnswer.class))
                .hasMessage("answer：请选择确认申请、暂不申请或请社区工作人员帮我");
    }

    @Test
    void readRefusesTextWhereANumberBelongs() {
        assertThatThrownBy(() -> formData.read(Map.of("rating", "很好"), FormData.Rating.class))
                .isInstanceOf(ProblemException.Invalid.class)
                .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo("PTL-006"));
    }
}
