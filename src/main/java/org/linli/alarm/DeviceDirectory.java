package org.linli.alarm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.linli.basedata.DeviceSites;
import org.linli.basedata.DeviceSites.DeviceSite;
import org.springframework.stereotype.Component;

/**
 * Devices as ingestion sees them, cached for five minutes: a device sending every few seconds must not cost a base-data
 * query per event. Unknown devices are not cached, so a device registered a moment ago is accepted at once.
 */
@Component
class DeviceDirectory {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

    private final DeviceSites sites;
    private final Clock clock;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    DeviceDirectory(DeviceSites sites, Clock clock) {
        this.sites = sites;
        this.clock = clock;
    }

    Optional<DeviceSite> site(String deviceId) {
        Instant now = clock.instant();
        Cached cached = cache.get(deviceId);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.site());
        }
        Optional<DeviceSite> site = sites.site(deviceId);
        site.ifPresentOrElse(found -> cache.put(deviceId, new Cached(found, now.plus(TIME_TO_LIVE))),
                () -> cache.remove(deviceId));
        return site;
    }

    private record Cached(DeviceSite site, Instant until) {
    }
}
