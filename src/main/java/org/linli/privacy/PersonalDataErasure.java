package org.linli.privacy;

import static org.linli.privacy.PersonalDataErasureVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.RuntimeService;
import org.linli.audit.AuditEvent;
import org.linli.audit.AuditLog;
import org.linli.basedata.Masking;
import org.linli.basedata.PersonalDataEraser;
import org.linli.basedata.PersonalDataEraser.ErasedResident;
import org.linli.grievance.PhotoErasure;
import org.linli.grievance.ReporterErasure;
import org.linli.report.ReportErasure;
import org.linli.security.CurrentUser;
import org.linli.security.LinliGroups;
import org.linli.tracking.CaseReindexRequests;
import org.linli.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of a resident's personal data (PIPL art. 47), run by {@code processes/personal-data-erasure.bpmn}: a
 * request, a review by the community or the street, then anonymisation everywhere the person appears: base data,
 * grievances, home visits and filed rosters, engine variables, history and task comments, the case index. Counts and
 * case statistics stay.
 */
@Service
public class PersonalDataErasure {

    private final PersonalDataEraser baseData;
    private final ReporterErasure grievances;
    private final ReportErasure reports;
    private final EngineTextScrubber engineTexts;
    private final CaseReindexRequests index;
    private final RuntimeService runtimeService;
    private final AuditLog audit;
    private final PhotoErasure photos;

    PersonalDataErasure(PersonalDataEraser baseData, ReporterErasure grievances, ReportErasure reports,
            EngineTextScrubber engineTexts, CaseReindexRequests index, RuntimeService runtimeService,
            AuditLog audit, PhotoErasure photos) {
        this.baseData = baseData;
        this.grievances = grievances;
        this.reports = reports;
        this.engineTexts = engineTexts;
        this.index = index;
        this.runtimeService = runtimeService;
        this.audit = audit;
        this.photos = photos;
    }

    /**
     * The resident asks for themself, or a clerk of their community files it for them; an unknown resident is a 404
     * and starts nothing. Answers the process instance id of the request.
     */
    @Transactional
    public String request(long residentId, String reason, CurrentUser caller) {
        ErasedResident resident = baseData.whoIs(residentId);
        boolean own = caller.id().equals(resident.userId());
        boolean clerk = caller.isIn(LinliGroups.CLERKS)
                && caller.isIn(LinliGroups.orgGroup(LinliGroups.OrgLevel.COMMUNITY, resident.communityCode()));
        if (!own && !clerk) {
            throw new ProblemException.Forbidden("PRV-003", "无权申请删除",
                    "Only the resident, or a clerk of their community on their behalf, may ask for erasure.");
        }
        String instance = runtimeService.startProcessInstanceByKey(PROCESS_ID, "ERASE-" + residentId,
                java.util.Map.of(RESIDENT_ID, residentId, REQUESTED_BY, caller.id(), REASON,
                        reason == null ? "" : reason)).getId();
        AuditEvent requested = AuditEvent.of("erasure.requested", "resident", residentId, resident.communityCode());
        audit.record(own ? requested : requested.onBehalfOf(resident.userId(), "assisted"));
        return instance;
    }

    /** The process's first step: the resident must (still) exist; answers the group that reviews. */
    @Transactional(readOnly = true)
    public String reviewGroup(long residentId) {
        try {
            return LinliGroups.orgGroup(LinliGroups.OrgLevel.COMMUNITY, baseData.whoIs(residentId).communityCode());
        } catch (ProblemException.NotFound e) {
            return null;
        }
    }

    /** Anonymises the resident everywhere, in one transaction. */
    @Transactional
    public void anonymise(long residentId) {
        ErasedResident resident = baseData.whoIs(residentId);
        UnaryOperator<String> scrub = scrubber(resident);
        baseData.erase(resident, scrub);
        List<String> instances = new ArrayList<>(grievances.forget(resident.userId(), resident.phone(), scrub));
        photos.forget(resident.userId());
        instances.addAll(reports.forget(resident, scrub));
        List<String> needles = new ArrayList<>();
        needles.add(resident.name());
        if (resident.phone() != null) {
            needles.add(resident.phone());
        }
        engineTexts.scrub(needles, instances, scrub);
        index.reindex(instances);
    }

    /** Masks the resident's name and phone, and any id-card or phone number, in a text. */
    static UnaryOperator<String> scrubber(ErasedResident resident) {
        return text -> {
            if (text == null) {
                return null;
            }
            String scrubbed = resident.name() == null || resident.name().isBlank() ? text
                    : text.replace(resident.name(), "***");
            if (resident.phone() != null) {
                scrubbed = scrubbed.replace(resident.phone(), Masking.phone(resident.phone()));
            }
            return Masking.freeText(scrubbed);
        };
    }
}
