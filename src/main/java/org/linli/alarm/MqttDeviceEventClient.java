package org.linli.alarm;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.linli.alarm.AlarmProperties.Mqtt;
import org.linli.alarm.DeadLetters.DeadLetterPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The app's MQTT 5 connection (Eclipse Paho): a member of the shared subscription {@code $share/linli/...} so that
 * app nodes split the devices' events, QoS 1, a persistent session (clean start off) so events published while the
 * app is down arrive when it is back, and manual acknowledgements: a PUBACK goes out only after the event committed.
 * If the broker is unreachable the app still starts and keeps trying.
 */
@Component
@ConditionalOnProperty(name = "app.alarm.mqtt.enabled", havingValue = "true", matchIfMissing = true)
class MqttDeviceEventClient implements SmartLifecycle, DeadLetterPublisher {

    private static final Logger log = LoggerFactory.getLogger(MqttDeviceEventClient.class);
    private static final int QOS = 1;
    private static final long RETRY_SECONDS = 5;

    private final Mqtt settings;
    private final EventIngestion ingestion;
    private volatile MqttAsyncClient client;
    private volatile ScheduledExecutorService retries;

    MqttDeviceEventClient(AlarmProperties properties, EventIngestion ingestion) {
        this.settings = properties.mqtt();
        this.ingestion = ingestion;
    }

    @Override
    public synchronized void start() {
        try {
            client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("Bad MQTT settings " + settings.url(), e);
        }
        client.setManualAcks(true);
        client.setCallback(new Callback());
        retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqtt-connect");
            thread.setDaemon(true);
            return thread;
        });
        retries.execute(this::connect);
    }

    /** Whether the connection is up now (health, tests). */
    boolean isConnected() {
        MqttAsyncClient current = client;
        return current != null && current.isConnected();
    }

    private void connect() {
        MqttAsyncClient current = client;
        if (current == null) {
            return;
        }
        try {
            current.connect(options()).waitForCompletion();
        } catch (MqttException e) {
            log.warn("MQTT broker {} not reachable ({}); retrying in {} s", settings.url(), e.getMessage(),
                    RETRY_SECONDS);
            ScheduledExecutorService executor = retries;
            if (executor != null && !executor.isShutdown()) {
                executor.schedule(this::connect, RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        options.setReceiveMaximum(settings.receiveMaximum());
        options.setKeepAliveInterval(30);
        if (settings.username() != null && !settings.username().isBlank()) {
            options.setUserName(settings.username());
            options.setPassword(settings.password() == null ? new byte[0]
                    : settings.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    @Override
    public synchronized void stop() {
        if (retries != null) {
            retries.shutdownNow();
            retries = null;
        }
        MqttAsyncClient current = client;
        client = null;
        if (current == null) {
            return;
        }
        try {
            if (current.isConnected()) {
                // a normal disconnect keeps the session: the broker queues what arrives until we are back
                current.disconnect(5000).waitForCompletion(6000);
            }
        } catch (MqttException e) {
            log.debug("MQTT disconnect", e);
        } finally {
            try {
                current.close(true);
            } catch (MqttException e) {
                log.debug("MQTT close", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    @Override
    public int getPhase() {
        return EventIngestion.PHASE + 1;
    }

    @Override
    public void publishDeadLetter(byte[] body) {
        MqttAsyncClient current = client;
        if (current == null || !current.isConnected()) {
            throw new IllegalStateException("MQTT is not connected; the message stays unacknowledged");
        }
        try {
            current.publish(settings.deadLetterTopic(), body, QOS, false);
        } catch (MqttException e) {
            throw new IllegalStateException("Cannot publish a dead letter", e);
        }
    }

    /** A message from a connection that is gone is not acknowledged: the broker redelivers it, its id dedupes it. */
    private void acknowledge(MqttAsyncClient receiver, int messageId) {
        try {
            if (receiver != null && receiver.isConnected()) {
                receiver.messageArrivedComplete(messageId, QOS);
            }
        } catch (MqttException e) {
            log.debug("PUBACK {} not sent; the broker redelivers and the event id dedupes it", messageId, e);
        }
    }

    private final class Callback implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            MqttAsyncClient current = client;
            if (current == null) {
                return;
            }
            // never block in a Paho callback: subscribe asynchronously and log the answer
            try {
                current.subscribe(new MqttSubscription[] {new MqttSubscription(settings.subscription(), QOS)}, null,
                        new MqttActionListener() {
                            @Override
                            public void onSuccess(IMqttToken token) {
                                log.info("MQTT {} to {}, subscribed to {}", reconnect ? "reconnected" : "connected",
                                        serverUri, settings.subscription());
                            }

                            @Override
                            public void onFailure(IMqttToken token, Throwable failure) {
                                log.error("Cannot subscribe to {}", settings.subscription(), failure);
                            }
                        }, new MqttProperties());
            } catch (MqttException e) {
                log.error("Cannot subscribe to {}", settings.subscription(), e);
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttAsyncClient receiver = client;
            int id = message.getId();
            ingestion.submit(InboundMessage.fromBroker(topic, message.getPayload(),
                    () -> acknowledge(receiver, id)));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            log.warn("MQTT disconnected: {}", response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT error", exception);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
