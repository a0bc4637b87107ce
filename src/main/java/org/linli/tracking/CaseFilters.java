package org.linli.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;

import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;

/** The Elasticsearch queries behind case search and the dashboard: who may see what, and the filters. */
final class CaseFilters {

    private CaseFilters() {
    }

    /**
     * What the caller may see: administrators everything; staff the cases of their community, grid, street or
     * department groups (a clerk: their communities; a supervisor: their street); residents their own cases.
     */
    static Query readableBy(CurrentUser user) {
        if (user.isIn(LinliGroups.ADMINS)) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        List<Query> any = new ArrayList<>();
        any.add(Query.of(q -> q.term(t -> t.field("reporterUserId").value(user.id()))));
        if (user.isStaff() && !user.groups().isEmpty()) {
            List<FieldValue> groups = user.groups().stream().map(FieldValue::of).toList();
            any.add(Query.of(q -> q.terms(t -> t.field("accessGroups").terms(v -> v.value(groups)))));
        }
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    /** Open past its due date now, or closed after it. */
    static Query overdue(Instant now) {
        Query openLate = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("open").value(true)))
                .filter(f -> f.range(r -> r.untyped(u -> u.field("dueAt").lt(JsonData.of(now.toString())))))));
        Query closedLate = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("open").value(false)))
                .filter(f -> f.term(t -> t.field("slaState").value(CaseDocument.OVERDUE)))));
        return Query.of(q -> q.bool(b -> b.should(openLate, closedLate).minimumShouldMatch("1")));
    }

    /** Open, not yet due, but in the last part of its time window. */
    static Query atRisk(Instant now) {
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("open").value(true)))
                .filter(f -> f.range(r -> r.untyped(u -> u.field("atRiskAt").lte(JsonData.of(now.toString())))))
                .filter(f -> f.range(r -> r.untyped(u -> u.field("dueAt").gte(JsonData.of(now.toString())))))));
    }

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    static Query createdBetween(Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.untyped(u -> {
            u.field("createdAt");
            if (from != null) {
                u.gte(JsonData.of(from.toString()));
            }
            if (to != null) {
                u.lt(JsonData.of(to.toString()));
            }
            return u;
        })));
    }

    /** Chinese text is cut into single characters (standard analyzer): a phrase query keeps their order. */
    static Query text(String text) {
        return Query.of(q -> q.bool(b -> b
                .should(s -> s.matchPhrase(m -> m.field("text").query(text)))
                .should(s -> s.term(t -> t.field("caseNumber").value(text)))
                .minimumShouldMatch("1")));
    }
}
