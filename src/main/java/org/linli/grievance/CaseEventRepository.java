package org.linli.grievance;

import java.util.List;

import org.springframework.data.repository.Repository;

interface CaseEventRepository extends Repository<CaseEvent, Long> {

    CaseEvent save(CaseEvent event);

    List<CaseEvent> findByCaseNumberOrderById(String caseNumber);
}
