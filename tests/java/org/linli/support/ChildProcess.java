package org.linli.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Starts the programs a test needs beside it (brokers, app nodes, browsers, provisioning scripts).
 * A child never shares the test JVM's standard input or output: those carry Surefire's channel to
 * Maven, and a child that reads or writes them breaks the run ("std/in stream corrupted") after
 * every test has passed.
 */
public final class ChildProcess {

    private static final File NO_INPUT = new File("/dev/null");

    private ChildProcess() {
    }

    /** A builder whose standard input is empty; callers choose where its output goes. */
    public static ProcessBuilder builder(List<String> command) {
        return new ProcessBuilder(command).redirectInput(Redirect.from(NO_INPUT));
    }

    /** Runs a command to its end and returns what it printed; a non-zero exit fails with that output. */
    public static String run(File directory, Map<String, String> environment, List<String> command) {
        Result result = exec(directory, environment, command);
        if (result.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + result.exit() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    /** Runs a command to its end: its exit code and what it printed (standard output and error, interleaved). */
    public static Result exec(File directory, Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = builder(command).directory(directory).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String run(List<String> command) {
        return run(null, Map.of(), command);
    }

    public record Result(int exit, String output) {
    }
}
