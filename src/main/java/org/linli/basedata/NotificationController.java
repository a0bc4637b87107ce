package org.linli.basedata;

import java.util.List;

import org.linli.basedata.Notifications.NotificationView;
import org.linli.basedata.Notifications.Recipient;
import org.linli.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notifications, newest first (the portal's message box). */
@RestController
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    List<NotificationView> mine() {
        return notifications.of(Recipient.user(CurrentUser.get().id()), 100);
    }
}
