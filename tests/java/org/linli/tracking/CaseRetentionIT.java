package org.linli.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import org.junit.jupiter.api.Test;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index keeps a closed case exactly as long as the engine's history does: the family's historyTimeToLive after
 * it closed (grievances 5 years, alarms 1 year); open cases stay whatever their age.
 */
@IntegrationTest
class CaseRetentionIT {

    @Autowired
    CaseRetention retention;

    @Autowired
    ElasticsearchClient client;

    @Autowired
    TrackingProperties properties;

    @Autowired
    CaseIndex index;

    @Test
    void closedCasesLeaveTheIndexWhenTheirHistoryExpires() throws Exception {
        index.ensureReady();
        Instant now = Instant.now();
        String expiredGrievance = put("grievance-handling", now.minus(5 * 365 + 10, ChronoUnit.DAYS));
        String keptGrievance = put("grievance-handling", now.minus(2 * 365, ChronoUnit.DAYS));
        String expiredAlarm = put("alarm-escalation", now.minus(400, ChronoUnit.DAYS));
        String openAlarm = put("alarm-escalation", null);

        try {
            Map<String, Long> removed = retention.removeExpired();

            assertThat(removed.get("grievance-handling")).isPositive();
            assertThat(removed.get("alarm-escalation")).isPositive();
            assertThat(exists(expiredGrievance)).isFalse();
            assertThat(exists(expiredAlarm)).isFalse();
            assertThat(exists(keptGrievance)).isTrue();
            assertThat(exists(openAlarm)).isTrue();
        } finally {
            // documents without history would make the reindex counts of TrackingReindexIT differ
            for (String id : java.util.List.of(expiredGrievance, keptGrievance, expiredAlarm, openAlarm)) {
                if (!exists(id)) {
                    continue;
                }
                client.delete(d -> d.index(properties.alias()).id(id)
                        .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
            }
        }
    }

    private String put(String family, Instant closedAt) throws Exception {
        String id = "retention-" + UUID.randomUUID();
        Map<String, Object> document = new HashMap<>();
        document.put("id", id);
        document.put("caseNumber", id);
        document.put("family", family);
        document.put("state", closedAt == null ? "open" : "closed");
        document.put("createdAt", Instant.now().minus(6 * 365, ChronoUnit.DAYS).toString());
        if (closedAt != null) {
            document.put("closedAt", closedAt.toString());
        }
        client.index(i -> i.index(properties.alias()).id(id).document(document).refresh(
                co.elastic.clients.elasticsearch._types.Refresh.True));
        return id;
    }

    private boolean exists(String id) throws Exception {
        return client.search(s -> s.index(properties.alias()).query(q -> q.ids(i -> i.values(id))), Map.class)
                .hits().total().value() > 0;
    }
}
