package org.linli.grievance;

import java.util.List;

/**
 * The grievance feature's public service: every state change of a case goes through one method here.
 * (Contract fixed first so that the process model and its delegates can be written against it.)
 */
public class GrievanceService {

    /** Open cases at the same address and category within the duplicate window, newest first. */
    public List<DuplicateCandidate> findDuplicateCandidates(String caseNumber) {
        throw new IllegalStateException("pending");
    }

    /** Closes a rejected report and tells the reporter why. */
    public void reject(String caseNumber, String reason) {
        throw new IllegalStateException("pending");
    }

    /** Merges the case into an open one; its reporter follows the target case from now on. */
    public void merge(String caseNumber, String targetCaseNumber) {
        throw new IllegalStateException("pending");
    }

    /** Dispatches the case to a handler group and computes its due and reminder dates from the SLA. */
    public Deadline dispatch(String caseNumber, String handlerGroup, String slaDuration, boolean slaWorkingDays) {
        throw new IllegalStateException("pending");
    }

    /** Reminds the handler group that 75 % of the SLA has passed. */
    public void remind(String caseNumber) {
        throw new IllegalStateException("pending");
    }

    /** Flags the case overdue and raises its escalation level. */
    public void flagOverdue(String caseNumber) {
        throw new IllegalStateException("pending");
    }

    /** Records a "not ours" return by a handler group; answers how often the case has bounced. */
    public int recordBounce(String caseNumber, String handlerGroup, String reason) {
        throw new IllegalStateException("pending");
    }

    /** Records the measures taken and the photo references, and asks the reporter to rate. */
    public void recordHandling(String caseNumber, String measures, List<String> photoRefs) {
        throw new IllegalStateException("pending");
    }

    /** Reopens an unsatisfying case for the same handler with supervisor attention; answers the reopen count. */
    public int reopen(String caseNumber) {
        throw new IllegalStateException("pending");
    }

    /** Closes and archives the case; a closed case is immutable. */
    public void close(String caseNumber, Closure closure) {
        throw new IllegalStateException("pending");
    }
}
