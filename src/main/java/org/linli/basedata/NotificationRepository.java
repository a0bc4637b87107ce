package org.linli.basedata;

import java.util.List;

import org.linli.basedata.Notifications.Notification;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends Repository<Notification, Long> {

    @Query("""
            SELECT * FROM bd_notification WHERE recipient = :recipient AND recipient_type = :type
             ORDER BY id DESC LIMIT :limit""")
    List<Notification> findLatest(@Param("recipient") String recipient, @Param("type") String type,
            @Param("limit") int limit);
}
