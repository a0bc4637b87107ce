package org.linli.deliberation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Counts one round exactly (integers and decimals, never floating point). Quorum: at least
 * {@code quorumPercent} % of the voting households voted. Majority, of one option:
 * <ul>
 * <li>SIMPLE: more than half of the votes cast;</li>
 * <li>TWO_THIRDS: at least two thirds of the votes cast;</li>
 * <li>TWO_THIRDS_AREA: at least two thirds of the floor area of all voting households (not only of those who
 * voted), and more than half of the votes cast, the rule many cities apply to installing an elevator.</li>
 * </ul>
 */
record Tally(Result result, Optional<OptionCount> decided, int eligible, int voted, BigDecimal eligibleArea,
        List<OptionCount> counts) {

    enum Result {
        QUORUM_NOT_REACHED, NO_DECISION, DECIDED
    }

    enum Majority {
        SIMPLE, TWO_THIRDS, TWO_THIRDS_AREA
    }

    record OptionCount(long optionId, String label, int votes, BigDecimal area) {
    }

    static Tally count(List<OptionCount> counts, int eligible, BigDecimal eligibleArea, int quorumPercent,
            Majority majority) {
        int voted = counts.stream().mapToInt(OptionCount::votes).sum();
        if (voted == 0 || (long) voted * 100 < (long) quorumPercent * eligible) {
            return new Tally(Result.QUORUM_NOT_REACHED, Optional.empty(), eligible, voted, eligibleArea, counts);
        }
        Optional<OptionCount> decided = counts.stream().filter(c -> passes(c, voted, eligibleArea, majority)).findFirst();
        return new Tally(decided.isPresent() ? Result.DECIDED : Result.NO_DECISION, decided, eligible, voted,
                eligibleArea, counts);
    }

    private static boolean passes(OptionCount option, int voted, BigDecimal eligibleArea, Majority majority) {
        return switch (majority) {
            case SIMPLE -> 2L * option.votes() > voted;
            case TWO_THIRDS -> 3L * option.votes() >= 2L * voted;
            case TWO_THIRDS_AREA -> 2L * option.votes() > voted && eligibleArea.signum() > 0
                    && option.area().multiply(BigDecimal.valueOf(3)).compareTo(eligibleArea.multiply(BigDecimal.valueOf(2))) >= 0;
        };
    }

    /** One line for forms and the board, without names: "同意 180 票，不同意 60 票；参与 240/300 户". */
    String summary() {
        StringBuilder text = new StringBuilder();
        for (OptionCount c : counts) {
            text.append(text.isEmpty() ? "" : "，").append(c.label()).append(' ').append(c.votes()).append(" 票");
        }
        text.append("；参与 ").append(voted).append('/').append(eligible).append(" 户");
        text.append(switch (result) {
            case QUORUM_NOT_REACHED -> "，未达法定人数";
            case NO_DECISION -> "，未形成决议";
            case DECIDED -> "，决议：" + decided.orElseThrow().label();
        });
        return text.toString();
    }
}
