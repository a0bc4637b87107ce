package org.linli.deliberation;

import java.math.BigDecimal;

import org.linli.basedata.HouseholdDirectory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: the demo households of 刘洋 (XH01-0001) and 张兰 (XH01-0002), whose logins the demo community links,
 * get the floor area that the two-thirds-of-area rule weighs. Runs after the demo community; leaves a recorded area
 * alone.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoFloorAreas implements ApplicationRunner {

    private final HouseholdDirectory households;

    DemoFloorAreas(HouseholdDirectory households) {
        this.households = households;
    }

    @Override
    public void run(ApplicationArguments args) {
        record("XH01-0001", "89.50");
        record("XH01-0002", "62.30");
    }

    private void record(String householdNo, String floorArea) {
        households.householdId(householdNo)
                .filter(id -> households.household(id).map(h -> h.floorArea() == null).orElse(false))
                .ifPresent(id -> households.recordFloorArea(id, new BigDecimal(floorArea)));
    }
}
