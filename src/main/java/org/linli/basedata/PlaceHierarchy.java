package org.linli.basedata;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.linli.basedata.Places.Community;
import org.linli.basedata.Places.Grid;
import org.linli.security.LinliGroups.OrgLevel;
import org.linli.security.OrgHierarchy;
import org.springframework.stereotype.Component;

/**
 * Where a grid or community sits: security's "which street is this group in" (every case grant asks it) and the
 * street and community of a tracked case. Places are only ever added ({@link PlaceRegistry} creates them and never
 * moves one), so an answer once found stays true and is remembered; an unknown code is looked up again next time,
 * as the place may be created meanwhile.
 */
@Component
public class PlaceHierarchy implements OrgHierarchy {

    private final PlaceRepository places;
    private final Map<String, String> streetOfCommunity = new ConcurrentHashMap<>();
    private final Map<String, String> communityOfGrid = new ConcurrentHashMap<>();

    PlaceHierarchy(PlaceRepository places) {
        this.places = places;
    }

    @Override
    public Optional<String> streetAbove(String orgGroupId) {
        if (orgGroupId == null) {
            return Optional.empty();
        }
        Optional<String> community = Optional.empty();
        if (orgGroupId.startsWith(OrgLevel.COMMUNITY.prefix())) {
            community = Optional.of(orgGroupId.substring(OrgLevel.COMMUNITY.prefix().length()));
        } else if (orgGroupId.startsWith(OrgLevel.GRID.prefix())) {
            community = communityOfGrid(orgGroupId.substring(OrgLevel.GRID.prefix().length()));
        }
        return community.flatMap(this::streetOf);
    }

    /** The street a community belongs to; empty for an unknown community. */
    public Optional<String> streetOf(String communityCode) {
        return remembered(streetOfCommunity, communityCode,
                code -> places.findCommunity(code).map(Community::streetCode));
    }

    /** The community a grid belongs to; empty for an unknown grid. */
    public Optional<String> communityOfGrid(String gridCode) {
        return remembered(communityOfGrid, gridCode, code -> places.findGrid(code).map(Grid::communityCode));
    }

    private static Optional<String> remembered(Map<String, String> known, String code,
            Function<String, Optional<String>> lookUp) {
        if (code == null) {
            return Optional.empty();
        }
        String parent = known.get(code);
        if (parent != null) {
            return Optional.of(parent);
        }
        Optional<String> found = lookUp.apply(code);
        found.ifPresent(value -> known.put(code, value));
        return found;
    }
}
