package org.linli.basedata;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Devices and social organisations, as stored. */
final class Registrations {

    private Registrations() {
    }

    @Table("bd_device")
    record Device(@Id String id, String sensorType, String communityCode, Long addressId, Long householdId,
            String location, int heartbeatIntervalSeconds, Instant installedAt) {
    }

    @Table("bd_social_org")
    record SocialOrganisation(@Id Long id, String name, String creditCode, String orgType, String communityCode,
            String contactPhone) {
    }
}
