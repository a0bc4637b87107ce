package org.linli.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.linli.basedata.Notifications;
import org.linli.basedata.Notifications.Recipient;
import org.linli.report.ReportDefinition.FieldDefinition;
import org.linli.report.ReportDefinition.FieldType;
import org.linli.report.ReportDefinition.Source;
import org.linli.report.ReportFill.Filled;
import org.linli.report.ReportStore.Filing;
import org.linli.report.ReportStore.Place;
import org.linli.report.ReportStore.Request;
import org.linli.report.ReportStore.Version;
import org.linli.security.CaseAccess;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Report filing (镇易报): a street or county opens a request, each community's report is filled from base data,
 * completed by the community, reviewed by the street, and submitted; the submitted version is rendered and kept
 * unchanged, and the request is consolidated when all are in or at the deadline. The order of the steps is
 * {@code processes/report-filing.bpmn}; each step is one method here.
 */
@Service
public class ReportFiling {

    static final String SUBMITTED = "SUBMITTED";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportCatalogue catalogue;
    private final ReportFill fill;
    private final ReportStore store;
    private final ObjectMapper json;
    private final RuntimeService runtime;
    private final Notifications notifications;
    private final CaseAccess caseAccess;
    private final ReportProperties properties;
    private final Clock clock;

    ReportFiling(ReportCatalogue catalogue, ReportFill fill, ReportStore store, ObjectMapper json,
            RuntimeService runtime, Notifications notifications, CaseAccess caseAccess, ReportProperties properties,
            Clock clock) {
        this.catalogue = catalogue;
        this.fill = fill;
        this.store = store;
        this.json = json;
        this.runtime = runtime;
        this.notifications = notifications;
        this.caseAccess = caseAccess;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens a request and starts one filing per community. */
    @Transactional
    public RequestStatus open(OpenReportRequestCommand command, CurrentUser user) {
        ReportDefinition definition = catalogue.get(command.reportType());
        YearMonth period = period(command.period());
        Instant now = clock.instant();
        if (command.deadline() == null || !command.deadline().isAfter(now)) {
            throw ReportProblems.badRequest("The deadline must be in the future.");
        }
        List<String> codes = command.communities() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(command.communities()));
        if (codes.isEmpty() || codes.size() > 500) {
            throw ReportProblems.badRequest("Name between 1 and 500 communities.");
        }
        List<Place> places = store.places(codes);
        if (places.size() != codes.size()) {
            List<String> unknown = new ArrayList<>(codes);
            places.forEach(p -> unknown.remove(p.communityCode()));
            throw ReportProblems.badRequest("Unknown communities: " + String.join(", ", unknown));
        }
        String requesterGroup = requesterGroup(places, user);
        long id = store.createRequest(definition.code(), period.toString(), command.deadline(), user.id(),
                requesterGroup, now);
        places.forEach(p -> store.createFiling(id, p.communityCode()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReportFilingVariables.REQUEST_ID, id);
        variables.put(ReportFilingVariables.REPORT_TYPE, definition.code());
        variables.put(ReportFilingVariables.REPORT_NAME, definition.name());
        variables.put(ReportFilingVariables.PERIOD, period.toString());
        variables.put(ReportFilingVariables.DEADLINE, Date.from(command.deadline()));
        variables.put(ReportFilingVariables.DEADLINE_TEXT, MINUTES.format(command.deadline().atZone(properties.zone())));
        Instant reminder = command.deadline().minus(properties.reminderBefore());
        variables.put(ReportFilingVariables.REMINDER_DATE, Date.from(reminder.isAfter(now) ? reminder : now));
        variables.put(ReportFilingVariables.COMMUNITIES, new ArrayList<>(codes));
        String processInstanceId = runtime.startProcessInstanceByKey(ReportFilingVariables.PROCESS_ID,
                "RPT-" + id, variables).getId();
        store.setProcessInstance(id, processInstanceId);
        return status(id);
    }

    /** Fills a community's report from base data: the values its worker starts from, saved as version 1. */
    @Transactional
    public AutoFilled autoFill(long requestId, String communityCode, String processInstanceId) {
        Request request = request(requestId);
        ReportDefinition definition = catalogue.get(request.reportType());
        Filing filing = store.filing(requestId, communityCode);
        Map<String, Object> computed = fill.computed(definition, communityCode, YearMonth.parse(request.period()));
        Map<String, Object> values = ReportFields.merge(definition, computed, Map.of());
        int version = store.addVersion(filing, "AUTO_FILL", write(computed, values), null, null, "system",
                clock.instant());
        String communityGroup = LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode);
        String reviewGroup = LinliGroups.orgGroup(OrgLevel.STREET, filing.streetCode());
        caseAccess.grantRead(processInstanceId, communityGroup);
        caseAccess.grantRead(processInstanceId, reviewGroup);
        List<String> notes = new ArrayList<>();
        for (FieldDefinition field : definition.fields()) {
            if (field.source() != Source.MANUAL) {
                notes.add("- **" + field.label() + "**（" + ReportFields.sourceLabel(field.source()) + "）："
                        + fill.from(field));
            }
        }
        Map<String, Object> formValues = new LinkedHashMap<>();
        values.forEach((k, v) -> formValues.put(k, v instanceof BigDecimal d ? d.doubleValue() : v));
        return new AutoFilled(formValues, filing.communityName(), communityGroup, reviewGroup,
                String.join("\n", notes), version);
    }

    /** Checks and saves what the worker filed as a new version; answers the problems when it is not valid. */
    @Transactional
    public Draft saveDraft(long requestId, String communityCode, Map<String, Object> submitted, String by) {
        Request request = request(requestId);
        ReportDefinition definition = catalogue.get(request.reportType());
        Filing filing = store.filing(requestId, communityCode);
        Map<String, Object> computed = computed(filing);
        Map<String, Object> values = ReportFields.merge(definition, computed, submitted);
        List<String> errors = ReportFields.validate(definition, values);
        if (!errors.isEmpty()) {
            return new Draft(false, String.join("；", errors), "", 0);
        }
        YearMonth period = YearMonth.parse(request.period());
        int next = filing.versions() + 1;
        ReportDocument document = document(definition, filing, period, next, "待审核", by, computed, values,
                fill.tables(definition, communityCode, period));
        store.addVersion(filing, "DRAFT", write(computed, values), catalogue.html(document), catalogue.csv(document),
                by, clock.instant());
        store.setFilingStatus(filing.id(), "IN_REVIEW");
        List<String> summary = new ArrayList<>();
        for (ReportDocument.FieldValue field : document.fields()) {
            summary.add("- " + field.label() + "：" + (field.value() == null ? "—" : field.value())
                    + (field.changed() ? "（已修改系统建议 " + field.suggested() + "）" : ""));
        }
        summary.add("\n预览：/api/reports/" + requestId + "/communities/" + communityCode + "/versions/" + next
                + "/html");
        return new Draft(true, "", String.join("\n", summary), next);
    }

    /**
     * What the system would file for a community and month right now, rendered, without saving anything: the
     * figures a worker starts from (and what the render tests check against base data).
     */
    @Transactional(readOnly = true)
    public Preview preview(String type, String communityCode, String period, CurrentUser user) {
        ReportDefinition definition = catalogue.get(type);
        YearMonth month = period(period);
        List<Place> places = store.places(List.of(communityCode));
        if (places.isEmpty()) {
            throw ReportProblems.badRequest("Unknown community: " + communityCode);
        }
        Place place = places.get(0);
        if (!user.isIn(LinliGroups.ADMINS) && !user.isIn(LinliGroups.SUPERVISORS)
                && !isCommunityMember(user, communityCode)
                && !user.isIn(LinliGroups.orgGroup(OrgLevel.STREET, place.streetCode()))
                && !user.isIn(LinliGroups.orgGroup(OrgLevel.COUNTY, place.countyCode()))) {
            throw ReportProblems.notAllowed("Only staff of the community and the levels above it may preview its "
                    + "reports.");
        }
        Filled filled = fill.fill(definition, communityCode, month);
        Map<String, Object> values = ReportFields.merge(definition, filled.computed(), Map.of());
        Filing filing = new Filing(0, 0, communityCode, place.communityName(), place.streetCode(), "PREVIEW", false, 0,
                null, null, 0);
        ReportDocument document = document(definition, filing, month, 0, "预览（未保存）", user.id(),
                filled.computed(), values, filled.tables());
        return new Preview(values, catalogue.html(document), catalogue.csv(document));
    }

    /** The reviewer returned the report to the community with comments. */
    @Transactional
    public void returnForCorrection(long requestId, String communityCode, String comment) {
        Filing filing = store.filing(requestId, communityCode);
        store.countReturn(filing.id());
        notifications.notify(Recipient.group(LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode)),
                "报表被退回修改", "审核意见：" + (comment == null ? "" : comment), "RPT-" + requestId);
    }

    /** Submits the reviewed version: rendered once more as final, kept unchanged from now on; the requester learns. */
    @Transactional
    public Submitted submit(long requestId, String communityCode, String by) {
        Request request = request(requestId);
        ReportDefinition definition = catalogue.get(request.reportType());
        Filing filing = store.filing(requestId, communityCode);
        Version draft = store.latestVersion(filing.id()).filter(v -> v.kind().equals("DRAFT"))
                .orElseThrow(() -> ReportProblems.versionNotFound("Filing " + filing.id() + " has no reviewed draft"));
        Map<String, Map<String, Object>> saved = read(draft.valuesJson());
        Map<String, Object> values = new LinkedHashMap<>(saved.get("values"));
        ReportFields.validate(definition, values);
        int next = filing.versions() + 1;
        YearMonth period = YearMonth.parse(request.period());
        ReportDocument document = document(definition, filing, period, next, "已上报", draft.createdBy(),
                saved.get("computed"), values, fill.tables(definition, communityCode, period));
        Instant now = clock.instant();
        store.addVersion(filing, "SUBMITTED", write(saved.get("computed"), values), catalogue.html(document),
                catalogue.csv(document), by, now);
        store.markSubmitted(filing.id(), by, now);
        long submitted = store.filings(requestId).stream().filter(f -> f.status().equals(SUBMITTED)).count();
        int total = store.filings(requestId).size();
        notifications.notify(Recipient.user(request.requestedBy()), "社区报表已上报",
                filing.communityName() + "已上报" + definition.name() + "（" + request.period() + "），已报送 " + submitted
                        + " / " + total + " 个社区。", "RPT-" + requestId);
        return new Submitted(next, (int) submitted, total);
    }

    /** Reminds a community that has not submitted yet. */
    @Transactional
    public void remind(long requestId, String communityCode) {
        Request request = request(requestId);
        Filing filing = store.filing(requestId, communityCode);
        if (!filing.status().equals(SUBMITTED)) {
            notifications.notify(Recipient.group(LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode)),
                    "报表即将截止", catalogue.get(request.reportType()).name() + "（" + request.period() + "）将于 "
                            + MINUTES.format(request.deadline().atZone(properties.zone())) + " 截止，请尽快填报。",
                    "RPT-" + requestId);
        }
    }

    /** The deadline passed without a submission: the filing is overdue and the street's supervisors are told. */
    @Transactional
    public void escalate(long requestId, String communityCode) {
        Request request = request(requestId);
        Filing filing = store.filing(requestId, communityCode);
        if (filing.status().equals(SUBMITTED)) {
            return;
        }
        store.markOverdue(filing.id());
        notifications.notify(Recipient.group(LinliGroups.orgGroup(OrgLevel.STREET, filing.streetCode())),
                "社区报表逾期未报", filing.communityName() + "未在截止时间前上报" + catalogue.get(request.reportType()).name()
                        + "（" + request.period() + "），请督办。", "RPT-" + requestId);
    }

    /** Consolidates what has been submitted; communities still missing are marked. A new version each time. */
    @Transactional
    public Consolidated consolidate(long requestId) {
        Request request = request(requestId);
        ReportDefinition definition = catalogue.get(request.reportType());
        List<FieldDefinition> columns = definition.summaryFields();
        List<ConsolidatedDocument.CommunityLine> lines = new ArrayList<>();
        List<BigDecimal> totals = new ArrayList<>(columns.stream().map(c -> BigDecimal.ZERO).toList());
        List<String> missing = new ArrayList<>();
        List<Filing> filings = store.filings(requestId);
        for (Filing filing : filings) {
            var version = store.submittedVersion(filing.id());
            if (version.isEmpty()) {
                missing.add(filing.communityName());
                lines.add(new ConsolidatedDocument.CommunityLine(filing.communityCode(), filing.communityName(), false,
                        filing.overdue(), java.util.Collections.nCopies(columns.size(), null)));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>(read(version.get().valuesJson()).get("values"));
            ReportFields.validate(definition, values);
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Object value = values.get(columns.get(i).key());
                row.add(value);
                if (value != null) {
                    totals.set(i, totals.get(i).add(new BigDecimal(value.toString())));
                }
            }
            lines.add(new ConsolidatedDocument.CommunityLine(filing.communityCode(), filing.communityName(), true,
                    filing.overdue(), row));
        }
        boolean complete = missing.isEmpty();
        int version = store.consolidations(requestId).size() + 1;
        ConsolidatedDocument document = new ConsolidatedDocument(definition.name(), request.period(), requestId,
                version, complete, now(), columns.stream().map(FieldDefinition::label).toList(), lines,
                new ArrayList<>(totals.stream().map(t -> (Object) t.stripTrailingZeros().toPlainString()).toList()),
                filings.size() - missing.size(), filings.size());
        store.addConsolidation(requestId, complete, String.join("、", missing), catalogue.html(document),
                catalogue.csv(document), clock.instant());
        store.setRequestStatus(requestId, complete ? "COMPLETE" : "PARTIAL");
        notifications.notify(Recipient.user(request.requestedBy()), complete ? "报表已汇总" : "报表截止汇总",
                definition.name() + "（" + request.period() + "）汇总第 " + version + " 版："
                        + (complete ? "全部社区已报送。" : "未报送：" + String.join("、", missing) + "。"),
                "RPT-" + requestId);
        return new Consolidated(version, complete, missing);
    }

    @Transactional(readOnly = true)
    public RequestStatus status(long requestId, CurrentUser user) {
        Request request = request(requestId);
        List<Filing> filings = store.filings(requestId);
        if (!mayRead(request, user) && filings.stream().noneMatch(f -> isCommunityMember(user, f.communityCode()))) {
            throw ReportProblems.requestNotFound(requestId);
        }
        return status(requestId);
    }

    /** A stored rendition: a version of a community's filing (the submitted one when no version is named). */
    @Transactional(readOnly = true)
    public String rendered(long requestId, String communityCode, Integer versionNo, String format, CurrentUser user) {
        Request request = request(requestId);
        if (!mayRead(request, user) && !isCommunityMember(user, communityCode)) {
            throw ReportProblems.requestNotFound(requestId);
        }
        Filing filing = store.filing(requestId, communityCode);
        Version version = (versionNo == null ? store.submittedVersion(filing.id())
                : store.version(filing.id(), versionNo))
                .filter(v -> v.html() != null)
                .orElseThrow(() -> ReportProblems.versionNotFound("No rendered version " + (versionNo == null
                        ? "submitted" : versionNo) + " of " + communityCode + " in request " + requestId));
        return "csv".equals(format) ? version.csv() : version.html();
    }

    /** A consolidated report of the request (the latest when no version is named). */
    @Transactional(readOnly = true)
    public String consolidated(long requestId, Integer versionNo, String format, CurrentUser user) {
        Request request = request(requestId);
        if (!mayRead(request, user)) {
            throw ReportProblems.requestNotFound(requestId);
        }
        List<ReportStore.Consolidation> all = store.consolidations(requestId);
        ReportStore.Consolidation consolidation = all.stream()
                .filter(c -> versionNo == null ? c.versionNo() == all.size() : c.versionNo() == versionNo)
                .findFirst()
                .orElseThrow(() -> ReportProblems.versionNotFound("No consolidated report yet for request "
                        + requestId));
        return "csv".equals(format) ? consolidation.csv() : consolidation.html();
    }

    private RequestStatus status(long requestId) {
        Request request = request(requestId);
        List<Filing> filings = store.filings(requestId);
        List<FilingStatus> lines = filings.stream()
                .map(f -> new FilingStatus(f.communityCode(), f.communityName(), f.status(), f.overdue(),
                        f.returnCount(), f.submittedAt(), f.versions()))
                .toList();
        int submitted = (int) filings.stream().filter(f -> f.status().equals(SUBMITTED)).count();
        List<ConsolidationStatus> consolidations = store.consolidations(requestId).stream()
                .map(c -> new ConsolidationStatus(c.versionNo(), c.complete(),
                        c.missing().isEmpty() ? List.of() : List.of(c.missing().split("、")), c.createdAt()))
                .toList();
        return new RequestStatus(requestId, request.reportType(), catalogue.get(request.reportType()).name(),
                request.period(), request.deadline(), request.status(), submitted, filings.size(),
                submitted + " / " + filings.size(), lines, consolidations);
    }

    private ReportDocument document(ReportDefinition definition, Filing filing, YearMonth period, int version,
            String state, String by, Map<String, Object> computed, Map<String, Object> values,
            Map<String, List<Map<String, Object>>> tables) {
        List<ReportDocument.FieldValue> fields = new ArrayList<>();
        for (FieldDefinition field : definition.fields()) {
            Object value = values.get(field.key());
            Object suggestion = computed.get(field.key());
            boolean changed = field.source() == Source.SUGGESTED && !same(field, value, suggestion);
            fields.add(new ReportDocument.FieldValue(field.key(), field.label(), value,
                    ReportFields.sourceLabel(field.source()) + (changed ? "（已修改）" : ""), fill.from(field), changed,
                    changed ? suggestion : null));
        }
        return new ReportDocument(definition.code(), definition.name(), definition.standard(), filing.communityCode(),
                filing.communityName(), period.toString(), version, state, by, now(), fields, values, tables);
    }

    private static boolean same(FieldDefinition field, Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (field.type() == FieldType.TEXT) {
            return a.toString().equals(b.toString());
        }
        return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }

    private Map<String, Object> computed(Filing filing) {
        Version autoFill = store.version(filing.id(), 1)
                .orElseThrow(() -> ReportProblems.versionNotFound("Filing " + filing.id() + " was never filled"));
        return read(autoFill.valuesJson()).get("computed");
    }

    private String requesterGroup(List<Place> places, CurrentUser user) {
        if (user.isIn(LinliGroups.ADMINS)) {
            return LinliGroups.ADMINS;
        }
        String street = LinliGroups.orgGroup(OrgLevel.STREET, places.get(0).streetCode());
        if (user.isIn(street) && places.stream().allMatch(p -> p.streetCode().equals(places.get(0).streetCode()))) {
            return street;
        }
        String county = LinliGroups.orgGroup(OrgLevel.COUNTY, places.get(0).countyCode());
        if (user.isIn(county) && places.stream().allMatch(p -> p.countyCode().equals(places.get(0).countyCode()))) {
            return county;
        }
        throw ReportProblems.notAllowed("Only staff of the street or county above every named community may ask "
                + "them for a report.");
    }

    private static boolean mayRead(Request request, CurrentUser user) {
        return user.isIn(LinliGroups.ADMINS) || user.isIn(request.reviewGroup()) || user.id().equals(request.requestedBy())
                || user.isIn(LinliGroups.SUPERVISORS);
    }

    private static boolean isCommunityMember(CurrentUser user, String communityCode) {
        return user.isIn(LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode));
    }

    private Request request(long requestId) {
        return store.request(requestId).orElseThrow(() -> ReportProblems.requestNotFound(requestId));
    }

    private static YearMonth period(String text) {
        try {
            return YearMonth.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            throw ReportProblems.badRequest("period must be a month, yyyy-MM: " + text);
        }
    }

    private String now() {
        return MINUTES.format(clock.instant().atZone(properties.zone()));
    }

    private String write(Map<String, Object> computed, Map<String, Object> values) {
        try {
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("computed", computed);
            both.put("values", values);
            return json.writeValueAsString(both);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Map<String, Object>> read(String text) {
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the auto-fill step hands the worker's form. */
    public record AutoFilled(Map<String, Object> formValues, String communityName, String communityGroup,
            String reviewGroup, String computedNote, int versionNo) {
    }

    /** A report as the system would fill it now. */
    public record Preview(Map<String, Object> values, String html, String csv) {
    }

    /** A saved draft, or why it could not be saved. */
    public record Draft(boolean valid, String message, String summary, int versionNo) {
    }

    public record Submitted(int versionNo, int submitted, int total) {
    }

    public record Consolidated(int versionNo, boolean complete, List<String> missing) {
    }

    public record RequestStatus(long id, String reportType, String reportName, String period, Instant deadline,
            String status, int submitted, int total, String progress, List<FilingStatus> communities,
            List<ConsolidationStatus> consolidations) {
    }

    public record FilingStatus(String communityCode, String communityName, String status, boolean overdue,
            int returns, Instant submittedAt, int versions) {
    }

    public record ConsolidationStatus(int versionNo, boolean complete, List<String> missing, Instant createdAt) {
    }
}
