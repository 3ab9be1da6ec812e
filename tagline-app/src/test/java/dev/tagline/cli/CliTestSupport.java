package dev.tagline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs {@code tagline} in process with a chosen working directory and environment, capturing both streams. */
final class CliTestSupport {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CliContext ctx;

    CliTestSupport(Path workDir, Map<String, String> env) {
        this(workDir, env, Clock.systemUTC());
    }

    CliTestSupport(Path workDir, Map<String, String> env, Clock clock) {
        ctx = new CliContext(workDir, env, new PrintWriter(out, true), new PrintWriter(err, true), clock, false);
    }

    /** Forgets what was printed so far, so the next run's output can be asserted alone. */
    void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    int run(String... args) {
        return Cli.run(ctx, args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    Map<String, String> env() {
        return ctx.env();
    }
}
