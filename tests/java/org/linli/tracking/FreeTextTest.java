package org.linli.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTest {

    @Test
    void phoneAndIdCardNumbersTypedIntoADescriptionAreMasked() {
        assertThat(FreeText.mask("请回电13812345678或者010-62345678，身份证11010519900101123X"))
                .isEqualTo("请回电138****5678或者010-****5678，身份证1101**********123X");
    }

    @Test
    void ordinaryNumbersStay() {
        assertThat(FreeText.mask("3号楼2单元1201室，漏水3天")).isEqualTo("3号楼2单元1201室，漏水3天");
        assertThat(FreeText.of("GR-2026-000001", null, " ", "楼道照明")).isEqualTo("GR-2026-000001 楼道照明");
        assertThat(FreeText.of(null, "")).isNull();
    }
}
