package org.linli.alarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.linli.alarm.EventBatchProcessor.BatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Device events in, one worker thread per partition; every event of a device goes to the same partition, so a
 * device's events are applied in order and never race each other in the engine. A worker takes what has queued
 * up (at most {@code maxBatch}) and hands it to {@link EventBatchProcessor} as one transaction: under load the
 * batches grow and the commits amortise, at rest each event commits alone at once. Messages are acknowledged to the
 * broker only after their batch committed; if the database is away, the worker retries the same batch until it can.
 */
@Component
class EventIngestion implements SmartLifecycle {

    /** Starts before and stops after the MQTT client that feeds it. */
    static final int PHASE = Integer.MAX_VALUE - 2000;
    private static final Logger log = LoggerFactory.getLogger(EventIngestion.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final EventBatchProcessor processor;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final int maxBatch;
    private final List<BlockingQueue<InboundMessage>> partitions = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Timer latency;
    private final DistributionSummary batchSize;
    private volatile boolean running;

    EventIngestion(EventBatchProcessor processor, DeadLetters deadLetters, MeterRegistry meters,
            AlarmProperties properties) {
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.maxBatch = properties.maxBatch();
        for (int i = 0; i < properties.partitions(); i++) {
            partitions.add(new LinkedBlockingQueue<>());
        }
        this.latency = Timer.builder("linli.alarm.ingest.latency")
                .description("From arrival at the app to the commit of the event").publishPercentiles(0.5, 0.99)
                .register(meters);
        this.batchSize = DistributionSummary.builder("linli.alarm.ingest.batch")
                .description("Messages committed together by one worker").register(meters);
    }

    void submit(InboundMessage message) {
        partitions.get(Math.floorMod(message.partitionKey().hashCode(), partitions.size())).add(message);
    }

    /** Messages waiting, all partitions together. */
    int backlog() {
        return partitions.stream().mapToInt(BlockingQueue::size).sum();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < partitions.size(); i++) {
            BlockingQueue<InboundMessage> queue = partitions.get(i);
            Thread worker = new Thread(() -> work(queue), "alarm-ingest-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void work(BlockingQueue<InboundMessage> queue) {
        List<InboundMessage> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                InboundMessage first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                BatchResult result = processUntilCommitted(batch);
                if (result == null) {
                    return; // stopping: unacknowledged messages come back on the next connection
                }
                result.rejected().forEach(deadLetters::send);
                batch.forEach(message -> message.acknowledge().run());
                count(batch, result);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Device events not acknowledged, the broker will redeliver them", e);
            } finally {
                batch.clear();
            }
        }
    }

    private BatchResult processUntilCommitted(List<InboundMessage> batch) throws InterruptedException {
        long backoff = 100;
        while (running) {
            try {
                return processor.process(batch);
            } catch (RuntimeException e) {
                log.warn("Cannot commit {} device events ({}); retrying in {} ms", batch.size(), e.getMessage(),
                        backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
        return null;
    }

    private void count(List<InboundMessage> batch, BatchResult result) {
        long now = System.nanoTime();
        batchSize.record(batch.size());
        batch.forEach(message -> latency.record(now - message.receivedNanos(), TimeUnit.NANOSECONDS));
        for (RecordedEvent event : result.committed()) {
            meters.counter("linli.alarm.events", "outcome", event.outcome().name().toLowerCase()).increment();
        }
    }
}
