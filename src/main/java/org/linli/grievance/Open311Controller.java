package org.linli.grievance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linli.grievance.GrievanceCatalogue.Category;
import org.linli.grievance.GrievanceCatalogue.Channel;
import org.linli.grievance.GrievanceCatalogue.Urgency;
import org.linli.grievance.GrievanceQueries.CaseView;
import org.linli.grievance.GrievanceQueries.TimelineEntry;
import org.linli.basedata.Masking;
import org.linli.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (JSON) onto the same grievance process, so existing 311 clients can file and follow
 * cases. {@code jurisdiction_id} names the community; {@code service_code} is a grievance category.
 * Authentication is HTTP Basic, as for the rest of the API.
 */
@RestController
@RequestMapping(value = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Open311 GeoReport v2", description = "The grievance process behind the Open311 interface")
class Open311Controller {

    private final GrievanceIntake intake;
    private final GrievanceQueries queries;

    Open311Controller(GrievanceIntake intake, GrievanceQueries queries) {
        this.intake = intake;
        this.queries = queries;
    }

    @GetMapping({"/services", "/services.json"})
    @Operation(summary = "Service list: one service per grievance category")
    List<Map<String, Object>> services() {
        return Arrays.stream(Category.values()).map(c -> {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service_code", c.code());
            service.put("service_name", c.label());
            service.put("description", c.label() + "类民生诉求");
            service.put("metadata", false);
            service.put("type", "realtime");
            service.put("keywords", c.code());
            service.put("group", "民生诉求");
            return service;
        }).toList();
    }

    @PostMapping(value = {"/requests", "/requests.json"},
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    @Operation(summary = "Create a service request (files a grievance)")
    List<Map<String, Object>> create(
            @RequestParam("jurisdiction_id") String jurisdictionId,
            @RequestParam("service_code") String serviceCode,
            @RequestParam("description") String description,
            @RequestParam(name = "address_string", required = false) String addressString,
            @RequestParam(name = "address_id", required = false) Long addressId,
            @RequestParam(name = "first_name", required = false) String firstName,
            @RequestParam(name = "last_name", required = false) String lastName,
            @RequestParam(name = "phone", required = false) String phone) {
        CurrentUser user = CurrentUser.get();
        String name = ((lastName == null ? "" : lastName) + (firstName == null ? "" : firstName)).strip();
        String phoneNumber = phone == null ? null : phone.replaceAll("[\\s-]", "");
        if (phoneNumber != null && !phoneNumber.matches("1[3-9]\\d{9}")) {
            throw GrievanceProblems.badPhone();
        }
        String caseNumber = intake.file(new FileGrievanceCommand(Channel.OPEN311,
                user.isStaff() ? null : user.id(), name.isEmpty() ? null : name, phoneNumber, user.id(), serviceCode,
                null, Urgency.NORMAL, description, jurisdictionId, addressId, addressString));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", caseNumber);
        created.put("service_notice", "已受理，诉求编号 " + caseNumber);
        created.put("account_id", null);
        return List.of(created);
    }

    @GetMapping({"/requests/{id}", "/requests/{id}.json"})
    @Operation(summary = "One service request")
    List<Map<String, Object>> request(@PathVariable("id") String id) {
        CurrentUser user = CurrentUser.get();
        String caseNumber = id.endsWith(".json") ? id.substring(0, id.length() - 5) : id;
        return List.of(serviceRequest(queries.grievance(caseNumber, user), queries.timeline(caseNumber, user)));
    }

    @GetMapping({"/requests", "/requests.json"})
    @Operation(summary = "Several service requests by id, or the caller's own")
    List<Map<String, Object>> requests(@RequestParam(name = "service_request_id", required = false) String ids) {
        CurrentUser user = CurrentUser.get();
        List<String> caseNumbers = ids == null ? queries.mine(user).stream().map(CaseView::caseNumber).toList()
                : Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return caseNumbers.stream()
                .map(n -> serviceRequest(queries.grievance(n, user), queries.timeline(n, user)))
                .toList();
    }

    private static Map<String, Object> serviceRequest(CaseView c, List<TimelineEntry> timeline) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", c.caseNumber());
        request.put("status", c.closedAt() == null ? "open" : "closed");
        request.put("status_notes", timeline.isEmpty() ? c.statusLabel() : timeline.get(timeline.size() - 1).text());
        request.put("service_name", c.categoryLabel());
        request.put("service_code", c.category());
        request.put("description", Masking.freeText(c.description()));
        request.put("agency_responsible", c.handlerGroup());
        request.put("requested_datetime", c.createdAt());
        request.put("updated_datetime", c.updatedAt());
        request.put("expected_datetime", c.dueAt());
        request.put("address", c.address());
        request.put("address_id", null);
        request.put("zipcode", null);
        request.put("media_url", null);
        return request;
    }
}
