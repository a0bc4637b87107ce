package org.linli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.linli.alarm.DeviceEventsCommitted;
import org.linli.support.IntegrationTest;
import org.linli.support.TestBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The MQTT broker is restarted (SIGTERM, then started again on its persistence directory) while 10,000 device events
 * pour in: the app reconnects by itself, the broker redelivers what was not acknowledged, and every event is
 * processed exactly once — no event lost, none counted twice on its alarm case, no alarm case doubled.
 */
@IntegrationTest
class BrokerRestartFaultIT {

    static final int EVENTS = 10_000;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void everyEventOfABurstIsProcessedExactlyOnceAcrossABrokerRestart() throws Exception {
        DeviceBurst burst = new DeviceBurst("restart", 500, 11);
        burst.register(jdbc);
        context.addApplicationListener(ApplicationListener.<DeviceEventsCommitted>forPayload(burst::committed));

        burst.publish(EVENTS, EVENTS / 3, TestBroker::restart);

        burst.awaitProcessed(EVENTS, Duration.ofMinutes(3));
        assertThat(burst.lost()).as("events never processed").isEmpty();
        assertThat(burst.processedTwice()).as("events processed twice").isEmpty();

        DeviceBurst.Ledger ledger = burst.ledger(jdbc);
        assertThat(ledger.recorded()).isEqualTo(EVENTS);
        assertThat(ledger.failed()).isZero();
        assertThat(ledger.alarmEvents()).isEqualTo(burst.alarmEvents());
        assertThat(ledger.counted()).as("each alarm event counted once on its case").isEqualTo(ledger.alarmEvents());
        assertThat(ledger.alarms()).as("one alarm case per start").isEqualTo(ledger.started());
        assertThat(ledger.instances()).as("one process instance per alarm case").isEqualTo(ledger.alarms());
        System.out.printf("BrokerRestartFaultIT: %d events processed once, %d redeliveries recognised, %d sent again "
                + "after 'no matching subscribers', %d alarm cases%n", EVENTS, burst.redeliveries(), burst.noSubscriber(),
                ledger.alarms());
    }
}
