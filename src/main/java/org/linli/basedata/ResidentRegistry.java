package org.linli.basedata;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.basedata.People.Household;
import org.linli.basedata.People.Resident;
import org.linli.basedata.People.ResidentTag;
import org.linli.basedata.PlaceRegistry.AddressView;
import org.linli.basedata.ResidentCommands.RegisterHouseholdCommand;
import org.linli.basedata.ResidentCommands.RegisterResidentCommand;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Households and residents: registration and look-up, with personal data protected. */
@Service
public class ResidentRegistry {

    private final ResidentRepository residents;
    private final HouseholdRepository households;
    private final PlaceRegistry places;
    private final BaseDataProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    ResidentRegistry(ResidentRepository residents, HouseholdRepository households, PlaceRegistry places,
            BaseDataProperties properties, Clock clock, ApplicationEventPublisher events, AuditLog audit) {
        this.residents = residents;
        this.households = households;
        this.places = places;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public long registerHousehold(RegisterHouseholdCommand command) {
        AddressView address = places.address(command.addressId());
        if (households.existsByHouseholdNo(command.householdNo())) {
            throw BaseDataProblems.duplicateHousehold(command.householdNo());
        }
        long id = households.save(new Household(null, command.householdNo(), command.addressId(),
                command.incomePerCapita(), clock.instant())).id();
        audit.record(AuditEvent.of("household.registered", "household", id, address.communityCode()));
        return id;
    }

    @Transactional
    public ResidentView registerResident(RegisterResidentCommand command) {
        IdCardNumber idCard = parseIdCard(command.idCardNumber());
        if (command.birthDate() != null && !command.birthDate().equals(idCard.birthDate())) {
            throw BaseDataProblems.inconsistentIdCard("birth date");
        }
        if (command.gender() != null && command.gender().charAt(0) != idCard.gender()) {
            throw BaseDataProblems.inconsistentIdCard("gender");
        }
        households.findById(command.householdId())
                .orElseThrow(() -> BaseDataProblems.unknownHousehold(command.householdId()));
        String hash = idCard.hash(properties.idCardKeyBytes());
        if (residents.existsByIdCardHash(hash)) {
            throw BaseDataProblems.duplicateResident();
        }
        Instant now = clock.instant();
        Set<ResidentTag> tags = command.tags() == null ? Set.of()
                : command.tags().stream().map(ResidentTag::new).collect(Collectors.toSet());
        Resident saved = residents.save(new Resident(null, command.householdId(), command.name().trim(),
                String.valueOf(idCard.gender()), hash, idCard.masked(), idCard.birthDate(), command.phone(),
                command.disabilityLevel(), command.hukouType().name(), command.livingAlone(), tags, null, now, now));
        events.publishEvent(new ResidentChanged(saved.id(), "registered"));
        ResidentView view = view(saved);
        audit.record(AuditEvent.of("resident.registered", "resident", saved.id(), view.communityCode()));
        return view;
    }

    @Transactional(readOnly = true)
    public ResidentView resident(long id) {
        return view(residents.findById(id).orElseThrow(() -> BaseDataProblems.residentNotFound(id)));
    }

    /** Finds a resident by id-card number without the number ever being stored or logged. */
    @Transactional(readOnly = true)
    public ResidentView residentByIdCard(String idCardNumber) {
        String hash = parseIdCard(idCardNumber).hash(properties.idCardKeyBytes());
        return residents.findByIdCardHash(hash).map(this::view)
                .orElseThrow(BaseDataProblems::residentNotFoundByIdCard);
    }

    @Transactional(readOnly = true)
    public List<ResidentView> residentsOfGrid(String gridCode, int page, int size) {
        Map<Long, Household> householdsSeen = new HashMap<>();
        Map<Long, AddressView> addressesSeen = new HashMap<>();
        return residents.findByGrid(gridCode, size, (long) page * size).stream()
                .map(r -> view(r, householdsSeen, addressesSeen))
                .toList();
    }

    private static IdCardNumber parseIdCard(String text) {
        try {
            return IdCardNumber.parse(text);
        } catch (IllegalArgumentException e) {
            throw BaseDataProblems.badIdCard(e.getMessage());
        }
    }

    private ResidentView view(Resident resident) {
        return view(resident, new HashMap<>(), new HashMap<>());
    }

    /** A resident's view; households and addresses already looked up for the same page are reused. */
    private ResidentView view(Resident resident, Map<Long, Household> householdsSeen,
            Map<Long, AddressView> addressesSeen) {
        Household household = householdsSeen.computeIfAbsent(resident.householdId(),
                id -> households.findById(id).orElseThrow());
        AddressView address = addressesSeen.computeIfAbsent(household.addressId(), places::address);
        List<String> tags = resident.tags().stream().map(ResidentTag::tag).sorted().toList();
        return new ResidentView(resident.id(), resident.name(), resident.gender(), resident.idCardMasked(),
                resident.birthDate(), Masking.phone(resident.phone()), resident.disabilityLevel(),
                resident.hukouType(), resident.livingAlone(), tags, household.id(), household.householdNo(),
                household.incomePerCapita(), address.standardAddress(), address.gridCode(), address.communityCode());
    }
}
