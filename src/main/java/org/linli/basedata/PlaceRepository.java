package org.linli.basedata;

import java.util.List;
import java.util.Optional;

import org.linli.basedata.Places.Address;
import org.linli.basedata.Places.Community;
import org.linli.basedata.Places.County;
import org.linli.basedata.Places.Grid;
import org.linli.basedata.Places.Street;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Read side of the hierarchy; writes go through {@link PlaceRegistry}. */
interface PlaceRepository extends Repository<Community, String> {

    @Query("SELECT * FROM bd_community ORDER BY code")
    List<Community> findAllCommunities();

    @Query("SELECT * FROM bd_community WHERE code = :code")
    Optional<Community> findCommunity(@Param("code") String code);

    @Query("SELECT * FROM bd_street WHERE code = :code")
    Optional<Street> findStreet(@Param("code") String code);

    @Query("SELECT * FROM bd_county WHERE code = :code")
    Optional<County> findCounty(@Param("code") String code);

    @Query("SELECT COUNT(*) FROM bd_county WHERE code = :code")
    int countCounties(@Param("code") String code);

    @Query("SELECT * FROM bd_grid WHERE code = :code")
    Optional<Grid> findGrid(@Param("code") String code);

    @Query("SELECT * FROM bd_grid ORDER BY code")
    List<Grid> findAllGrids();

    @Query("SELECT * FROM bd_address WHERE id = :id")
    Optional<Address> findAddress(@Param("id") long id);

    @Query("SELECT COUNT(*) FROM bd_address WHERE standard_address = :text")
    int countAddresses(@Param("text") String standardAddress);
}
