package org.linli.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The case index in Elasticsearch: an index template from {@code tracking/case-index.json}, concrete indexes
 * {@code <alias>-<stamp>} and the alias that readers and the indexer use, swapped atomically by a reindex.
 */
@Component
class CaseIndex {

    static final String TEMPLATE = "tracking/case-index.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final TrackingProperties properties;
    private final Clock clock;

    CaseIndex(ElasticsearchClient client, TrackingProperties properties, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.clock = clock;
    }

    String alias() {
        return properties.alias();
    }

    /** Puts the index template and, on a fresh cluster, the first index behind the alias. */
    void ensureReady() throws IOException {
        String template;
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
            // the template covers this alias's indexes (tests run with their own alias on a shared node)
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\"linli-cases-*\"",
                    "\"" + alias() + "-*\"");
        }
        client.indices().putIndexTemplate(t -> t.name(alias()).withJson(new StringReader(template)));
        if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
            String index = newIndexName();
            client.indices().create(c -> c.index(index).aliases(alias(), a -> a));
        } else {
            // the live index follows a changed template setting at the next start, without a reindex
            String refresh = liveRefreshInterval();
            client.indices().putSettings(s -> s.index(alias()).settings(i -> i.refreshInterval(r -> r.time(refresh))));
        }
    }

    /** The template's refresh interval, which a rebuilt index (written with refresh off) gets when it goes live. */
    static String liveRefreshInterval() throws IOException {
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
            return new ObjectMapper().readTree(in).at("/template/settings/refresh_interval").asText();
        }
    }

    /** A new, empty index with the template's mapping, not yet behind the alias. */
    String createIndex() throws IOException {
        String index = newIndexName();
        client.indices().create(c -> c.index(index).settings(s -> s.refreshInterval(r -> r.time("-1"))));
        return index;
    }

    private String newIndexName() {
        return alias() + "-" + STAMP.format(clock.instant());
    }

    /** The indexes the alias points at now. */
    Set<String> indexesBehindAlias() throws IOException {
        return client.indices().getAlias(a -> a.name(alias())).result().keySet();
    }

    /**
     * Writes documents with external versions (the outbox sequence): an older version than the stored one is
     * refused by Elasticsearch and counts as done, so replays and races are harmless.
     *
     * @return the ids Elasticsearch failed for another reason (to retry)
     */
    List<String> write(String index, List<CaseDocument> documents, long version) throws IOException {
        return write(index, documents, d -> version);
    }

    List<String> write(String index, List<CaseDocument> documents, java.util.function.ToLongFunction<CaseDocument>
            version) throws IOException {
        if (documents.isEmpty()) {
            return List.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
        for (CaseDocument document : documents) {
            bulk.operations(o -> o.index(i -> i.id(document.id()).version(version.applyAsLong(document))
                    .versionType(VersionType.ExternalGte).document(document)));
        }
        BulkResponse response = client.bulk(bulk.build());
        List<String> failed = new ArrayList<>();
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != 409) {
                    failed.add(item.id() + ": " + item.error().reason());
                }
            }
        }
        return failed;
    }

    /** Puts {@code index} behind the alias and takes every other index away from it, in one atomic step. */
    void swapAlias(String index) throws IOException {
        Set<String> old = client.indices().existsAlias(a -> a.name(alias())).value() ? indexesBehindAlias()
                : Set.of();
        String refresh = liveRefreshInterval();
        client.indices().putSettings(s -> s.index(index).settings(i -> i.refreshInterval(r -> r.time(refresh))));
        client.indices().updateAliases(u -> {
            u.actions(a -> a.add(add -> add.index(index).alias(alias())));
            for (String previous : old) {
                if (!previous.equals(index)) {
                    u.actions(a -> a.remove(r -> r.index(previous).alias(alias())));
                }
            }
            return u;
        });
    }

    void delete(String index) throws IOException {
        client.indices().delete(d -> d.index(index));
    }

    void refresh(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
    }

    long count(String index) throws IOException {
        return client.count(c -> c.index(index)).count();
    }

    boolean reachable() {
        try {
            client.cluster().health(h -> h.timeout(t -> t.time("1s")));
            return true;
        } catch (IOException | ElasticsearchException e) {
            return false;
        }
    }

    ElasticsearchClient client() {
        return client;
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
