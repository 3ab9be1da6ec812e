package dev.tagline.cli;

import dev.tagline.core.batch.StopSignal;
import java.io.PrintWriter;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a batch run: the first asks the engine to finish the current chunk and stop cleanly (nothing is lost,
 * the next run resumes); the second stops at once. Stopping at once is safe because every output is written
 * atomically and the journal only trusts closed chunks. Restores the previous handler on close.
 */
final class CtrlC implements AutoCloseable {
    /** Exit status of a process stopped by SIGINT (128 + 2), the shell convention. */
    static final int INTERRUPTED = 130;
    private static final Signal INT = new Signal("INT");

    private final SignalHandler previous;

    private CtrlC(SignalHandler previous) {
        this.previous = previous;
    }

    static CtrlC install(StopSignal stop, PrintWriter err) {
        SignalHandler handler = signal -> {
            if (stop.requested()) {
                err.println("Stopping now. Finished chunks are kept; run the same command again to resume.");
                err.flush();
                Runtime.getRuntime().halt(INTERRUPTED);
            }
            stop.request();
            err.println();
            err.println("Finishing the current chunk, then stopping (Ctrl-C again to stop at once).");
            err.flush();
        };
        try {
            return new CtrlC(Signal.handle(INT, handler));
        } catch (IllegalArgumentException e) {
            return new CtrlC(null); // no SIGINT on this platform or it is reserved by the JVM's -Xrs: nothing to do
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
