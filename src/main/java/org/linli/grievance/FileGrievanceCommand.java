package org.linli.grievance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.linli.grievance.GrievanceCatalogue.Channel;
import org.linli.grievance.GrievanceCatalogue.Urgency;

/**
 * A grievance as it comes in, from any channel. {@code filedBy} is the person who typed it in: the resident
 * themself, or a clerk on the hotline or at the counter (代办), in which case the reporter is named by user
 * id or phone number. The description is stored as plain text and always rendered escaped.
 */
public record FileGrievanceCommand(
        @NotNull Channel channel,
        String reporterUserId,
        @Size(max = 50) String reporterName,
        @Pattern(regexp = "1[3-9]\\d{9}", message = "must be an 11-digit mainland mobile number") String reporterPhone,
        String filedBy,
        @NotBlank @Size(max = 32) String category,
        @Size(max = 64) String subCategory,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = 4000) String description,
        String communityCode,
        Long addressId,
        @Size(max = 200) String addressText) {
}
