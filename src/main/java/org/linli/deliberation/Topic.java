package org.linli.deliberation;

import java.time.Instant;

/** A deliberation topic as stored in {@code dlb_topic}. */
record Topic(String topicNumber, String processInstanceId, String title, String description, String topicType,
        String communityCode, String affectedArea, String proposedBy, boolean byCommunity, Status status,
        Instant coSignDeadline, String declineReason, String mergedInto, Integer quorumPercent, String majorityType,
        Integer maxRounds, String responsibleGroup, String outcome, Instant implementationDueAt,
        boolean implementationOverdue, String implementationReport, Instant satisfactionClosesAt, Instant createdAt) {

    enum Status {
        /** Waiting for co-signers. */
        PROPOSED("征集联署"),
        SCREENING("待审核"),
        LAPSED("联署不足已失效"),
        DECLINED("不予立项"),
        MERGED("已合并"),
        DELIBERATING("协商中"),
        NO_DECISION("未形成决议"),
        IMPLEMENTING("落实中"),
        FOLLOW_UP("满意度测评"),
        CONCLUDED("已闭环");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        boolean isFinal() {
            return this == LAPSED || this == DECLINED || this == MERGED || this == NO_DECISION || this == CONCLUDED;
        }
    }
}
