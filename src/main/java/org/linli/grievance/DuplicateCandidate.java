package org.linli.grievance;

/** An open case at the same address and category, offered to the clerk for merging. */
public record DuplicateCandidate(String caseNumber, String label) {
}
