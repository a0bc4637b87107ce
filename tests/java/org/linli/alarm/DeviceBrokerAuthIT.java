package org.linli.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.support.ChildProcess;
import org.linli.support.TestBroker;

/**
 * The broker's device authentication with the production rules of docker/mosquitto (its acl file, a password file
 * made with mosquitto_passwd as docker/mosquitto/README.md says): a device publishes only to its own topic, strangers
 * do not get in, and the app reads every device's events.
 */
class DeviceBrokerAuthIT {

    private static final int NOT_AUTHORIZED = 135;
    private static TestBroker.Started broker;

    @BeforeAll
    static void startBrokerWithDeviceAccounts() {
        broker = TestBroker.start(dir -> {
            Path passwords = dir.resolve("passwd");
            account(passwords, "smoke-0001", "secret-1", true);
            account(passwords, "smoke-0002", "secret-2", false);
            account(passwords, "linli-app", "app-secret", false);
            return List.of("allow_anonymous false", "password_file " + passwords,
                    "acl_file " + Path.of("docker/mosquitto/acl").toAbsolutePath());
        });
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aDevicePublishesToItsOwnTopicOnly() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient app = new MqttClient(broker.url(), "linli-app", new MemoryPersistence());
        app.connect(options("linli-app", "app-secret"));
        app.subscribe(new MqttSubscription[] {new MqttSubscription("linli/+/devices/+/events", 1)},
                new IMqttMessageListener[] {(topic, message) -> received.add(topic)});
        MqttAsyncClient device = connect("smoke-0001", "smoke-0001", "secret-1");

        int own = publish(device, "linli/xh01/devices/smoke-0001/events");
        int other = publish(device, "linli/xh01/devices/smoke-0002/events");
        int deadLetters = publish(device, "linli/deadletter");

        assertThat(own).isZero();
        assertThat(other).isEqualTo(NOT_AUTHORIZED);
        assertThat(deadLetters).isEqualTo(NOT_AUTHORIZED);
        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        Thread.sleep(300);
        assertThat(received).containsExactly("linli/xh01/devices/smoke-0001/events");
        device.disconnect().waitForCompletion();
        app.disconnect();
        app.close();
    }

    @Test
    void strangersDoNotGetIn() {
        assertThatThrownBy(() -> connect("anonymous", null, null)).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect("smoke-0001", "smoke-0001", "wrong")).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect("smoke-0003", "smoke-0003", "secret-3")).isInstanceOf(MqttException.class);
    }

    /** The PUBACK reason code of a QoS 1 publish (0 = accepted). */
    private static int publish(MqttAsyncClient client, String topic) throws MqttException {
        MqttMessage message = new MqttMessage("{\"eventId\":\"e-1\",\"type\":\"SMOKE\"}".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(5_000);
        } catch (MqttException refused) {
            return refused.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    private static MqttAsyncClient connect(String clientId, String user, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), clientId, new MemoryPersistence());
        try {
            client.connect(options(user, password)).waitForCompletion(5_000);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    private static MqttConnectionOptions options(String user, String password) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    private static void account(Path file, String user, String password, boolean create) {
        ChildProcess.run(create
                ? List.of("mosquitto_passwd", "-c", "-b", file.toString(), user, password)
                : List.of("mosquitto_passwd", "-b", file.toString(), user, password));
    }
}
