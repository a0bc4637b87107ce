package org.linli.basedata;

import java.util.Optional;

import org.linli.basedata.People.Household;
import org.springframework.data.repository.Repository;

interface HouseholdRepository extends Repository<Household, Long> {

    Household save(Household household);

    Optional<Household> findById(long id);

    boolean existsByHouseholdNo(String householdNo);
}
