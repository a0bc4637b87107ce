package org.linli.basedata;

import java.nio.charset.StandardCharsets;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the base data store.
 *
 * @param idCardKey secret key of the id-card HMAC; changing it makes stored hashes unfindable
 * @param generatorBatchSize rows per JDBC batch of the synthetic data generator
 */
@Validated
@ConfigurationProperties(BaseDataProperties.PREFIX)
public record BaseDataProperties(
        @Size(min = 16, message = "must be at least 16 characters") String idCardKey,
        @DefaultValue("2000") @Min(1) int generatorBatchSize) {

    public static final String PREFIX = "app.basedata";

    byte[] idCardKeyBytes() {
        return idCardKey.getBytes(StandardCharsets.UTF_8);
    }
}
