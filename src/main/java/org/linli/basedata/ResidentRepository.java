package org.linli.basedata;

import java.util.List;
import java.util.Optional;

import org.linli.basedata.People.Resident;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface ResidentRepository extends Repository<Resident, Long> {

    Resident save(Resident resident);

    Optional<Resident> findById(long id);

    Optional<Resident> findByIdCardHash(String idCardHash);

    boolean existsByIdCardHash(String idCardHash);

    @Query("""
            SELECT r.* FROM bd_resident r
              JOIN bd_household h ON h.id = r.household_id
              JOIN bd_address a ON a.id = h.address_id
             WHERE a.grid_code = :grid
             ORDER BY r.id
             LIMIT :limit OFFSET :offset""")
    List<Resident> findByGrid(@Param("grid") String gridCode, @Param("limit") int limit, @Param("offset") long offset);
}
