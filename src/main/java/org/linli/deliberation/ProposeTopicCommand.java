package org.linli.deliberation;

/**
 * Raise a topic: a resident for their area (needs co-signers) or community staff (goes straight to screening).
 *
 * @param affectedArea one place per line, see {@link AffectedArea}
 */
public record ProposeTopicCommand(String title, String description, String topicType, String communityCode,
        String affectedArea, String proposedBy) {
}
