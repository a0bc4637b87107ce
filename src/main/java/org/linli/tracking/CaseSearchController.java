package org.linli.tracking;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.linli.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Case search and dashboard figures over every process family ({@code /api/cases}), and the index rebuild for
 * administrators ({@code /api/admin/tracking/reindex}).
 */
@RestController
class CaseSearchController {

    private static final String REINDEX = "/api/admin/tracking/reindex";

    private final CaseSearch search;
    private final DashboardFigures dashboard;
    private final CaseReindexer reindexer;
    private final TrackingProperties properties;

    CaseSearchController(CaseSearch search, DashboardFigures dashboard, CaseReindexer reindexer,
            TrackingProperties properties) {
        this.search = search;
        this.dashboard = dashboard;
        this.reindexer = reindexer;
        this.properties = properties;
    }

    @GetMapping("/api/cases")
    CaseSearch.Page search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String family,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String community,
            @RequestParam(required = false) String grid,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return search.search(new CaseQuery(q, family, state, community, grid, category, overdue, instant(from, "from"),
                instant(to, "to"), page, size), CurrentUser.get());
    }

    @GetMapping("/api/cases/dashboard")
    DashboardFigures.Figures dashboard(@RequestParam(required = false) String community,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CurrentUser user = CurrentUser.get();
        if (!user.isStaff()) {
            throw TrackingProblems.notAllowed();
        }
        return dashboard.figures(community, from, to, user);
    }

    /** Starts a rebuild in the background: 202 with its progress, followed at the same address. */
    @PostMapping(REINDEX)
    ResponseEntity<CaseReindexer.Status> reindex() {
        return ResponseEntity.accepted().location(URI.create(REINDEX)).body(reindexer.start());
    }

    @GetMapping(REINDEX)
    CaseReindexer.Status reindexStatus() {
        return reindexer.status().orElseThrow(TrackingProblems::noReindex);
    }

    /** An instant ({@code 2026-11-24T08:00:00Z}) or a day ({@code 2026-11-24}, in the community's zone). */
    private Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(properties.zone()).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw TrackingProblems.badQuery(name + " must be a day (2026-11-24) or an instant (2026-11-24T08:00:00Z)");
        }
    }
}
