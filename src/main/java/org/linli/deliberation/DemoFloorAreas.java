package org.linli.deliberation;

import java.math.BigDecimal;
import java.time.Clock;

import org.linli.basedata.HouseholdDirectory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: the demo residents vote for their demo households (刘洋 → XH01-0001, 张兰 → XH01-0002), which get a
 * floor area. Runs after the demo community and demo users; leaves existing links alone.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoHouseholdAccounts implements ApplicationRunner {

    private final HouseholdDirectory households;
    private final ParticipantStore participants;
    private final Clock clock;

    DemoHouseholdAccounts(HouseholdDirectory households, ParticipantStore participants, Clock clock) {
        this.households = households;
        this.participants = participants;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        link("liu.yang", "XH01-0001", "89.50");
        link("zhang.lan", "XH01-0002", "62.30");
    }

    private void link(String userId, String householdNo, String floorArea) {
        if (participants.householdOf(userId).isPresent()) {
            return;
        }
        households.householdId(householdNo).ifPresent(id -> {
            households.recordFloorArea(id, new BigDecimal(floorArea));
            participants.link(userId, id, "demo", clock.instant());
        });
    }
}
