package org.linli.alarm;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.linli.alarm.Rejection.RejectedMessage;
import org.linli.basedata.DeviceSites.DeviceSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one batch of device messages: reads and checks each, then records the new events and drives the engine
 * for all of them in ONE transaction (the events of one device consolidated). Exactly once: the event ids, the
 * liveness rows and the engine's changes commit together, and the broker is acknowledged only afterwards, so a
 * redelivery finds its event id recorded and changes nothing.
 *
 * <p>If the batch fails (a conflict with another node, a bad event), each device's events are retried alone;
 * events that keep failing are recorded as FAILED and dead-lettered so they never block the topic. If the database
 * cannot be reached (no connection, a connection dropped), no event is to blame: {@link #process} throws at once and
 * the caller retries the whole batch later — an outage never turns events into FAILED ones (AppNodesFaultIT).
 */
@Component
class EventBatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(EventBatchProcessor.class);
    static final int ATTEMPTS = 3;

    private final DeviceEventParser parser;
    private final DeviceDirectory devices;
    private final AlarmRecords records;
    private final DeviceLiveness liveness;
    private final AlarmCases cases;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;

    EventBatchProcessor(DeviceEventParser parser, DeviceDirectory devices, AlarmRecords records,
            DeviceLiveness liveness, AlarmCases cases, TransactionTemplate transactions,
            ApplicationEventPublisher publisher) {
        this.parser = parser;
        this.devices = devices;
        this.records = records;
        this.liveness = liveness;
        this.cases = cases;
        this.transactions = transactions;
        this.publisher = publisher;
    }

    BatchResult process(List<InboundMessage> batch) {
        List<Rejected> rejected = new ArrayList<>();
        Map<String, DeviceEvents> byDevice = new LinkedHashMap<>();
        for (InboundMessage message : batch) {
            try {
                DeviceEvent event = message.internal() != null ? message.internal()
                        : parser.parse(message.topic(), message.payload());
                DeviceSite site = devices.site(event.deviceId()).orElseThrow(() -> new RejectedMessage(
                        Rejection.UNKNOWN_DEVICE, "no device " + event.deviceId() + " in base data"));
                if (!site.communityCode().equals(event.communityCode())) {
                    throw new RejectedMessage(Rejection.WRONG_COMMUNITY, "device " + event.deviceId()
                            + " belongs to community " + site.communityCode() + ", not " + event.communityCode());
                }
                byDevice.computeIfAbsent(event.deviceId(), id -> new DeviceEvents(site, new ArrayList<>()))
                        .events().add(event);
            } catch (RejectedMessage e) {
                rejected.add(new Rejected(message, e.reason(), e.getMessage()));
            }
        }
        List<RecordedEvent> committed = new ArrayList<>();
        if (!byDevice.isEmpty()) {
            try {
                committed.addAll(transactions.execute(status -> apply(byDevice.values())));
            } catch (RuntimeException batchFailure) {
                if (databaseUnreachable(batchFailure)) {
                    throw batchFailure;
                }
                log.debug("Batch of {} devices failed, retrying each alone", byDevice.size(), batchFailure);
                byDevice.values().forEach(device -> committed.addAll(applyAlone(device, rejected)));
            }
        }
        publisher.publishEvent(new DeviceEventsCommitted(committed));
        return new BatchResult(committed, rejected);
    }

    private List<RecordedEvent> applyAlone(DeviceEvents device, List<Rejected> rejected) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transactions.execute(status -> apply(List.of(device)));
            } catch (RuntimeException e) {
                if (databaseUnreachable(e)) {
                    throw e; // devices committed alone so far are recognised as redeliveries when the batch comes back
                }
                last = e;
                pause(attempt * 50L);
            }
        }
        log.warn("Events of device {} failed {} times; recorded as FAILED and dead-lettered", device.site().deviceId(),
                ATTEMPTS, last);
        String reason = last.getClass().getSimpleName() + ": " + last.getMessage();
        List<RecordedEvent> failed = transactions.execute(status -> {
            Set<String> seen = records.seen(device.events());
            List<RecordedEvent> rows = device.events().stream()
                    .filter(event -> !seen.contains(AlarmRecords.seenKey(event.deviceId(), event.eventId())))
                    .map(event -> new RecordedEvent(event, EventOutcome.FAILED, null)).toList();
            records.recordEvents(rows);
            return rows;
        });
        failed.forEach(row -> rejected.add(new Rejected(InboundMessage.raised(row.event()),
                Rejection.PROCESSING_FAILED, reason)));
        return failed;
    }

    private List<RecordedEvent> apply(Collection<DeviceEvents> devicesInBatch) {
        List<RecordedEvent> result = new ArrayList<>();
        Map<String, Integer> heard = new HashMap<>();
        Map<DeviceEvents, List<DeviceEvent>> fresh = new LinkedHashMap<>();
        Set<String> known = records.seen(devicesInBatch.stream().flatMap(device -> device.events().stream()).toList());
        for (DeviceEvents device : devicesInBatch) {
            List<DeviceEvent> news = new ArrayList<>();
            for (DeviceEvent event : device.events()) {
                if (!known.add(AlarmRecords.seenKey(event.deviceId(), event.eventId()))) {
                    result.add(new RecordedEvent(event, EventOutcome.DUPLICATE, null));
                } else if (event.type() == EventType.OFFLINE && !liveness.stillSilent(event.deviceId(),
                        event.occurredAt())) {
                    result.add(new RecordedEvent(event, EventOutcome.IGNORED, null));
                } else {
                    news.add(event);
                    if (event.type() != EventType.OFFLINE) {
                        heard.put(event.deviceId(), device.site().heartbeatIntervalSeconds());
                    }
                }
            }
            fresh.put(device, news);
        }
        Set<String> backOnline = new HashSet<>(liveness.heard(heard));
        List<String> wentOffline = new ArrayList<>();
        List<RecordedEvent> toRecord = new ArrayList<>();
        fresh.forEach((device, news) -> {
            String deviceId = device.site().deviceId();
            if (backOnline.contains(deviceId)) {
                cases.backOnline(deviceId, news.get(news.size() - 1));
            }
            for (RecordedEvent recorded : cases.apply(device.site(), news)) {
                toRecord.add(recorded);
                if (recorded.event().type() == EventType.OFFLINE) {
                    wentOffline.add(deviceId);
                }
            }
        });
        liveness.markOffline(wentOffline);
        records.recordEvents(toRecord);
        result.addAll(toRecord);
        return result;
    }

    /** A lost or refused connection (Spring's resource failure, JDBC SQLSTATE class 08), not a bad event. */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record DeviceEvents(DeviceSite site, List<DeviceEvent> events) {
    }

    /** A message that goes to the dead-letter topic. */
    record Rejected(InboundMessage message, Rejection reason, String detail) {
    }

    record BatchResult(List<RecordedEvent> committed, List<Rejected> rejected) {
    }
}
