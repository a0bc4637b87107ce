package org.linli.grievance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface GrievanceCaseRepository extends Repository<GrievanceCase, String> {

    GrievanceCase save(GrievanceCase grievanceCase);

    Optional<GrievanceCase> findById(String caseNumber);

    /** The case with this number, or GRV-002. */
    default GrievanceCase load(String caseNumber) {
        return findById(caseNumber).orElseThrow(() -> GrievanceProblems.caseNotFound(caseNumber));
    }

    /** Open cases of the same community and category since {@code since}, at the same address, newest first. */
    @Query("""
            SELECT * FROM grv_case
             WHERE community_code = :community AND category = :category AND created_at >= :since
               AND status NOT IN ('CLOSED', 'REJECTED', 'MERGED') AND case_number <> :exclude
               AND (address_id = :addressId OR address_text = :addressText)
             ORDER BY created_at DESC LIMIT 10""")
    List<GrievanceCase> findDuplicates(@Param("community") String communityCode, @Param("category") String category,
            @Param("since") Instant since, @Param("exclude") String excludeCaseNumber,
            @Param("addressId") Long addressId, @Param("addressText") String addressText);

    @Query("SELECT * FROM grv_case WHERE merged_into = :caseNumber")
    List<GrievanceCase> findMergedInto(@Param("caseNumber") String caseNumber);

    @Query("""
            SELECT * FROM grv_case WHERE community_code = :community
               AND (:openOnly = FALSE OR status NOT IN ('CLOSED', 'REJECTED', 'MERGED'))
             ORDER BY created_at DESC LIMIT :limit OFFSET :offset""")
    List<GrievanceCase> findByCommunity(@Param("community") String communityCode, @Param("openOnly") boolean openOnly,
            @Param("limit") int limit, @Param("offset") long offset);

    @Query("SELECT * FROM grv_case WHERE reporter_user_id = :userId ORDER BY created_at DESC LIMIT :limit")
    List<GrievanceCase> findByReporter(@Param("userId") String userId, @Param("limit") int limit);
}
