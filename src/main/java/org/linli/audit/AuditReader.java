package org.linli.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads the audit log for the people who may: administrators everything, supervisors the communities of their
 * street (and any community group they hold), clerks their own community. Entries without a community are for
 * administrators only.
 */
@Service
class AuditReader {

    private final JdbcTemplate jdbc;
    private final StreetCommunities streets;
    private final AuditVerifier verifier;

    AuditReader(JdbcTemplate jdbc, StreetCommunities streets, AuditVerifier verifier) {
        this.jdbc = jdbc;
        this.streets = streets;
        this.verifier = verifier;
    }

    List<AuditEntry> entries(AuditFilter filter, CurrentUser reader) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw AuditProblems.badPeriod();
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM aud_entry WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!reader.isIn(LinliGroups.ADMINS)) {
            Set<String> communities = readableCommunities(reader);
            if (communities.isEmpty()) {
                throw AuditProblems.notAllowed();
            }
            sql.append(" AND community_code IN (").append("?, ".repeat(communities.size() - 1)).append("?)");
            args.addAll(communities);
        }
        condition(sql, args, " AND object_type = ?", filter.objectType());
        condition(sql, args, " AND object_id = ?", filter.objectId());
        condition(sql, args, " AND actor = ?", filter.actor());
        condition(sql, args, " AND occurred_at >= ?", filter.from() == null ? null : OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        condition(sql, args, " AND occurred_at < ?", filter.to() == null ? null : OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        sql.append(" ORDER BY seq DESC LIMIT ? OFFSET ?");
        args.add(filter.size());
        args.add((long) filter.page() * filter.size());
        return jdbc.query(sql.toString(), AuditChain::entry, args.toArray());
    }

    AuditVerification verify(CurrentUser reader) {
        if (!reader.isIn(LinliGroups.SUPERVISORS) && !reader.isIn(LinliGroups.ADMINS)) {
            throw AuditProblems.notAllowed();
        }
        return verifier.verify();
    }

    private Set<String> readableCommunities(CurrentUser reader) {
        Set<String> communities = new LinkedHashSet<>();
        boolean supervisor = reader.isIn(LinliGroups.SUPERVISORS);
        if (!supervisor && !reader.isIn(LinliGroups.CLERKS)) {
            return communities;
        }
        for (String group : reader.groups()) {
            if (group.startsWith(OrgLevel.COMMUNITY.prefix())) {
                communities.add(group.substring(OrgLevel.COMMUNITY.prefix().length()));
            } else if (supervisor && group.startsWith(OrgLevel.STREET.prefix())) {
                communities.addAll(streets.communitiesOf(group.substring(OrgLevel.STREET.prefix().length())));
            }
        }
        return communities;
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value);
        }
    }

    record AuditFilter(String objectType, String objectId, String actor, Instant from, Instant to, int page,
            int size) {
    }
}
