package org.linli.alarm;

import java.time.Instant;

import org.linli.alarm.DeviceLiveness.SilentDevice;
import org.linli.basedata.DeviceSites.DeviceSite;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises "device offline" for devices silent past their due time, through the same ingestion path as device
 * events (so it is ordered with the device's own events and de-duplicated the same way). Reads only due rows,
 * like a timer: the event id is derived from when the device was last heard, so raising it twice is harmless.
 */
@Component
class OfflineDeviceWatch {

    static final int BATCH = 500;

    private final DeviceLiveness liveness;
    private final DeviceDirectory devices;
    private final EventIngestion ingestion;

    OfflineDeviceWatch(DeviceLiveness liveness, DeviceDirectory devices, EventIngestion ingestion) {
        this.liveness = liveness;
        this.devices = devices;
        this.ingestion = ingestion;
    }

    @Scheduled(fixedDelayString = "${app.alarm.offline-check-interval:PT10S}")
    void raiseDue() {
        for (SilentDevice silent : liveness.due(BATCH)) {
            devices.site(silent.deviceId()).ifPresent(site -> ingestion.submit(InboundMessage.raised(
                    offline(site, silent.lastSeen()))));
        }
    }

    static DeviceEvent offline(DeviceSite site, Instant lastSeen) {
        return new DeviceEvent(site.deviceId(), site.communityCode(), "offline-" + lastSeen.toEpochMilli(),
                EventType.OFFLINE, "medium", lastSeen, null);
    }
}
