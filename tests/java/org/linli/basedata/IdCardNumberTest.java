package org.linli.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdCardNumberTest {

    @Test
    void readsBirthDateAndGenderFromAValidNumber() {
        IdCardNumber idCard = IdCardNumber.parse(" 11010519491231002x ");

        assertThat(idCard.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(idCard.gender()).isEqualTo('F');
        assertThat(idCard.masked()).isEqualTo("1101**********002X");
        assertThat(idCard).hasToString("1101**********002X");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "110105194912310029, wrong check digit",
            "11010519491231002, 17 digits",
            "1101051949123100291, 17 digits",
            "11010519491331002X, impossible birth date",
            "110105187001010011, impossible birth date",
            "11010519491231A02X, 17 digits"})
    void rejectsMalformedNumbers(String number, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> IdCardNumber.parse(number)).withMessageContaining(reason);
    }

    @Test
    void hashesWithTheKeySoThatTheNumberCannotBeLookedUpWithoutIt() {
        IdCardNumber idCard = IdCardNumber.parse("11010519491231002X");
        byte[] key = "a-key-of-sixteen-chars".getBytes(StandardCharsets.UTF_8);
        byte[] otherKey = "another-key-of-sixteen".getBytes(StandardCharsets.UTF_8);

        assertThat(idCard.hash(key)).hasSize(64).isEqualTo(IdCardNumber.parse("11010519491231002X").hash(key))
                .isNotEqualTo(idCard.hash(otherKey));
    }

    @Test
    void masksPhoneNumbers() {
        assertThat(Masking.phone("13912345678")).isEqualTo("139****5678");
        assertThat(Masking.phone("12345")).isEqualTo("****");
        assertThat(Masking.phone(null)).isNull();
    }
}
