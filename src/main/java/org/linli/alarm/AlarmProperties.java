package org.linli.alarm;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of alarm escalation and device-event ingestion (docs/devices.md).
 *
 * @param maxPayloadBytes larger messages go to the dead-letter topic unread
 * @param partitions worker threads; all events of one device go to the same one, in order
 * @param maxBatch most events committed in one transaction by one worker
 * @param eventRetention how long event ids are remembered for de-duplication
 * @param offlineGrace a device is offline after this many missed heartbeat intervals
 * @param offlineCheckInterval how often due liveness rows are read
 * @param repeatSyncInterval repeated events of an alarm reach its process at most this often (the row counts
 *        them at once); zero hands every run of repeats over at once
 */
@Validated
@ConfigurationProperties(AlarmProperties.PREFIX)
public record AlarmProperties(
        @Valid @DefaultValue Mqtt mqtt,
        @DefaultValue("8192") @Min(256) @Max(262144) int maxPayloadBytes,
        @DefaultValue("4") @Min(1) @Max(64) int partitions,
        @DefaultValue("200") @Min(1) @Max(5000) int maxBatch,
        @DefaultValue("P7D") Duration eventRetention,
        @DefaultValue("2") @Min(1) @Max(100) int offlineGrace,
        @DefaultValue("PT10S") Duration offlineCheckInterval,
        @DefaultValue("PT30S") Duration repeatSyncInterval) {

    public static final String PREFIX = "app.alarm";

    /**
     * The broker connection. {@code sharedGroup} names the MQTT 5 shared subscription that splits events between
     * app nodes; {@code clientId} must be stable per node so that its persistent session survives a restart.
     */
    public record Mqtt(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("tcp://127.0.0.1:1883") @NotBlank String url,
            @DefaultValue("linli-app") @NotBlank String clientId,
            String username,
            String password,
            @DefaultValue("linli") @NotBlank String sharedGroup,
            @DefaultValue("linli/+/devices/+/events") @NotBlank String topicFilter,
            @DefaultValue("linli/deadletter") @NotBlank String deadLetterTopic,
            @DefaultValue("P1D") Duration sessionExpiry,
            @DefaultValue("2000") @Min(1) @Max(65535) int receiveMaximum) {

        /** The shared subscription, e.g. {@code $share/linli/linli/+/devices/+/events}. */
        public String subscription() {
            return "$share/" + sharedGroup + "/" + topicFilter;
        }
    }
}
