package org.linli.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.linli.basedata.PlaceRegistry;
import org.linli.basedata.PlaceRegistry.CommunityView;
import org.linli.basedata.PlaceRegistry.GridView;
import org.springframework.stereotype.Component;

/**
 * Where a community or grid sits in the hierarchy, from the base data store, so that a case that names only its
 * community (or grid) is found by its street's supervisors. Read once a minute at most: the hierarchy rarely
 * changes, and the indexer must not query it per document.
 */
@Component
class Hierarchy {

    private static final Duration TTL = Duration.ofMinutes(1);

    private final PlaceRegistry places;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Instant.EPOCH);

    Hierarchy(PlaceRegistry places, Clock clock) {
        this.places = places;
        this.clock = clock;
    }

    private record Snapshot(Map<String, String> streetOfCommunity, Map<String, String> communityOfGrid,
            Instant readAt) {
    }

    String streetOf(String communityCode) {
        return communityCode == null ? null : current().streetOfCommunity().get(communityCode);
    }

    String communityOfGrid(String gridCode) {
        return gridCode == null ? null : current().communityOfGrid().get(gridCode);
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current.readAt().plus(TTL).isAfter(clock.instant())) {
            return current;
        }
        Map<String, String> streets = new HashMap<>();
        Map<String, String> grids = new HashMap<>();
        for (CommunityView community : places.communities()) {
            streets.put(community.code(), community.streetCode());
            for (GridView grid : community.grids()) {
                grids.put(grid.code(), community.code());
            }
        }
        snapshot = new Snapshot(Map.copyOf(streets), Map.copyOf(grids), clock.instant());
        return snapshot;
    }
}
