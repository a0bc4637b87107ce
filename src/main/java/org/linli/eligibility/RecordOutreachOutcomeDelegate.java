package org.linli.eligibility;

import static org.linli.eligibility.PolicyOutreachVariables.MATCH_ID;
import static org.linli.eligibility.PolicyOutreachVariables.OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 记录结果: the match ends in the outcome named by the task's input parameter {@code outcome}. */
@Component
class RecordOutreachOutcomeDelegate implements JavaDelegate {

    private final PolicyOutreach outreach;

    RecordOutreachOutcomeDelegate(PolicyOutreach outreach) {
        this.outreach = outreach;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outreach.recordOutcome(((Number) execution.getVariable(MATCH_ID)).longValue(),
                (String) execution.getVariable(OUTCOME));
    }
}
