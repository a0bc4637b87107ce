package org.linli.tracking;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.linli.security.CurrentUser;
import org.springframework.stereotype.Service;

/** Full-text and filtered search over the case index, with the caller's access applied. */
@Service
public class CaseSearch {

    private final CaseIndex index;
    private final Clock clock;

    CaseSearch(CaseIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /** One page of matching cases, newest first, with their SLA state as of now. */
    public record Page(List<CaseDocument> items, long total, int page, int size) {
    }

    public Page search(CaseQuery query, CurrentUser user) {
        Instant now = clock.instant();
        List<Query> filters = new ArrayList<>();
        filters.add(CaseFilters.readableBy(user));
        if (query.family() != null) {
            filters.add(CaseFilters.term("family", query.family()));
        }
        if (query.state() != null) {
            filters.add(switch (query.state()) {
                case "open" -> Query.of(q -> q.term(t -> t.field("open").value(true)));
                case "closed" -> Query.of(q -> q.term(t -> t.field("open").value(false)));
                default -> CaseFilters.term("state", query.state());
            });
        }
        if (query.community() != null) {
            filters.add(CaseFilters.term("communityCode", query.community()));
        }
        if (query.grid() != null) {
            filters.add(CaseFilters.term("gridCode", query.grid()));
        }
        if (query.category() != null) {
            filters.add(CaseFilters.term("category", query.category()));
        }
        if (query.from() != null || query.to() != null) {
            filters.add(CaseFilters.createdBetween(query.from(), query.to()));
        }
        List<Query> mustNot = new ArrayList<>();
        if (Boolean.TRUE.equals(query.overdue())) {
            filters.add(CaseFilters.overdue(now));
        } else if (Boolean.FALSE.equals(query.overdue())) {
            mustNot.add(CaseFilters.overdue(now));
        }
        Query text = query.text() == null || query.text().isBlank() ? null : CaseFilters.text(query.text().trim());
        try {
            SearchResponse<CaseDocument> response = index.client().search(s -> s
                    .index(index.alias())
                    .query(q -> q.bool(b -> {
                        b.filter(filters).mustNot(mustNot);
                        if (text != null) {
                            b.must(text);
                        }
                        return b;
                    }))
                    .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)))
                    .from(query.page() * query.size())
                    .size(query.size())
                    .trackTotalHits(t -> t.enabled(true)), CaseDocument.class);
            List<CaseDocument> items = response.hits().hits().stream().map(Hit::source)
                    .map(d -> d.asOf(now)).toList();
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            return new Page(items, total, query.page(), query.size());
        } catch (IOException | ElasticsearchException e) {
            throw TrackingProblems.searchUnavailable();
        }
    }
}
