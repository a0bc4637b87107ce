package org.linli.tracking;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;

import org.linli.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * The supervisors' dashboard (基层分脑): every figure is an Elasticsearch aggregation over the cases the caller
 * may see, optionally of one community, created in a period (default: the last 30 days).
 */
@Service
public class DashboardFigures {

    private final CaseIndex index;
    private final TrackingProperties properties;
    private final Clock clock;

    DashboardFigures(CaseIndex index, TrackingProperties properties, Clock clock) {
        this.index = index;
        this.properties = properties;
        this.clock = clock;
    }

    public record Figures(String community, LocalDate from, LocalDate to, Totals totals, List<Count> openedPerDay,
            List<Count> closedPerDay, List<Department> departments, List<CaseDocument> overdue, List<Alarm> alarms,
            List<Count> satisfaction, List<GridDemand> demand, Participation participation, List<Count> families) {
    }

    public record Totals(long total, long open, long closed, long overdueNow, long atRiskNow, Double handlingRate,
            Double onTimeRate, Double meanSatisfaction) {
    }

    public record Count(String key, long count) {
    }

    /** 处置率 = closed / received; 按时率 = closed on time / closed with a deadline. */
    public record Department(String group, long received, long closed, long onTime, Double handlingRate,
            Double onTimeRate) {
    }

    public record Alarm(String type, long count, Double meanAckSeconds) {
    }

    public record GridDemand(String grid, long count, List<Count> categories) {
    }

    public record Participation(long topics, long participants, Double meanParticipants) {
    }

    Figures figures(String community, LocalDate from, LocalDate to, CurrentUser user) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last)) {
            throw TrackingProblems.badQuery("from must not be after to");
        }
        if (first.plusDays(366).isBefore(last)) {
            throw TrackingProblems.badQuery("the period may span at most one year");
        }
        Instant start = first.atStartOfDay(properties.zone()).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(properties.zone()).toInstant();
        Instant now = clock.instant();
        List<Query> scope = new ArrayList<>();
        scope.add(CaseFilters.readableBy(user));
        if (community != null && !community.isBlank()) {
            scope.add(CaseFilters.term("communityCode", community));
        }
        Query created = CaseFilters.createdBetween(start, end);
        Query closedIn = Query.of(q -> q.range(r -> r.untyped(u -> u.field("closedAt")
                .gte(JsonData.of(start.toString()))
                .lt(JsonData.of(end.toString())))));
        String zone = properties.zone().getId();
        Query closedQuery = Query.of(q -> q.term(t -> t.field("open").value(false)));
        Query onTimeQuery = Query.of(q -> q.bool(b -> b.filter(closedQuery,
                CaseFilters.term("slaState", CaseDocument.ON_TIME))));
        // the on-time rate counts only closed cases that had a deadline
        Query closedWithDeadline = Query.of(q -> q.bool(b -> b.filter(closedQuery,
                Query.of(e -> e.exists(x -> x.field("dueAt"))))));
        Aggregation perDay = Aggregation.of(a -> a.dateHistogram(h -> h.field("createdAt")
                .calendarInterval(CalendarInterval.Day).timeZone(zone).minDocCount(0).format("yyyy-MM-dd")
                .extendedBounds(e -> e.min(FieldDateMath.of(m -> m.expr(first.toString())))
                        .max(FieldDateMath.of(m -> m.expr(last.toString()))))));
        Map<String, Query> statusFilters = Map.of(
                "open", Query.of(q -> q.term(t -> t.field("open").value(true))),
                "closed", closedQuery,
                "onTime", onTimeQuery,
                "closedWithDeadline", closedWithDeadline,
                "overdueNow", Query.of(q -> q.bool(b -> b.filter(CaseFilters.overdue(now),
                        Query.of(o -> o.term(t -> t.field("open").value(true)))))),
                "atRiskNow", CaseFilters.atRisk(now));
        Map<String, Aggregation> inPeriod = Map.of(
                "perDay", perDay,
                "status", Aggregation.of(a -> a.filters(f -> f.filters(k -> k.keyed(statusFilters)))),
                "departments", Aggregation.of(a -> a.terms(t -> t.field("handlerGroup").size(20))
                        .aggregations("closed", x -> x.filter(closedQuery))
                        .aggregations("closedWithDeadline", x -> x.filter(closedWithDeadline))
                        .aggregations("onTime", x -> x.filter(onTimeQuery))),
                "alarms", Aggregation.of(a -> a.terms(t -> t.field("alarmType").size(20))
                        .aggregations("ack", x -> x.avg(v -> v.field("ackSeconds")))),
                "satisfaction", Aggregation.of(a -> a.terms(t -> t.field("satisfaction").size(10))),
                "demand", Aggregation.of(a -> a.terms(t -> t.field("gridCode").missing(FieldValue.of("-")).size(20))
                        .aggregations("categories", x -> x.terms(t -> t.field("category").size(5)))),
                "participants", Aggregation.of(a -> a.stats(v -> v.field("participants"))),
                "families", Aggregation.of(a -> a.terms(t -> t.field("family").size(20))));
        try {
            SearchResponse<Void> response = index.client().search(s -> s.index(index.alias()).size(0)
                    .query(q -> q.bool(b -> b.filter(scope)))
                    .aggregations("period", a -> a.filter(created).aggregations(inPeriod))
                    .aggregations("closedPerDay", a -> a.filter(closedIn).aggregations("perDay", h -> h
                            .dateHistogram(d -> d.field("closedAt").calendarInterval(CalendarInterval.Day)
                                    .timeZone(zone).minDocCount(0).format("yyyy-MM-dd")))), Void.class);
            List<Query> overdueScope = new ArrayList<>(scope);
            overdueScope.add(CaseFilters.overdue(now));
            overdueScope.add(Query.of(q -> q.term(t -> t.field("open").value(true))));
            SearchResponse<CaseDocument> overdue = index.client().search(s -> s.index(index.alias()).size(20)
                    .query(q -> q.bool(b -> b.filter(overdueScope)))
                    .sort(o -> o.field(f -> f.field("dueAt").order(SortOrder.Asc))), CaseDocument.class);
            return figures(community, first, last, response, overdue, now);
        } catch (IOException | ElasticsearchException e) {
            throw TrackingProblems.searchUnavailable();
        }
    }

    private Figures figures(String community, LocalDate first, LocalDate last, SearchResponse<Void> response,
            SearchResponse<CaseDocument> overdue, Instant now) {
        Aggregate periodAggregate = response.aggregations().get("period");
        long total = periodAggregate.filter().docCount();
        Map<String, Aggregate> period = periodAggregate.filter().aggregations();
        Map<String, FiltersBucket> status = period.get("status")
                .filters().buckets().keyed();
        long closed = status.get("closed").docCount();
        long onTime = status.get("onTime").docCount();
        Totals totals = new Totals(total, status.get("open").docCount(), closed, status.get("overdueNow").docCount(),
                status.get("atRiskNow").docCount(), ratio(closed, total),
                ratio(onTime, status.get("closedWithDeadline").docCount()),
                meanSatisfaction(longBuckets(period.get("satisfaction"))));
        List<Count> opened = period.get("perDay").dateHistogram().buckets().array().stream()
                .map(b -> new Count(b.keyAsString(), b.docCount())).toList();
        List<Count> closedPerDay = response.aggregations().get("closedPerDay").filter().aggregations().get("perDay")
                .dateHistogram().buckets().array().stream().map(b -> new Count(b.keyAsString(), b.docCount()))
                .toList();
        List<Department> departments = period.get("departments").sterms().buckets().array().stream().map(b -> {
            long received = b.docCount();
            long done = b.aggregations().get("closed").filter().docCount();
            long intime = b.aggregations().get("onTime").filter().docCount();
            long withDeadline = b.aggregations().get("closedWithDeadline").filter().docCount();
            return new Department(b.key().stringValue(), received, done, intime, ratio(done, received),
                    ratio(intime, withDeadline));
        }).toList();
        List<Alarm> alarms = period.get("alarms").sterms().buckets().array().stream()
                .map(b -> new Alarm(b.key().stringValue(), b.docCount(), round(b.aggregations().get("ack").avg()
                        .value()))).toList();
        List<Count> satisfaction = longBuckets(period.get("satisfaction")).stream()
                .map(b -> new Count(String.valueOf(b.key()), b.docCount())).toList();
        List<GridDemand> demand = period.get("demand").sterms().buckets().array().stream()
                .map(b -> new GridDemand(b.key().stringValue(), b.docCount(), counts(b.aggregations()
                        .get("categories").sterms().buckets().array()))).toList();
        var stats = period.get("participants").stats();
        Participation participation = new Participation(stats.count(), Math.round(stats.sum()),
                stats.count() == 0 ? null : round(stats.avg()));
        List<Count> families = counts(period.get("families").sterms().buckets().array());
        List<CaseDocument> overdueCases = overdue.hits().hits().stream().map(Hit::source).map(d -> d.asOf(now))
                .toList();
        return new Figures(community, first, last, totals, opened, closedPerDay, departments, overdueCases, alarms,
                satisfaction, demand, participation, families);
    }

    /** Buckets of a terms aggregation on a number field (Elasticsearch answers an empty one as string terms). */
    private static List<LongTermsBucket> longBuckets(Aggregate terms) {
        return terms.isLterms() ? terms.lterms().buckets().array() : List.of();
    }

    /** The mean of the rated cases only (none rated: no mean, not 0). */
    private static Double meanSatisfaction(List<LongTermsBucket> buckets) {
        long rated = buckets.stream().mapToLong(LongTermsBucket::docCount).sum();
        long sum = buckets.stream().mapToLong(b -> b.key() * b.docCount()).sum();
        return rated == 0 ? null : round((double) sum / rated);
    }

    private static List<Count> counts(List<StringTermsBucket> buckets) {
        return buckets.stream().map(b -> new Count(b.key().stringValue(), b.docCount())).toList();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static Double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 1000) / 1000.0;
    }
}
