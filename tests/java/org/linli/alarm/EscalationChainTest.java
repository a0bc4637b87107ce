package org.linli.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EscalationChainTest {

    @Test
    void theTextCockpitShowsReadsBackLevelByLevel() {
        EscalationChain chain = EscalationChain.parse("grid-worker:10, community-duty:10,street-emergency:30");

        assertThat(chain.size()).isEqualTo(3);
        assertThat(chain.level(1).role()).isEqualTo(EscalationRole.GRID_WORKER);
        assertThat(chain.level(3).ackTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(chain.text()).isEqualTo("grid-worker:10,community-duty:10,street-emergency:30");
    }

    @Test
    void alarmsStartedBeforeTheChainBecameTextKeepEscalatingFromTheirRows() {
        EscalationChain chain = EscalationChain.ofRows(List.of(
                Map.of("level", 2, "role", "community-duty", "ackMinutes", 10),
                Map.of("level", 1, "role", "grid-worker", "ackMinutes", 10)));

        assertThat(chain.text()).isEqualTo("grid-worker:10,community-duty:10");
    }

    @Test
    void aChainWithoutLevelsOrWithAnUnknownRoleIsRefusedByName() {
        assertThatThrownBy(() -> EscalationChain.parse("")).hasMessageContaining("No escalation chain");
        assertThatThrownBy(() -> EscalationChain.parse("night-watch:10")).hasMessageContaining("night-watch");
        assertThatThrownBy(() -> EscalationChain.parse("grid-worker")).hasMessageContaining("role:minutes");
    }
}
