package org.linli.deliberation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.linli.basedata.HouseholdDirectory.PlaceSelector;

/**
 * The places a topic affects, as one text line per place: {@code grid[/road[/building[/unit]]]}, e.g.
 * {@code xh01-01/幸福路12号/3/2} for one stairwell (an elevator), {@code xh01-01} for a whole grid.
 */
record AffectedArea(List<PlaceSelector> places) {

    static AffectedArea parse(String text) {
        if (text == null || text.isBlank()) {
            throw DeliberationProblems.invalid("The affected area must name at least one grid.");
        }
        List<PlaceSelector> places = text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(AffectedArea::place).distinct().toList();
        return new AffectedArea(places);
    }

    static AffectedArea of(List<PlaceSelector> places) {
        if (places == null || places.isEmpty()) {
            throw DeliberationProblems.invalid("The affected area must name at least one grid.");
        }
        places.forEach(p -> place(line(p)));
        return new AffectedArea(places);
    }

    private static PlaceSelector place(String line) {
        String[] parts = Arrays.stream(line.split("/", -1)).map(String::strip).toArray(String[]::new);
        if (parts.length > 4 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw DeliberationProblems.invalid("Bad place \"" + line + "\": write grid/road/building/unit, "
                    + "leaving out the end, not the middle.");
        }
        return new PlaceSelector(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null,
                parts.length > 3 ? parts[3] : null);
    }

    private static String line(PlaceSelector place) {
        if (place.gridCode() == null || (place.road() == null && place.building() != null)
                || (place.building() == null && place.unit() != null)) {
            throw DeliberationProblems.invalid("A place needs its grid, and a building needs its road, a unit its building.");
        }
        return Arrays.stream(new String[] {place.gridCode(), place.road(), place.building(), place.unit()})
                .filter(part -> part != null).collect(Collectors.joining("/"));
    }

    String text() {
        return places.stream().map(AffectedArea::line).collect(Collectors.joining("\n"));
    }
}
