package dev.tagline.inference.onnx;

import dev.tagline.core.TaglineException;
import java.util.Objects;

/**
 * How to open a model: device, thread counts, graph optimisation and whether idle threads spin. Part of the session
 * cache key, so two callers with equal configs share one session.
 *
 * @param intraOpThreads threads ONNX Runtime uses inside one operator (matrix multiply, convolution)
 * @param interOpThreads threads that run independent branches of the graph at once; 1 = run nodes one after another
 * @param allowSpinning whether idle intra-op threads busy-wait for the next operator
 *     ({@code session.intra_op.allow_spinning}). Off by default: on a shared or busy machine, and beside Tagline's
 *     own decoding threads, spinning burns the cores the model needs (the quality tagger ran 5x slower with it on 2
 *     busy cores; docs/benchmarks.md, issue 5). Turn it on only for a model that owns an idle machine.
 */
public record SessionConfig(Device device, int intraOpThreads, int interOpThreads, Optimization optimization,
                            boolean allowSpinning) {
    /** Most threads used by default: past this, small models gain little and other pipeline stages lose cores. */
    static final int MAX_DEFAULT_THREADS = 8;

    /** ONNX Runtime graph optimisation levels ({@code GraphOptimizationLevel}). */
    public enum Optimization { NONE, BASIC, EXTENDED, ALL }

    public SessionConfig {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(optimization, "optimization");
        if (intraOpThreads < 1 || intraOpThreads > 1024) {
            throw new TaglineException("Invalid thread count " + intraOpThreads,
                    "Use --threads N with N from 1 to 1024, or leave it out for the default ("
                            + defaultIntraOpThreads() + " on this machine).");
        }
        if (interOpThreads < 1 || interOpThreads > 1024) {
            throw new TaglineException("Invalid inter-op thread count " + interOpThreads, "Use 1 to 1024.");
        }
    }

    /** CPU, {@link #defaultIntraOpThreads()} intra-op threads, 1 inter-op thread, all optimisations, no spinning. */
    public static SessionConfig defaults() {
        return new SessionConfig(Device.CPU, defaultIntraOpThreads(), 1, Optimization.ALL, false);
    }

    /** One thread per available core, at most {@value #MAX_DEFAULT_THREADS}. */
    public static int defaultIntraOpThreads() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT_THREADS));
    }

    public SessionConfig withDevice(Device newDevice) {
        return new SessionConfig(newDevice, intraOpThreads, interOpThreads, optimization, allowSpinning);
    }

    public SessionConfig withIntraOpThreads(int threads) {
        return new SessionConfig(device, threads, interOpThreads, optimization, allowSpinning);
    }

    public SessionConfig withInterOpThreads(int threads) {
        return new SessionConfig(device, intraOpThreads, threads, optimization, allowSpinning);
    }

    public SessionConfig withOptimization(Optimization level) {
        return new SessionConfig(device, intraOpThreads, interOpThreads, level, allowSpinning);
    }

    public SessionConfig withAllowSpinning(boolean spin) {
        return new SessionConfig(device, intraOpThreads, interOpThreads, optimization, spin);
    }
}
