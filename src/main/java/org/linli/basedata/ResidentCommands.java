package org.linli.basedata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Writes to the register of real households and real people. */
public final class ResidentCommands {

    private ResidentCommands() {
    }

    public record RegisterHouseholdCommand(
            @NotBlank @Size(max = 40) String householdNo,
            @NotNull Long addressId,
            @DecimalMin("0") BigDecimal incomePerCapita) {
    }

    /**
     * A resident. Birth date and gender are taken from the id-card number; if given, they must match it.
     */
    public record RegisterResidentCommand(
            @NotNull Long householdId,
            @NotBlank @Size(max = 50) String name,
            @NotBlank String idCardNumber,
            LocalDate birthDate,
            @Pattern(regexp = "[MF]", message = "must be M or F") String gender,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "must be an 11-digit mainland mobile number") String phone,
            @Min(0) @Max(4) int disabilityLevel,
            @NotNull HukouType hukouType,
            boolean livingAlone,
            Set<@Pattern(regexp = "[a-z-]{1,32}", message = "must be lower-case letters and '-'") String> tags) {
    }

    /** 户籍类型 */
    public enum HukouType {
        LOCAL_URBAN, LOCAL_RURAL, NON_LOCAL
    }
}
