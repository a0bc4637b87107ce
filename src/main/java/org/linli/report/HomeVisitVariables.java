package org.linli.report;

/** Variable names of {@code processes/home-visit-confirmation.bpmn}. */
final class HomeVisitVariables {

    static final String VISIT_ID = "visitId";
    static final String COMMUNITY_GROUP = "communityGroup";
    static final String RESIDENT_LABEL = "residentLabel";
    /** [{label, value}] of the changes found; the confirm form's checklist options. */
    static final String CHANGE_OPTIONS = "changeOptions";
    /** The ids (as text) of the changes the confirmer ticked. */
    static final String ACCEPTED_CHANGES = "acceptedChanges";

    private HomeVisitVariables() {
    }
}
