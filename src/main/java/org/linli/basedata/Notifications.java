package org.linli.basedata;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification port (自动反馈): every message to a person or a group is stored here, where the portal
 * shows it, and handed to the {@link OutboundMessenger} for SMS/WeChat. Stored in the caller's transaction,
 * so a notification exists exactly when the state change it reports does.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final NotificationRepository repository;
    private final OutboundMessenger messenger;
    private final Clock clock;

    Notifications(JdbcClient jdbc, NotificationRepository repository, OutboundMessenger messenger, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.messenger = messenger;
        this.clock = clock;
    }

    /** Stores the notification with one plain {@code INSERT} (every step of a case sends some) and hands it on. */
    @Transactional
    public void notify(Recipient recipient, String title, String body, String reference) {
        jdbc.sql("""
                INSERT INTO bd_notification (recipient, recipient_type, title, body, reference, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(recipient.id(), recipient.type().name(), title, body, reference, Timestamp.from(clock.instant()))
                .update();
        messenger.send(recipient, title, body);
    }

    /** Deletes the notifications about these references (case numbers), when their case's retention ends. */
    @Transactional
    public void forgetReferences(Collection<String> references) {
        jdbc.sql("DELETE FROM bd_notification WHERE reference IN (:references)").param("references", references)
                .update();
    }

    @Transactional(readOnly = true)
    public List<NotificationView> of(Recipient recipient, int limit) {
        return repository.findLatest(recipient.id(), recipient.type().name(), limit).stream()
                .map(n -> new NotificationView(n.id(), n.title(), n.body(), n.reference(), n.createdAt(),
                        n.readAt() != null))
                .toList();
    }

    /** Who a notification goes to: a user, a group (its members see it), or a bare phone number. */
    public record Recipient(RecipientType type, String id) {

        public static Recipient user(String userId) {
            return new Recipient(RecipientType.USER, userId);
        }

        public static Recipient group(String groupId) {
            return new Recipient(RecipientType.GROUP, groupId);
        }

        public static Recipient phone(String phone) {
            return new Recipient(RecipientType.PHONE, phone);
        }

        @Override
        public String toString() {
            return type + ":" + (type == RecipientType.PHONE ? Masking.phone(id) : id);
        }
    }

    public enum RecipientType {
        USER, GROUP, PHONE
    }

    public record NotificationView(long id, String title, String body, String reference, Instant createdAt,
            boolean read) {
    }

    @Table("bd_notification")
    record Notification(@Id Long id, String recipient, String recipientType, String title, String body,
            String reference, Instant createdAt, Instant readAt) {
    }
}
