package org.linli.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linli.deliberation.Tally.Majority;
import org.linli.deliberation.Tally.OptionCount;
import org.linli.deliberation.Tally.Result;

/** The counting rules, at their exact edges (integers, no rounding). */
class TallyTest {

    private static OptionCount option(long id, String label, int votes, String area) {
        return new OptionCount(id, label, votes, new BigDecimal(area));
    }

    @Test
    void quorumIsAPercentageOfTheVotingHouseholdsReachedExactly() {
        List<OptionCount> five = List.of(option(1, "同意", 5, "500"), option(2, "不同意", 0, "0"));
        assertThat(Tally.count(five, 10, new BigDecimal("1000"), 50, Majority.SIMPLE).result()).isEqualTo(Result.DECIDED);
        List<OptionCount> four = List.of(option(1, "同意", 4, "400"), option(2, "不同意", 0, "0"));
        Tally tally = Tally.count(four, 10, new BigDecimal("1000"), 50, Majority.SIMPLE);
        assertThat(tally.result()).isEqualTo(Result.QUORUM_NOT_REACHED);
        assertThat(tally.summary()).isEqualTo("同意 4 票，不同意 0 票；参与 4/10 户，未达法定人数");
    }

    @Test
    void nobodyVotingNeverDecides() {
        List<OptionCount> none = List.of(option(1, "同意", 0, "0"), option(2, "不同意", 0, "0"));
        assertThat(Tally.count(none, 10, BigDecimal.TEN, 0, Majority.SIMPLE).result()).isEqualTo(Result.QUORUM_NOT_REACHED);
    }

    @Test
    void simpleMajorityNeedsMoreThanHalfOfTheVotesCast() {
        List<OptionCount> tie = List.of(option(1, "A", 3, "0"), option(2, "B", 3, "0"));
        assertThat(Tally.count(tie, 6, BigDecimal.ZERO, 50, Majority.SIMPLE).result()).isEqualTo(Result.NO_DECISION);
        List<OptionCount> win = List.of(option(1, "A", 4, "0"), option(2, "B", 3, "0"));
        Tally tally = Tally.count(win, 7, BigDecimal.ZERO, 50, Majority.SIMPLE);
        assertThat(tally.decided()).map(OptionCount::label).contains("A");
        assertThat(tally.summary()).endsWith("决议：A");
    }

    @Test
    void twoThirdsIsReachedAtExactlyTwoThirds() {
        List<OptionCount> exactly = List.of(option(1, "同意", 200, "0"), option(2, "不同意", 100, "0"));
        assertThat(Tally.count(exactly, 300, BigDecimal.ZERO, 50, Majority.TWO_THIRDS).result()).isEqualTo(Result.DECIDED);
        List<OptionCount> short1 = List.of(option(1, "同意", 199, "0"), option(2, "不同意", 101, "0"));
        assertThat(Tally.count(short1, 300, BigDecimal.ZERO, 50, Majority.TWO_THIRDS).result()).isEqualTo(Result.NO_DECISION);
    }

    @Test
    void twoThirdsOfAreaCountsTheFloorAreaOfAllVotingHouseholdsNotOnlyOfVoters() {
        // 8 of 10 households agree, but the large flats are against or silent: 600 of 1000 m² < 2/3
        List<OptionCount> smallFlats = List.of(option(1, "同意加装", 8, "600.00"), option(2, "不同意", 2, "400.00"));
        assertThat(Tally.count(smallFlats, 10, new BigDecimal("1000.00"), 67, Majority.TWO_THIRDS_AREA).result())
                .isEqualTo(Result.NO_DECISION);
        // 666.67 m² of 1000 m² is two thirds and a bit: passes; 666.66 does not
        List<OptionCount> justEnough = List.of(option(1, "同意加装", 7, "666.67"), option(2, "不同意", 3, "333.33"));
        assertThat(Tally.count(justEnough, 10, new BigDecimal("1000.00"), 67, Majority.TWO_THIRDS_AREA).result())
                .isEqualTo(Result.DECIDED);
        List<OptionCount> justShort = List.of(option(1, "同意加装", 7, "666.66"), option(2, "不同意", 3, "333.34"));
        assertThat(Tally.count(justShort, 10, new BigDecimal("1000.00"), 67, Majority.TWO_THIRDS_AREA).result())
                .isEqualTo(Result.NO_DECISION);
    }

    @Test
    void twoThirdsOfAreaAlsoNeedsMoreThanHalfOfTheVotes() {
        // one large flat cannot outvote its neighbours by area alone
        List<OptionCount> oneLarge = List.of(option(1, "同意", 3, "700"), option(2, "不同意", 4, "200"));
        assertThat(Tally.count(oneLarge, 7, new BigDecimal("900"), 67, Majority.TWO_THIRDS_AREA).result())
                .isEqualTo(Result.NO_DECISION);
    }
}
