package org.linli.basedata;

import java.time.Clock;
import java.util.Optional;

import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.basedata.RegistrationCommands.RegisterDeviceCommand;
import org.linli.basedata.RegistrationCommands.RegisterOrganisationCommand;
import org.linli.basedata.Registrations.Device;
import org.linli.basedata.Registrations.SocialOrganisation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sensors and social organisations, each bound to a community. */
@Service
public class DeviceRegistry {

    private final JdbcAggregateTemplate aggregates;
    private final AuditLog audit;
    private final PlaceRepository places;
    private final HouseholdRepository households;
    private final Clock clock;

    DeviceRegistry(JdbcAggregateTemplate aggregates, PlaceRepository places, HouseholdRepository households,
            Clock clock, AuditLog audit) {
        this.audit = audit;
        this.aggregates = aggregates;
        this.places = places;
        this.households = households;
        this.clock = clock;
    }

    @Transactional
    public DeviceView registerDevice(RegisterDeviceCommand command) {
        places.findCommunity(command.communityCode())
                .orElseThrow(() -> BaseDataProblems.unknownPlace("community", command.communityCode()));
        if (command.addressId() != null && places.findAddress(command.addressId()).isEmpty()) {
            throw BaseDataProblems.unknownPlace("address", String.valueOf(command.addressId()));
        }
        if (command.householdId() != null && households.findById(command.householdId()).isEmpty()) {
            throw BaseDataProblems.unknownHousehold(command.householdId());
        }
        if (aggregates.existsById(command.id(), Device.class)) {
            throw BaseDataProblems.duplicateDevice(command.id());
        }
        Device device = aggregates.insert(new Device(command.id(), command.sensorType().name(),
                command.communityCode(), command.addressId(), command.householdId(), command.location(),
                command.heartbeatIntervalSeconds(), clock.instant()));
        audit.record(AuditEvent.of("device.registered", "device", device.id(), command.communityCode()));
        return DeviceView.of(device);
    }

    @Transactional(readOnly = true)
    public DeviceView device(String id) {
        return Optional.ofNullable(aggregates.findById(id, Device.class)).map(DeviceView::of)
                .orElseThrow(() -> BaseDataProblems.deviceNotFound(id));
    }

    @Transactional
    public long registerOrganisation(RegisterOrganisationCommand command) {
        places.findCommunity(command.communityCode())
                .orElseThrow(() -> BaseDataProblems.unknownPlace("community", command.communityCode()));
        try {
            return aggregates.insert(new SocialOrganisation(null, command.name(), command.creditCode(),
                    command.orgType(), command.communityCode(), command.contactPhone())).id();
        } catch (DuplicateKeyException e) {
            throw BaseDataProblems.duplicateOrganisation();
        }
    }

    public record DeviceView(String id, String sensorType, String communityCode, Long addressId, Long householdId,
            String location, int heartbeatIntervalSeconds) {

        static DeviceView of(Device device) {
            return new DeviceView(device.id(), device.sensorType(), device.communityCode(), device.addressId(),
                    device.householdId(), device.location(), device.heartbeatIntervalSeconds());
        }
    }
}
