package org.linli.basedata;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Units of the administrative hierarchy and standard addresses, as stored. */
final class Places {

    private Places() {
    }

    @Table("bd_county")
    record County(@Id String code, String name) {
    }

    @Table("bd_street")
    record Street(@Id String code, String name, String countyCode) {
    }

    @Table("bd_community")
    record Community(@Id String code, String name, String streetCode) {
    }

    @Table("bd_grid")
    record Grid(@Id String code, String name, String communityCode) {
    }

    @Table("bd_address")
    record Address(@Id Long id, String gridCode, String standardAddress, String road, String building, String unit,
            String room, boolean rental) {
    }
}
