package org.linli.basedata;

import java.util.Optional;

import org.linli.basedata.Places.Community;
import org.linli.basedata.Places.Grid;
import org.linli.security.LinliGroups.OrgLevel;
import org.linli.security.OrgHierarchy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers security's question "which street is this community or grid in" from the base data's places. */
@Component
class PlaceHierarchy implements OrgHierarchy {

    private final PlaceRepository places;

    PlaceHierarchy(PlaceRepository places) {
        this.places = places;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> streetAbove(String orgGroupId) {
        if (orgGroupId == null) {
            return Optional.empty();
        }
        String community = null;
        if (orgGroupId.startsWith(OrgLevel.COMMUNITY.prefix())) {
            community = orgGroupId.substring(OrgLevel.COMMUNITY.prefix().length());
        } else if (orgGroupId.startsWith(OrgLevel.GRID.prefix())) {
            community = places.findGrid(orgGroupId.substring(OrgLevel.GRID.prefix().length()))
                    .map(Grid::communityCode).orElse(null);
        }
        return community == null ? Optional.empty() : places.findCommunity(community).map(Community::streetCode);
    }
}
