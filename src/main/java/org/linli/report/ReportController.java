package org.linli.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.linli.report.ReportFiling.RequestStatus;
import org.linli.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
@Tag(name = "镇易报 Reports", description = "Ask communities for reports, follow them, download the submitted versions")
class ReportController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ReportFiling filing;
    private final ReportCatalogue catalogue;
    private final ReportFill fill;

    ReportController(ReportFiling filing, ReportCatalogue catalogue, ReportFill fill) {
        this.filing = filing;
        this.catalogue = catalogue;
        this.fill = fill;
    }

    @GetMapping("/types")
    @Operation(summary = "The report types, their fields and where each computed figure comes from")
    List<TypeView> types() {
        return catalogue.all().stream().map(d -> new TypeView(d.code(), d.name(), d.standard(), d.fields().stream()
                .map(f -> new FieldView(f.key(), f.label(), f.type().name(), f.source().name(), fill.from(f),
                        f.required(), f.min(), f.max(), f.maxLength()))
                .toList())).toList();
    }

    @GetMapping("/types/{type}/preview/{format:html|csv}")
    @Operation(summary = "A report as the system would fill it now for a community and month (nothing is saved)")
    ResponseEntity<String> preview(@PathVariable String type, @PathVariable String format,
            @RequestParam String community, @RequestParam String period) {
        ReportFiling.Preview preview = filing.preview(type, community, period, CurrentUser.get());
        return rendered("csv".equals(format) ? preview.csv() : preview.html(), format,
                "preview-" + type + "-" + community + "-" + period);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask communities for a report by a deadline (street or county staff)")
    RequestStatus open(@Valid @RequestBody OpenRequest body) {
        return filing.open(new OpenReportRequestCommand(body.reportType(), body.period(), body.deadline(),
                body.communities()), CurrentUser.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "How far a request is: n of m communities submitted, each community's state")
    RequestStatus status(@PathVariable long id) {
        return filing.status(id, CurrentUser.get());
    }

    @GetMapping("/{id}/communities/{community}/{format:html|csv}")
    @Operation(summary = "The submitted report of a community, as HTML or CSV")
    ResponseEntity<String> submitted(@PathVariable long id, @PathVariable String community,
            @PathVariable String format) {
        return rendered(filing.rendered(id, community, null, format, CurrentUser.get()), format,
                "report-" + id + "-" + community);
    }

    @GetMapping("/{id}/communities/{community}/versions/{version}/{format:html|csv}")
    @Operation(summary = "One saved version of a community's report (drafts reviewers previewed, the submitted one)")
    ResponseEntity<String> version(@PathVariable long id, @PathVariable String community, @PathVariable int version,
            @PathVariable String format) {
        return rendered(filing.rendered(id, community, version, format, CurrentUser.get()), format,
                "report-" + id + "-" + community + "-v" + version);
    }

    @GetMapping("/{id}/consolidated/{format:html|csv}")
    @Operation(summary = "The consolidated report of a request (latest, or ?version=)")
    ResponseEntity<String> consolidated(@PathVariable long id, @PathVariable String format,
            @RequestParam(required = false) Integer version) {
        return rendered(filing.consolidated(id, version, format, CurrentUser.get()), format,
                "report-" + id + "-consolidated");
    }

    private static ResponseEntity<String> rendered(String body, String format, String name) {
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(name + ".csv").build().toString())
                    .body("\uFEFF" + body);
        }
        return ResponseEntity.ok().contentType(HTML).body(body);
    }

    record OpenRequest(@NotBlank String reportType, @NotBlank String period, @NotNull Instant deadline,
            @NotEmpty @Size(max = 500) List<@NotBlank String> communities) {
    }

    record TypeView(String code, String name, boolean standard, List<FieldView> fields) {
    }

    record FieldView(String key, String label, String type, String source, String from, boolean required,
            Double min, Double max, Integer maxLength) {
    }
}
