package org.linli.support;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Playwright script from tests/browser, run with Node; its packages are installed on first use. */
public final class BrowserScript {

    private static final File BROWSER_DIR = new File("tests/browser");

    private BrowserScript() {
    }

    /** Starts the script; the caller reads its standard output (one JSON line per observation). */
    public static Process start(String script, String... args) throws IOException {
        return builder(script, args).start();
    }

    /**
     * Starts a script that waits for the test between its phases: its standard input is a pipe the caller writes to
     * ({@link Process#outputWriter}), never the test JVM's own input.
     */
    public static Process startWithInput(String script, String... args) throws IOException {
        return builder(script, args).redirectInput(Redirect.PIPE).start();
    }

    private static ProcessBuilder builder(String script, String... args) {
        installPackages();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return ChildProcess.builder(command).redirectError(Redirect.INHERIT);
    }

    private static synchronized void installPackages() {
        if (!new File(BROWSER_DIR, "node_modules/playwright-core").isDirectory()) {
            ChildProcess.run(BROWSER_DIR, Map.of(), List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
        }
    }
}
