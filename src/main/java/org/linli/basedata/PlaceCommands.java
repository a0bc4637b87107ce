package org.linli.basedata;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Writes to the administrative hierarchy and the standard address register. */
public final class PlaceCommands {

    static final String CODE = "[a-z0-9][a-z0-9-]{0,31}";
    static final String CODE_MESSAGE = "must be lower-case letters, digits and '-', at most 32";

    private PlaceCommands() {
    }

    public record CreateCountyCommand(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 100) String name) {
    }

    public record CreateStreetCommand(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank String countyCode) {
    }

    public record CreateCommunityCommand(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank String streetCode) {
    }

    public record CreateGridCommand(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 100) String name,
            @NotBlank String communityCode) {
    }

    /** A standard address (标准地址): road, building (栋), unit (单元), room (室), in one grid. */
    public record RegisterAddressCommand(
            @NotBlank String gridCode,
            @NotBlank @Size(max = 100) String road,
            @NotBlank @Size(max = 20) String building,
            @NotBlank @Size(max = 20) String unit,
            @NotBlank @Size(max = 20) String room,
            boolean rental) {
    }
}
