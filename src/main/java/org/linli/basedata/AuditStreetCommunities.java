package org.linli.basedata;

import java.util.Set;
import java.util.stream.Collectors;

import org.linli.audit.StreetCommunities;
import org.springframework.stereotype.Component;

/** Tells the audit log which communities a street's supervisors may read. */
@Component
class AuditStreetCommunities implements StreetCommunities {

    private final PlaceRegistry places;

    AuditStreetCommunities(PlaceRegistry places) {
        this.places = places;
    }

    @Override
    public Set<String> communitiesOf(String streetCode) {
        return places.communities().stream().filter(c -> c.streetCode().equals(streetCode))
                .map(PlaceRegistry.CommunityView::code).collect(Collectors.toSet());
    }
}
