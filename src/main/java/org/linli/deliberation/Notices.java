package org.linli.deliberation;

import java.util.Collection;

import org.linli.basedata.Notifications;
import org.linli.basedata.Notifications.Recipient;
import org.linli.security.LinliGroups;
import org.linli.security.LinliGroups.OrgLevel;
import org.springframework.stereotype.Component;

/** Messages of deliberations: to people, to a group, and to the community board (信息发布). */
@Component
class Notices {

    private final Notifications notifications;

    Notices(Notifications notifications) {
        this.notifications = notifications;
    }

    void users(Collection<String> userIds, String title, String body, String topicNumber) {
        userIds.forEach(user -> notifications.notify(Recipient.user(user), title, body, topicNumber));
    }

    void group(String groupId, String title, String body, String topicNumber) {
        notifications.notify(Recipient.group(groupId), title, body, topicNumber);
    }

    /** A post on the community board, which shows no names; everyone in the community group sees it. */
    void board(String communityCode, String title, String body, String topicNumber) {
        group(LinliGroups.orgGroup(OrgLevel.COMMUNITY, communityCode), "【社区公告】" + title, body, topicNumber);
    }
}
