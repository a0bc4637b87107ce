package org.linli.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.linli.basedata.Places.Community;
import org.linli.basedata.Places.Grid;

/**
 * Every case grant asks which street a group is in: the answer is looked up once per place, and a place created after
 * a first unsuccessful question is found.
 */
class PlaceHierarchyTest {

    private final PlaceRepository places = mock(PlaceRepository.class);
    private final PlaceHierarchy hierarchy = new PlaceHierarchy(places);

    @Test
    void aGridsStreetIsLookedUpOnceThenRemembered() {
        when(places.findGrid("xh01-02")).thenReturn(Optional.of(new Grid("xh01-02", "第二网格", "xh01")));
        when(places.findCommunity("xh01")).thenReturn(Optional.of(new Community("xh01", "新华社区", "xh")));

        for (int i = 0; i < 3; i++) {
            assertThat(hierarchy.streetAbove("grid-xh01-02")).contains("xh");
            assertThat(hierarchy.streetAbove("community-xh01")).contains("xh");
        }

        verify(places, times(1)).findGrid("xh01-02");
        verify(places, times(1)).findCommunity("xh01");
        assertThat(hierarchy.communityOfGrid("xh01-02")).contains("xh01");
    }

    @Test
    void anUnknownPlaceIsAskedAgainAndFoundOnceCreated() {
        when(places.findCommunity("new01")).thenReturn(Optional.empty())
                .thenReturn(Optional.of(new Community("new01", "新社区", "xh")));

        assertThat(hierarchy.streetAbove("community-new01")).isEmpty();
        assertThat(hierarchy.streetAbove("community-new01")).contains("xh");
    }

    @Test
    void groupsThatAreNoPlaceHaveNoStreet() {
        assertThat(hierarchy.streetAbove("supervisors")).isEmpty();
        assertThat(hierarchy.streetAbove(null)).isEmpty();
        assertThat(hierarchy.streetOf(null)).isEmpty();
    }
}
