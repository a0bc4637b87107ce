package org.linli.eligibility;

import static org.linli.eligibility.PolicyOutreachVariables.MATCH_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 提醒居民: recalls an unanswered offer to the resident, or to the community clerks when the resident has no account. */
@Component
class RemindResidentDelegate implements JavaDelegate {

    private final PolicyOutreach outreach;

    RemindResidentDelegate(PolicyOutreach outreach) {
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outreach.remindResident(((Number) execution.getVariable(MATCH_ID)).longValue());
    }
}
