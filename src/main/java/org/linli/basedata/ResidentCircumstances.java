package org.linli.basedata;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The circumstances of a resident that decide benefits (household income and assets, disability, living alone,
 * care level, legal supporter, a sudden hardship) and the resident's portal account. Every change publishes
 * {@link ResidentChanged} for each member of the household it touches.
 */
@Service
public class ResidentCircumstances {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;

    ResidentCircumstances(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Fields left {@code null} stay as they are. */
    @Transactional
    public void update(long residentId, UpdateCircumstancesCommand command) {
        Long householdId = jdbc.query("SELECT household_id FROM bd_resident WHERE id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, residentId);
        if (householdId == null) {
            throw BaseDataProblems.residentNotFound(residentId);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                UPDATE bd_resident SET disability_level = COALESCE(?, disability_level),
                       living_alone = COALESCE(?, living_alone), care_level = COALESCE(?, care_level),
                       has_supporter = COALESCE(?, has_supporter), hardship_event = COALESCE(?, hardship_event),
                       hardship_date = COALESCE(?, hardship_date), version = version + 1, updated_at = ?
                 WHERE id = ?""", command.disabilityLevel(), command.livingAlone(), command.careLevel(),
                command.hasSupporter(), command.hardshipEvent(), command.hardshipDate(), now, residentId);
        List<Long> members = List.of(residentId);
        if (command.incomePerCapita() != null || command.assetsPerCapita() != null) {
            jdbc.update("""
                    UPDATE bd_household SET income_per_capita = COALESCE(?, income_per_capita),
                           assets_per_capita = COALESCE(?, assets_per_capita) WHERE id = ?""",
                    command.incomePerCapita(), command.assetsPerCapita(), householdId);
            members = jdbc.queryForList("SELECT id FROM bd_resident WHERE household_id = ? ORDER BY id", Long.class,
                    householdId);
        }
        members.forEach(id -> events.publishEvent(new ResidentChanged(id, "circumstances")));
        audit.record(AuditEvent.of("resident.circumstances-changed", "resident", residentId, communityOf(residentId)));
    }

    /**
     * Links a resident to the login they sign in with (the portal, their household's votes, their offers). A login
     * belongs to one resident; a resident has at most one login, which this replaces.
     */
    @Transactional
    public void linkAccount(long residentId, String userId) {
        if (jdbc.queryForList("SELECT id FROM bd_resident WHERE user_id = ?", Long.class, userId).stream()
                .anyMatch(holder -> holder != residentId)) {
            throw BaseDataProblems.accountTaken(userId);
        }
        if (jdbc.update("UPDATE bd_resident SET user_id = ? WHERE id = ?", userId, residentId) == 0) {
            throw BaseDataProblems.residentNotFound(residentId);
        }
        audit.record(AuditEvent.of("resident.account-linked", "resident", residentId, communityOf(residentId)));
    }

    private String communityOf(long residentId) {
        return jdbc.queryForObject("""
                SELECT g.community_code FROM bd_resident r JOIN bd_household h ON h.id = r.household_id
                  JOIN bd_address a ON a.id = h.address_id JOIN bd_grid g ON g.code = a.grid_code
                 WHERE r.id = ?""", String.class, residentId);
    }

    /** The resident who signs in as {@code userId}, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> residentOfAccount(String userId) {
        return jdbc.queryForList("SELECT id FROM bd_resident WHERE user_id = ?", Long.class, userId).stream()
                .findFirst();
    }

    /** The portal account of a resident, if they have one. */
    @Transactional(readOnly = true)
    public Optional<String> accountOf(long residentId) {
        return jdbc.queryForList("SELECT user_id FROM bd_resident WHERE id = ? AND user_id IS NOT NULL", String.class,
                residentId).stream().findFirst();
    }

    /**
     * @param hardshipEvent {@code hospitalisation} or {@code disaster}
     */
    public record UpdateCircumstancesCommand(
            @DecimalMin("0") BigDecimal incomePerCapita,
            @DecimalMin("0") BigDecimal assetsPerCapita,
            @Min(0) @Max(4) Integer disabilityLevel,
            Boolean livingAlone,
            @Min(0) @Max(3) Integer careLevel,
            Boolean hasSupporter,
            @Pattern(regexp = "hospitalisation|disaster") @Size(max = 20) String hardshipEvent,
            LocalDate hardshipDate) {
    }
}
