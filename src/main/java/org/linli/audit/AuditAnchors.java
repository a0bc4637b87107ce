package org.linli.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies the chain's head out of the database now and then (Elasticsearch, index {@code app.audit.anchor-index},
 * one document per anchored entry, created once and never overwritten by the application). The chain proves that no
 * entry before the head changed; an anchor proves how far the chain reached, so someone who deletes the last entries
 * and rewinds the head in the database is caught too, unless they also control the anchors' store.
 */
@Component
class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    private final ElasticsearchClient client;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String index;

    AuditAnchors(ElasticsearchClient client, JdbcTemplate jdbc, Clock clock,
            @Value("${app.audit.anchor-index:linli-audit-anchors}") String index) {
        this.client = client;
        this.jdbc = jdbc;
        this.clock = clock;
        this.index = index;
    }

    /** Anchors the current head, if there is one not anchored yet; Elasticsearch being away only delays it. */
    @Scheduled(initialDelayString = "${app.audit.anchor-interval:PT5M}",
            fixedDelayString = "${app.audit.anchor-interval:PT5M}")
    void anchor() {
        Anchor head = jdbc.queryForObject("SELECT seq, hash FROM aud_head WHERE id = 1",
                (rs, i) -> new Anchor(rs.getLong("seq"), rs.getString("hash"), clock.instant()));
        if (head.seq() == 0) {
            return;
        }
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index).mappings(m -> m.dynamic(DynamicMapping.Strict)
                        .properties("seq", p -> p.long_(l -> l)).properties("hash", p -> p.keyword(k -> k))
                        .properties("at", p -> p.date(d -> d))));
            }
            client.create(c -> c.index(index).id(String.valueOf(head.seq())).document(head).refresh(Refresh.True));
        } catch (ElasticsearchException e) {
            if (e.status() != 409) { // 409: this head is anchored already
                log.warn("Audit head {} not anchored: {}", head.seq(), e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Audit head {} not anchored (Elasticsearch unreachable): {}", head.seq(), e.getMessage());
        }
    }

    /** The farthest anchor; empty when there is none yet. Throws when the anchors cannot be read. */
    Optional<Anchor> latest() throws IOException {
        if (!client.indices().exists(e -> e.index(index)).value()) {
            return Optional.empty();
        }
        return client.search(s -> s.index(index).size(1)
                .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Desc))), Anchor.class)
                .hits().hits().stream().findFirst().map(hit -> hit.source());
    }

    /** The head of the chain as it was at {@code at}. */
    record Anchor(long seq, String hash, Instant at) {
    }
}
