package org.linli.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.linli.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way to write the audit log. {@link #record} collects entries in the caller's transaction and chains
 * them just before it commits, so an entry exists exactly when the write it records does, and the chain's lock is
 * held only for the last moment of the transaction. Outside a writable transaction (a read of a personal record)
 * the entry is appended in a transaction of its own.
 */
@Service
public class AuditLog {

    static final String SYSTEM = "system";

    private final AuditChain chain;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AuditLog(AuditChain chain, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Records what the current caller did (or {@code event.actor()}, if named). */
    public void record(AuditEvent event) {
        pend(new Pending(event, null));
    }

    /** An engine-side entry whose community is read from its process instance's variables when it is chained. */
    void recordForInstance(AuditEvent event, String processInstanceId) {
        pend(new Pending(event, processInstanceId));
    }

    private void pend(Pending pending) {
        AuditEntry entry = unchained(pending.event());
        Pending resolved = new Pending(pending.event(), pending.processInstanceId(), entry);
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
            if (batch == null) {
                batch = new Batch();
                TransactionSynchronizationManager.bindResource(this, batch);
                TransactionSynchronizationManager.registerSynchronization(batch);
            }
            batch.entries.add(resolved);
        } else {
            ownTransaction.executeWithoutResult(status -> chain.append(withCommunities(List.of(resolved))));
        }
    }

    private AuditEntry unchained(AuditEvent e) {
        return new AuditEntry(0, clock.instant(), e.actor() != null ? e.actor() : caller(), e.onBehalfOf(),
                e.action(), e.objectType(), e.objectId(), e.community(),
                e.channel() != null ? e.channel() : channel(), e.detail(), e.reason(), null, null);
    }

    private List<AuditEntry> withCommunities(List<Pending> pending) {
        Map<String, String> communities = new HashMap<>();
        List<AuditEntry> entries = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            AuditEntry e = p.entry();
            if (e.community() == null && p.processInstanceId() != null) {
                String community = communities.computeIfAbsent(p.processInstanceId(), this::communityOfInstance);
                e = new AuditEntry(0, e.occurredAt(), e.actor(), e.onBehalfOf(), e.action(), e.objectType(),
                        e.objectId(), community, e.channel(), e.detail(), e.reason(), null, null);
            }
            entries.add(e);
        }
        return entries;
    }

    /** Every process family names its community by {@code communityCode} or by its {@code communityGroup}. */
    private String communityOfInstance(String processInstanceId) {
        String community = null;
        for (Map<String, Object> row : jdbc.queryForList("""
                SELECT name_, text_ FROM act_hi_varinst
                 WHERE proc_inst_id_ = ? AND name_ IN ('communityCode', 'communityGroup')""", processInstanceId)) {
            String name = (String) row.get("name_");
            String value = (String) row.get("text_");
            if ("communityCode".equals(name) && value != null) {
                return value;
            }
            if (value != null && value.startsWith("community-")) {
                community = value.substring("community-".length());
            }
        }
        return community;
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!CurrentUser.isSignedIn(authentication)) {
            return SYSTEM;
        }
        return authentication.getName();
    }

    /** How the write came in: the application API, Open311, Tasklist/Cockpit, the engine REST API, or none. */
    private static String channel() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return SYSTEM;
        }
        HttpServletRequest request = attributes.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return "api";
        }
        if (path.startsWith("/open311/")) {
            return "open311";
        }
        if (path.startsWith("/engine-rest/")) {
            return "engine-rest";
        }
        return path.startsWith("/camunda/") ? "webapp" : "web";
    }

    private record Pending(AuditEvent event, String processInstanceId, AuditEntry entry) {
        Pending(AuditEvent event, String processInstanceId) {
            this(event, processInstanceId, null);
        }
    }

    /** The entries of one transaction, chained just before it commits. */
    private final class Batch implements TransactionSynchronization {

        private final List<Pending> entries = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!entries.isEmpty()) {
                chain.append(withCommunities(entries));
                entries.clear();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
        }
    }
}
