package org.linli.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A second app node: the packaged jar ({@code target/linli.jar}, built by {@code package} before Failsafe runs) in its
 * own JVM, on this run's database — through a {@link PostgresProxy} that a test can cut — and this run's private
 * broker and Elasticsearch. Its MQTT client joins the same shared subscription as the test context's, so the two
 * split the devices' events; its job executor works on the same job table. No demo data: the test context seeded it.
 */
public final class AppNode implements AutoCloseable {

    private static final Path JAR = Path.of("target", "linli.jar");

    private final String clientId;
    private final PostgresProxy database;
    private final List<String> settings;
    private final Path log;
    private Process process;
    private int port;

    /**
     * @param clientId the node's MQTT client id: stable across restarts, so its persistent session (and the events
     *        queued in it) survives a kill
     * @param settings extra {@code --key=value} Spring settings
     */
    public AppNode(String clientId, List<String> settings) {
        this.clientId = clientId;
        this.database = PostgresProxy.toTestDatabase();
        this.settings = List.copyOf(settings);
        this.log = Path.of("target", "app-node-" + clientId + ".log");
    }

    /** Starts the node and waits until it reports ready (its MQTT connection may still be on its way). */
    public AppNode start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the integration tests through Maven (bin/test), "
                    + "which packages the app first");
        }
        try {
            port = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                    "--spring.profiles.active=postgres",
                    "--server.port=" + port,
                    "--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + TestDatabase.user(),
                    "--spring.datasource.password=",
                    // a dropped connection must be noticed and replaced soon, not after Hikari's 30 s default
                    "--spring.datasource.hikari.connection-timeout=5000",
                    "--spring.elasticsearch.uris=" + System.getProperty("linli.test.es.url", "http://127.0.0.1:9200"),
                    "--app.alarm.mqtt.url=" + TestBroker.url(),
                    "--app.alarm.mqtt.client-id=" + clientId,
                    "--app.demo.enabled=false"));
            command.addAll(settings);
            process = ChildProcess.builder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            awaitReady(Duration.ofMinutes(8));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no commit, no MQTT disconnect. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public PostgresProxy database() {
        return database;
    }

    /** GET on the node, answering status code and body. */
    public HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A counter from the node's Prometheus endpoint, summed over its tags matching {@code tagFilter}. */
    public double metric(String name, String tagFilter) {
        return get("/actuator/prometheus").body().lines().filter(line -> line.startsWith(name + "{"))
                .filter(line -> line.contains(tagFilter))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("App node exited; see " + log + ":\n" + tail());
            }
            try {
                if (get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(500);
        }
        throw new IllegalStateException("App node not ready within " + timeout + "; see " + log + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the node and ends its MQTT session: otherwise the broker keeps the stopped node in the shared
     * subscription and queues its share of every later event for it (docs/scaling.md), away from other tests.
     */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        endMqttSession();
        database.close();
    }

    private void endMqttSession() {
        try {
            MqttClient session = new MqttClient(TestBroker.url(), clientId, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setSessionExpiryInterval(0L);
            session.connect(options);
            session.disconnect();
            session.close();
        } catch (MqttException e) {
            throw new IllegalStateException("Cannot end the MQTT session of " + clientId, e);
        }
    }
}
