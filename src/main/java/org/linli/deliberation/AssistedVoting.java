package org.linli.deliberation;

import org.linli.basedata.AssistedChannel;
import org.linli.basedata.AssistedChannel.Assisted;
import org.linli.basedata.Notifications;
import org.linli.basedata.Notifications.Recipient;
import org.linli.security.CurrentUser;
import org.linli.security.UserNames;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clerk records a resident's vote on their behalf (代办: at the counter, on the phone, at a home visit), with the
 * resident's consent: the vote counts for the resident's household, the audit log names both, and the resident
 * finds "王芳代您投票" among their messages. Residents without an account vote this way too.
 */
@Service
class AssistedVoting {

    private final AssistedChannel assistedChannel;
    private final Participation participation;
    private final Notifications notifications;
    private final UserNames userNames;

    AssistedVoting(AssistedChannel assistedChannel, Participation participation, Notifications notifications,
            UserNames userNames) {
        this.assistedChannel = assistedChannel;
        this.participation = participation;
        this.notifications = notifications;
        this.userNames = userNames;
    }

    @Transactional
    public void vote(String topicNumber, long optionId, String residentUserId, Boolean consent, CurrentUser clerk) {
        Assisted resident = assistedChannel.check(clerk, residentUserId, consent);
        int round = participation.castVote(topicNumber, optionId, resident.householdId(), resident.auditName(),
                event -> event.onBehalfOf(resident.auditName(), "assisted").because("resident consented"));
        if (resident.userId() != null) {
            notifications.notify(Recipient.user(resident.userId()), "已代您投票",
                    userNames.displayName(clerk.id()) + "代您在议题 " + topicNumber + " 第 " + round + " 轮投票。",
                    topicNumber);
        }
    }
}
