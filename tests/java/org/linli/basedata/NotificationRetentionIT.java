package org.linli.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.basedata.Notifications.Recipient;
import org.linli.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A notification leaves a year after it was sent, whoever it went to; younger ones stay in the portal. */
@IntegrationTest
class NotificationRetentionIT {

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationRetention retention;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void notificationsSentMoreThanAYearAgoLeave() {
        notifications.notify(Recipient.user("ret-" + run), "您的诉求已受理", "old", "ret-" + run + "-user");
        notifications.notify(Recipient.phone("13900001111"), "您的诉求已办结", "old",
                "ret-" + run + "-phone");
        notifications.notify(Recipient.user("ret-" + run), "您的诉求已办结", "recent", "ret-" + run + "-recent");
        jdbc.sql("UPDATE bd_notification SET created_at = ? WHERE reference IN (?, ?)")
                .params(Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)), "ret-" + run + "-user",
                        "ret-" + run + "-phone")
                .update();

        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.sql("SELECT reference FROM bd_notification WHERE reference LIKE ?").param("ret-" + run + "-%")
                .query(String.class).list()).containsExactly("ret-" + run + "-recent");
        assertThat(notifications.of(Recipient.user("ret-" + run), 10)).extracting(n -> n.body())
                .containsExactly("recent");
    }
}
