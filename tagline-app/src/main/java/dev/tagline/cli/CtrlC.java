package dev.tagline.cli;

import dev.tagline.core.batch.StopSignal;
import java.io.PrintWriter;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a batch run: the first asks the engine to finish the current chunk and stop cleanly (nothing is lost,
 * the next run resumes); the second stops at once. Stopping at once is safe because every output is written
 * atomically and the journal only trusts closed chunks. SIGTERM ({@code timeout}, {@code docker stop}, a job
 * scheduler's preemption, which all kill a few seconds later) stops sooner: the items already under way are finished
 * and journaled, then the run ends as after Ctrl-C; a second SIGTERM stops at once. Restores the previous handlers on
 * close.
 */
final class CtrlC implements AutoCloseable {
    /** Exit status of a process stopped by SIGINT (128 + 2), the shell convention. */
    static final int INTERRUPTED = 130;
    /** Exit status of a process stopped by SIGTERM (128 + 15). */
    static final int TERMINATED = 143;
    private static final Signal INT = new Signal("INT");
    private static final Signal TERM = new Signal("TERM");

    private final SignalHandler previous;
    private final SignalHandler previousTerm;

    private CtrlC(SignalHandler previous, SignalHandler previousTerm) {
        this.previous = previous;
        this.previousTerm = previousTerm;
    }

    static CtrlC install(StopSignal stop, PrintWriter err) {
        SignalHandler interrupt = twice(stop::requested, stop::request, INTERRUPTED,
                "Finishing the current chunk, then stopping (Ctrl-C again to stop at once).", CHUNKS_KEPT, err);
        SignalHandler term = twice(stop::soon, stop::requestSoon, TERMINATED,
                "Terminated: finishing the images under way, then stopping (again to stop at once).", CHUNKS_KEPT, err);
        return new CtrlC(handle(INT, interrupt), handle(TERM, term));
    }

    private static final String CHUNKS_KEPT = "Stopping now. Finished chunks are kept; run the same command again to"
            + " resume.";

    /**
     * For a command whose steps are long single tool runs ({@code clips render}: minutes of FFmpeg per clip, longer
     * than {@code docker stop} waits): Ctrl-C or SIGTERM asks {@code stop} and interrupts {@code worker}, which stops
     * the tool under way and removes the step's temporary files, then the command says it stopped (dogfood round 8,
     * K2: SIGTERM exited 143 without a word and left the clip's temporary files). Again: stop at once.
     *
     * @param step what is under way, for the message ({@code the clip under way})
     */
    static CtrlC installInterrupting(StopSignal stop, Thread worker, String step, PrintWriter err) {
        Runnable ask = () -> {
            stop.requestSoon();
            worker.interrupt();
        };
        String stopping = "stopping " + step + " and removing its temporary files";
        String now = "Stopping now. Finished ones are kept; run the same command again to continue.";
        SignalHandler interrupt = twice(stop::requested, ask, INTERRUPTED, "S" + stopping.substring(1)
                + " (Ctrl-C again to stop at once).", now, err);
        SignalHandler term = twice(stop::requested, ask, TERMINATED, "Terminated: " + stopping
                + " (again to stop at once).", now, err);
        return new CtrlC(handle(INT, interrupt), handle(TERM, term));
    }

    /** A handler that asks the run to stop and says {@code first}; once it has asked, it stops at once. */
    private static SignalHandler twice(java.util.function.BooleanSupplier asked, Runnable ask, int status,
                                       String first, String now, PrintWriter err) {
        return signal -> {
            if (asked.getAsBoolean()) {
                err.println(now);
                err.flush();
                Runtime.getRuntime().halt(status);
            }
            ask.run();
            err.println();
            err.println(first);
            err.flush();
        };
    }

    /** The handler {@code signal} had, or null where it cannot be caught (reserved by the JVM's -Xrs, or absent). */
    private static SignalHandler handle(Signal signal, SignalHandler handler) {
        try {
            return Signal.handle(signal, handler);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
        if (previousTerm != null) {
            Signal.handle(TERM, previousTerm);
        }
    }
}
