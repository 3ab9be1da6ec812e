package dev.tagline.inference.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagline.core.TaglineException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A loaded model: its ONNX Runtime session, where it runs and how long it took to load. Obtained from
 * {@link OnnxSessions#load}, which owns it and closes it; callers never close it. {@link #run} is thread-safe.
 */
public final class OnnxModel {
    private final OrtEnvironment env;
    private final Path file;
    private final SessionConfig config;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final String provider;
    private final Duration loadTime;
    private final ModelSignature signature;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    OnnxModel(OrtEnvironment env, Path file, SessionConfig config, OrtSession session,
            OrtSession.SessionOptions options, String provider, Duration loadTime, ModelSignature signature) {
        this.env = env;
        this.file = file;
        this.config = config;
        this.session = session;
        this.options = options;
        this.provider = provider;
        this.loadTime = loadTime;
        this.signature = signature;
    }

    public Path file() {
        return file;
    }

    public SessionConfig config() {
        return config;
    }

    /** The execution provider the session was created with: {@code CPU} or {@code CUDA GPU N}. */
    public String provider() {
        return provider;
    }

    public Duration loadTime() {
        return loadTime;
    }

    public ModelSignature signature() {
        return signature;
    }

    /** The session itself, for what these helpers do not cover. Do not close it. */
    public OrtSession session() {
        return session;
    }

    /**
     * One line for the start of a model run: {@code model.onnx on CPU, 2 intra-op threads, loaded in 40 ms}. On a GPU
     * ONNX Runtime may still place single operators it has no CUDA kernel for on the CPU.
     */
    public String describe() {
        StringBuilder line = new StringBuilder().append(file.getFileName()).append(" on ").append(provider)
                .append(", ").append(config.intraOpThreads()).append(" intra-op thread")
                .append(config.intraOpThreads() == 1 ? "" : "s");
        if (config.interOpThreads() > 1) {
            line.append(", ").append(config.interOpThreads()).append(" inter-op threads");
        }
        if (config.optimization() != SessionConfig.Optimization.ALL) {
            line.append(", optimisation ").append(config.optimization().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (config.allowSpinning()) {
            line.append(", spinning");
        }
        return line.append(", loaded in ").append(loadTime.toMillis()).append(" ms").toString();
    }

    /** Empty inputs for one run; fill them by input name, run, then close them. */
    public OnnxInputs newInputs() {
        return new OnnxInputs(env, signature);
    }

    /** Runs the model on {@code inputs}; the caller closes the outputs (and still owns the inputs). */
    public OnnxOutputs run(OnnxInputs inputs) {
        return run(inputs, java.util.Set.of());
    }

    /** Runs the model computing only {@code outputNames} (all when empty). */
    public OnnxOutputs run(OnnxInputs inputs, java.util.Set<String> outputNames) {
        outputNames.forEach(signature::output);
        try {
            return new OnnxOutputs(outputNames.isEmpty() ? session.run(inputs.tensors())
                    : session.run(inputs.tensors(), outputNames), signature);
        } catch (OrtException e) {
            throw new TaglineException("ONNX Runtime failed running " + file + " on " + provider + ": "
                    + e.getMessage(), config.device().isGpu() ? "Re-run with --verbose; if it fails only on the GPU, "
                            + "try --device cpu." : "Re-run with --verbose and report it with the output.", e);
        }
    }

    /** Closes the session once; later calls do nothing. */
    void close() throws OrtException {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            session.close();
        } finally {
            options.close();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
