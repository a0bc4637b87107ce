package org.linli.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A private Mosquitto for this test run: its own port, persistence directory and queue limits (STACK.md: the
 * machine's broker drops QoS 1 messages past 1,000 queued per client, so loss figures need a broker of our own).
 * Started once per JVM, stopped when the JVM exits. {@code bin/test} installs Mosquitto where it is missing.
 */
public final class TestBroker {

    private static Started shared;

    private TestBroker() {
    }

    public static synchronized String url() {
        if (shared == null || !shared.process().isAlive()) {
            shared = start(dir -> List.of("allow_anonymous true", "max_queued_messages 0",
                    "max_inflight_messages 0"));
        }
        return shared.url();
    }

    /**
     * Stops the shared broker the way an operator restarts it (SIGTERM: Mosquitto writes its persistence file) and
     * starts it again on the same port and persistence directory, so persistent sessions and queued QoS 1 messages
     * survive.
     */
    public static synchronized void restart() {
        url();
        shared.process().destroy();
        try {
            if (!shared.process().waitFor(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Mosquitto did not stop within 15 s");
            }
            shared = launch(shared.port(), shared.dir());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts one more Mosquitto of its own (own port and directory) with the given configuration lines after the
     * listener, e.g. a password file and ACL: for tests of the broker's own rules. Stop it with {@link Started#close()}.
     */
    public static Started start(Function<Path, List<String>> configuration) {
        try {
            Path dir = Files.createTempDirectory("linli-mosquitto-");
            int port = freePort();
            List<String> lines = new ArrayList<>(List.of("listener " + port + " 127.0.0.1",
                    "user " + System.getProperty("user.name"),
                    "persistence true",
                    "persistence_location " + dir + "/",
                    "log_type error",
                    "log_type warning"));
            lines.addAll(configuration.apply(dir));
            Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", lines) + "\n");
            return launch(port, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Mosquitto (install it: apt-get install mosquitto)", e);
        }
    }

    private static Started launch(int port, Path dir) throws IOException {
        Process process = ChildProcess.builder(List.of(binary(), "-c", dir.resolve("mosquitto.conf").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        awaitListening(process, port, dir);
        return new Started(process, port, dir);
    }

    /** A running private broker. */
    public record Started(Process process, int port, Path dir) implements AutoCloseable {

        public String url() {
            return "tcp://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private static String binary() {
        String configured = System.getProperty("linli.test.mosquitto");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Stream.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/opt/homebrew/sbin/mosquitto")
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse("mosquitto");
    }

    private static void awaitListening(Process process, int port, Path dir) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Mosquitto exited: " + Files.readString(dir.resolve("mosquitto.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("Mosquitto did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
