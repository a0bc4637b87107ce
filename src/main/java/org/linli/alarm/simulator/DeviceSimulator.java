package org.linli.alarm.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Publishes a stream of device events ({@link DeviceStream}) to the broker at a steady rate, with optional bursts.
 * Run from the jar (see docs/devices.md):
 *
 * <pre>
 * bin/simulate-devices --devices 200 --rate 50 --seconds 60 --register
 * </pre>
 */
public final class DeviceSimulator {

    private DeviceSimulator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String broker = options.getOrDefault("url", "tcp://127.0.0.1:1883");
        String community = options.getOrDefault("community", "xh01");
        int devices = Integer.parseInt(options.getOrDefault("devices", "100"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "20"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int burstEvery = Integer.parseInt(options.getOrDefault("burst-every", "0"));
        int burstSize = Integer.parseInt(options.getOrDefault("burst-size", "200"));
        DeviceStream stream = new DeviceStream(community, options.getOrDefault("prefix", "sim-" + community), devices,
                Integer.parseInt(options.getOrDefault("alarm-percent", "10")),
                Integer.parseInt(options.getOrDefault("repeat-percent", "25")),
                Integer.parseInt(options.getOrDefault("clear-percent", "5")),
                Long.parseLong(options.getOrDefault("seed", "42")));
        if (options.containsKey("register")) {
            register(stream, community, options.getOrDefault("api", "http://localhost:8080"),
                    options.getOrDefault("user", "admin"), options.getOrDefault("password", "demo"));
        }
        MqttAsyncClient client = new MqttAsyncClient(broker, "linli-simulator-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectionOptions connection = new MqttConnectionOptions();
        connection.setCleanStart(true);
        connection.setReceiveMaximum(65535);
        client.connect(connection).waitForCompletion();
        long start = System.nanoTime();
        long sent = 0;
        for (int second = 0; second < seconds; second++) {
            int count = rate + (burstEvery > 0 && second > 0 && second % burstEvery == 0 ? burstSize : 0);
            for (int i = 0; i < count; i++) {
                publish(client, stream.next());
                sent++;
                long due = start + (long) ((second + (i + 1) / (double) count) * 1_000_000_000L);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            System.out.printf("simulator: %d s, %d events sent%n", second + 1, sent);
        }
        client.disconnect().waitForCompletion();
        client.close();
    }

    static void publish(MqttAsyncClient client, DeviceStream.Event event) throws MqttException {
        client.publish(event.topic(), event.payload().getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Registers the stream's devices through the base-data API (existing ones answer 409 and are kept). */
    private static void register(DeviceStream stream, String community, String api, String user, String password)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        int created = 0;
        for (int n = 0; n < stream.devices(); n++) {
            String body = "{\"id\":\"" + stream.deviceId(n) + "\",\"sensorType\":\"" + DeviceStream.sensorTypeOf(n)
                    + "\",\"communityCode\":\"" + community + "\",\"location\":\"模拟设备 " + n
                    + "\",\"heartbeatIntervalSeconds\":300}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/basedata/devices"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                created++;
            } else if (response.statusCode() != 409) {
                throw new IllegalStateException("Registering " + stream.deviceId(n) + " failed: "
                        + response.statusCode() + " " + response.body());
            }
        }
        System.out.printf("simulator: %d devices registered (%d new)%n", stream.devices(), created);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i] + " (options are --name value)");
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }
}
