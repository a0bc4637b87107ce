package org.linli.report;

import static org.linli.report.ReportFilingVariables.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linli.report.ReportFiling.Draft;
import org.linli.security.EngineActors;
import org.springframework.stereotype.Component;

/** Checks and saves what the community filed; {@code draftValid} tells the gateway whether it goes to review. */
@Component
class SaveReportDraftDelegate implements JavaDelegate {

    private final ReportFiling filing;
    private final EngineActors actors;
    private final ReportCatalogue catalogue;

    SaveReportDraftDelegate(ReportFiling filing, ReportCatalogue catalogue, EngineActors actors) {
        this.filing = filing;
        this.catalogue = catalogue;
        this.actors = actors;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> values = new HashMap<>();
        catalogue.get((String) execution.getVariable(REPORT_TYPE)).fields()
                .forEach(f -> values.put(f.key(), execution.getVariable(f.key())));
        Draft draft = filing.saveDraft(AutoFillReportDelegate.requestId(execution),
                (String) execution.getVariable(COMMUNITY_CODE), values, actors.currentOrSystem());
        execution.setVariable(DRAFT_VALID, draft.valid());
        execution.setVariable(VALIDATION_MESSAGE, draft.message());
        execution.setVariable(SUMMARY_TEXT, draft.summary());
        execution.setVariable(REVIEW_DECISION, null);
    }
}
