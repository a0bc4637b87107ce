package org.linli.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.linli.basedata.Masking;
import org.linli.basedata.ResidentCircumstances;
import org.linli.basedata.ResidentCircumstances.UpdateCircumstancesCommand;
import org.linli.report.HomeVisitDiff.Change;
import org.linli.report.HomeVisitDiff.Observed;
import org.linli.report.HomeVisitDiff.OnRecord;
import org.linli.report.HomeVisitStore.Resident;
import org.linli.report.HomeVisitStore.StoredChange;
import org.linli.report.HomeVisitStore.Visit;
import org.linli.security.CaseAccess;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Home visits (入户走访, 一键确认): what a grid worker saw is compared with base data; the differences become one
 * confirmation task for the community ({@code processes/home-visit-confirmation.bpmn}), where each change is
 * accepted with one tick. Accepted changes are written to base data and announced as
 * {@link ResidentDataConfirmed}.
 */
@Service
public class HomeVisits {

    static final String PROCESS_ID = "home-visit-confirmation";

    private final HomeVisitStore store;
    private final ResidentCircumstances circumstances;
    private final RuntimeService runtime;
    private final CaseAccess caseAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HomeVisits(HomeVisitStore store, ResidentCircumstances circumstances, RuntimeService runtime,
            CaseAccess caseAccess, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.circumstances = circumstances;
        this.runtime = runtime;
        this.caseAccess = caseAccess;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public VisitView record(RecordHomeVisitCommand command, CurrentUser user) {
        Resident resident = store.resident(command.residentId())
                .orElseThrow(() -> ReportProblems.residentNotFound(command.residentId()));
        if (!user.isIn(LinliGroups.ADMINS) && !user.isIn(LinliGroups.orgGroup(OrgLevel.GRID, resident.gridCode()))
                && !user.isIn(LinliGroups.orgGroup(OrgLevel.COMMUNITY, resident.communityCode()))) {
            throw ReportProblems.notAllowed("Only the resident's grid and community staff record home visits.");
        }
        if (command.phone() != null && !command.phone().isBlank()
                && !command.phone().replaceAll("[\\s-]", "").replaceFirst("^\\+86", "").matches("1[3-9]\\d{9}")) {
            throw ReportProblems.badVisit("phone must be an 11-digit mainland mobile number");
        }
        if (command.disabilityLevel() != null && (command.disabilityLevel() < 0 || command.disabilityLevel() > 4)) {
            throw ReportProblems.badVisit("disabilityLevel must be 0 (none) to 4");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate visitedOn = command.visitedOn() == null ? today : command.visitedOn();
        if (visitedOn.isAfter(today)) {
            throw ReportProblems.badVisit("visitedOn lies in the future");
        }
        if (command.note() != null && command.note().length() > 1000) {
            throw ReportProblems.badVisit("note may have at most 1000 characters");
        }
        List<Change> changes = HomeVisitDiff.between(
                new OnRecord(resident.phone(), resident.disabilityLevel(), resident.departed()),
                new Observed(command.phone(), command.movedOut(),
                        command.movedOutOn() == null ? visitedOn : command.movedOutOn(), command.disabilityLevel()));
        Instant now = clock.instant();
        long id = store.createVisit(resident.id(), resident.communityCode(), user.id(), visitedOn, command.note(),
                changes.isEmpty() ? "NO_CHANGE" : "PENDING", now);
        changes.forEach(c -> store.addChange(id, c));
        if (!changes.isEmpty()) {
            String communityGroup = LinliGroups.orgGroup(OrgLevel.COMMUNITY, resident.communityCode());
            Map<String, Object> variables = new HashMap<>();
            variables.put(HomeVisitVariables.VISIT_ID, id);
            variables.put(HomeVisitVariables.COMMUNITY_GROUP, communityGroup);
            variables.put(HomeVisitVariables.RESIDENT_LABEL, maskName(resident.name()) + "（居民编号 " + resident.id()
                    + "）");
            variables.put(HomeVisitVariables.CHANGE_OPTIONS, options(store.changes(id)));
            String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_ID, "HV-" + id, variables).getId();
            store.setProcessInstance(id, processInstanceId);
            caseAccess.grantRead(processInstanceId, communityGroup);
        }
        return view(id);
    }

    /**
     * Writes the accepted changes to base data and rejects the others; each accepted change is announced.
     *
     * @param accepted ids of the changes the confirmer ticked
     */
    @Transactional
    public VisitView confirm(long visitId, Collection<String> accepted, String by) {
        Visit visit = store.visit(visitId).orElseThrow(() -> ReportProblems.visitNotFound(visitId));
        Resident resident = store.resident(visit.residentId()).orElseThrow();
        Instant now = clock.instant();
        for (StoredChange change : store.changes(visitId)) {
            if (!change.status().equals("PENDING")) {
                continue;
            }
            if (!accepted.contains(String.valueOf(change.id()))) {
                store.decide(change.id(), "REJECTED", by, now);
                continue;
            }
            switch (change.kind()) {
                case PHONE -> store.updatePhone(resident.id(), change.newValue(), now);
                // through base data, so that eligibility re-decides the resident (ResidentChanged)
                case DISABILITY -> circumstances.update(resident.id(), new UpdateCircumstancesCommand(null, null,
                        Integer.parseInt(change.newValue()), null, null, null, null, null));
                case MOVED_OUT -> store.moveOut(resident.id(), resident.gridCode(),
                        change.newValue() == null ? visit.visitedOn() : LocalDate.parse(change.newValue()), by, now);
            }
            store.decide(change.id(), "ACCEPTED", by, now);
            events.publishEvent(new ResidentDataConfirmed(resident.id(), change.kind().name(), visitId, by, now));
        }
        store.closeVisit(visitId, now);
        return view(visitId);
    }

    @Transactional(readOnly = true)
    public VisitView visit(long visitId, CurrentUser user) {
        Visit visit = store.visit(visitId).orElseThrow(() -> ReportProblems.visitNotFound(visitId));
        if (!user.isIn(LinliGroups.ADMINS) && !user.isIn(LinliGroups.SUPERVISORS) && !user.id().equals(visit.visitedBy())
                && !user.isIn(LinliGroups.orgGroup(OrgLevel.COMMUNITY, visit.communityCode()))) {
            throw ReportProblems.visitNotFound(visitId);
        }
        return view(visitId);
    }

    private VisitView view(long visitId) {
        Visit visit = store.visit(visitId).orElseThrow();
        return new VisitView(visit.id(), visit.residentId(), visit.visitedOn(), visit.status(), store.changes(visitId)
                .stream().map(c -> new ChangeView(c.id(), c.kind().name(), label(c), c.status())).toList());
    }

    private static List<Map<String, String>> options(List<StoredChange> changes) {
        List<Map<String, String>> options = new ArrayList<>();
        for (StoredChange change : changes) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", label(change));
            option.put("value", String.valueOf(change.id()));
            options.add(option);
        }
        return options;
    }

    /** The change in words, phone numbers masked. */
    static String label(StoredChange change) {
        return switch (change.kind()) {
            case PHONE -> "联系电话：" + (change.oldValue() == null ? "无" : Masking.phone(change.oldValue())) + " → "
                    + Masking.phone(change.newValue());
            case MOVED_OUT -> "已迁出" + (change.newValue() == null ? "" : "（" + change.newValue() + "）");
            case DISABILITY -> "残疾等级：" + level(change.oldValue()) + " → " + level(change.newValue()) + "（见残疾证）";
        };
    }

    private static String level(String value) {
        return "0".equals(value) ? "无" : value + "级";
    }

    private static String maskName(String name) {
        return name.isEmpty() ? name : name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }

    public record VisitView(long id, long residentId, LocalDate visitedOn, String status, List<ChangeView> changes) {
    }

    public record ChangeView(long id, String kind, String label, String status) {
    }
}
