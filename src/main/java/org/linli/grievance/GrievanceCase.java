package org.linli.grievance;

import java.time.Instant;

import org.linli.grievance.GrievanceCatalogue.Status;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A grievance case as residents and statistics see it. Each state change is one method that checks the
 * case is still open: a closed, rejected or merged case never changes again (档案留存).
 */
@Table("grv_case")
class GrievanceCase {

    @Id
    private final String caseNumber;
    private String processInstanceId;
    private final String channel;
    private final String reporterUserId;
    private final String reporterName;
    private final String reporterPhone;
    private final String filedBy;
    private String category;
    private String subCategory;
    private String urgency;
    private final String description;
    private final String communityCode;
    private final Long addressId;
    private final String addressText;
    private Status status;
    private String handlerGroup;
    private Instant dueAt;
    private Instant remindAt;
    private boolean overdue;
    private int escalationLevel;
    private int bounceCount;
    private int reopenCount;
    private String mergedInto;
    private String measures;
    private String photoRefs;
    private Integer rating;
    private Boolean solved;
    private String ratingComment;
    private String closure;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    @Version
    private Integer version;

    GrievanceCase(String caseNumber, String channel, String reporterUserId, String reporterName, String reporterPhone,
            String filedBy, String category, String subCategory, String urgency, String description,
            String communityCode, Long addressId, String addressText, Instant createdAt) {
        this.caseNumber = caseNumber;
        this.channel = channel;
        this.reporterUserId = reporterUserId;
        this.reporterName = reporterName;
        this.reporterPhone = reporterPhone;
        this.filedBy = filedBy;
        this.category = category;
        this.subCategory = subCategory;
        this.urgency = urgency;
        this.description = description;
        this.communityCode = communityCode;
        this.addressId = addressId;
        this.addressText = addressText;
        this.status = Status.RECEIVED;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    @PersistenceCreator
    GrievanceCase(String caseNumber, String processInstanceId, String channel, String reporterUserId,
            String reporterName, String reporterPhone, String filedBy, String category, String subCategory,
            String urgency, String description, String communityCode, Long addressId, String addressText,
            Status status, String handlerGroup, Instant dueAt, Instant remindAt, boolean overdue, int escalationLevel,
            int bounceCount, int reopenCount, String mergedInto, String measures, String photoRefs, Integer rating,
            Boolean solved, String ratingComment, String closure, Instant createdAt, Instant updatedAt,
            Instant closedAt, Integer version) {
        this(caseNumber, channel, reporterUserId, reporterName, reporterPhone, filedBy, category, subCategory, urgency,
                description, communityCode, addressId, addressText, createdAt);
        this.processInstanceId = processInstanceId;
        this.status = status;
        this.handlerGroup = handlerGroup;
        this.dueAt = dueAt;
        this.remindAt = remindAt;
        this.overdue = overdue;
        this.escalationLevel = escalationLevel;
        this.bounceCount = bounceCount;
        this.reopenCount = reopenCount;
        this.mergedInto = mergedInto;
        this.measures = measures;
        this.photoRefs = photoRefs;
        this.rating = rating;
        this.solved = solved;
        this.ratingComment = ratingComment;
        this.closure = closure;
        this.updatedAt = updatedAt;
        this.closedAt = closedAt;
        this.version = version;
    }

    void attachProcess(String processInstanceId, Instant now) {
        ensureOpen();
        this.processInstanceId = processInstanceId;
        touch(now);
    }

    void reclassify(String category, String subCategory, String urgency, Instant now) {
        ensureOpen();
        this.category = category;
        this.subCategory = subCategory;
        this.urgency = urgency;
        touch(now);
    }

    void dispatch(String handlerGroup, Instant dueAt, Instant remindAt, Instant now) {
        ensureOpen();
        this.status = Status.DISPATCHED;
        this.handlerGroup = handlerGroup;
        this.dueAt = dueAt;
        this.remindAt = remindAt;
        this.overdue = false;
        touch(now);
    }

    void flagOverdue(Instant now) {
        ensureOpen();
        this.overdue = true;
        this.escalationLevel++;
        touch(now);
    }

    int bounce(Instant now) {
        ensureOpen();
        this.bounceCount++;
        touch(now);
        return bounceCount;
    }

    void handled(String measures, String photoRefs, Instant now) {
        ensureOpen();
        this.status = Status.HANDLED;
        this.measures = measures;
        this.photoRefs = photoRefs;
        touch(now);
    }

    void rated(int rating, boolean solved, String comment, Instant now) {
        ensureOpen();
        this.rating = rating;
        this.solved = solved;
        this.ratingComment = comment;
        touch(now);
    }

    int reopen(Instant now) {
        ensureOpen();
        this.status = Status.REOPENED;
        this.reopenCount++;
        this.escalationLevel++;
        touch(now);
        return reopenCount;
    }

    void mergeInto(String target, Instant now) {
        ensureOpen();
        this.mergedInto = target;
        end(Status.MERGED, Closure.MERGED, now);
    }

    void end(Status finalStatus, Closure closure, Instant now) {
        ensureOpen();
        this.status = finalStatus;
        this.closure = closure.name();
        this.closedAt = now;
        touch(now);
    }

    void ensureOpen() {
        if (status.isFinal()) {
            throw GrievanceProblems.caseClosed(caseNumber);
        }
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    String caseNumber() {
        return caseNumber;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    String channel() {
        return channel;
    }

    String reporterUserId() {
        return reporterUserId;
    }

    String reporterName() {
        return reporterName;
    }

    String reporterPhone() {
        return reporterPhone;
    }

    String filedBy() {
        return filedBy;
    }

    String category() {
        return category;
    }

    String subCategory() {
        return subCategory;
    }

    String urgency() {
        return urgency;
    }

    String description() {
        return description;
    }

    String communityCode() {
        return communityCode;
    }

    Long addressId() {
        return addressId;
    }

    String addressText() {
        return addressText;
    }

    Status status() {
        return status;
    }

    String handlerGroup() {
        return handlerGroup;
    }

    Instant dueAt() {
        return dueAt;
    }

    boolean overdue() {
        return overdue;
    }

    int escalationLevel() {
        return escalationLevel;
    }

    int bounceCount() {
        return bounceCount;
    }

    int reopenCount() {
        return reopenCount;
    }

    String mergedInto() {
        return mergedInto;
    }

    String measures() {
        return measures;
    }

    Integer rating() {
        return rating;
    }

    Boolean solved() {
        return solved;
    }

    String closure() {
        return closure;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant closedAt() {
        return closedAt;
    }
}
