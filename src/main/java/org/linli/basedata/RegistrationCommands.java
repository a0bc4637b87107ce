package org.linli.basedata;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Registration of devices and social organisations. */
public final class RegistrationCommands {

    private RegistrationCommands() {
    }

    public record RegisterDeviceCommand(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be letters, digits, '_' or '-'") String id,
            @NotNull SensorType sensorType,
            @NotBlank String communityCode,
            Long addressId,
            Long householdId,
            @NotBlank @Size(max = 200) String location,
            @Min(10) @Max(86400) int heartbeatIntervalSeconds) {
    }

    /** 统一社会信用代码 is 18 characters of digits and upper-case letters (without I, O, Z, S, V). */
    public record RegisterOrganisationCommand(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "must be an 18-character unified social credit code") String creditCode,
            @NotBlank @Size(max = 32) String orgType,
            @NotBlank String communityCode,
            @Pattern(regexp = "[0-9-]{7,20}", message = "must be a phone number") String contactPhone) {
    }

    /** Kinds of sensors that raise smart alarms. */
    public enum SensorType {
        SMOKE, GAS, WATER_LEAK, ELEVATOR, DOOR, MOTION, FALL
    }
}
