package org.linli.grievance;

import java.util.List;

import org.springframework.data.repository.Repository;

interface CaseEventRepository extends Repository<CaseEvent, Long>, CaseEventAppends {

    List<CaseEvent> findByCaseNumberOrderById(String caseNumber);
}
