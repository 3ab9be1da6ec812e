package dev.tagline.inference.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that creates ONNX Runtime sessions. A model file (by real path, so a Hugging Face cache symlink and its
 * blob are one file) opened with equal {@link SessionConfig}s is loaded once and shared; loading is thread-safe and
 * concurrent callers of the same model wait for the first load. One instance per process, owned by the application,
 * which closes it (and with it every session) at shutdown.
 */
public final class OnnxSessions implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OnnxSessions.class);

    private final OrtEnvironment env;
    private final Supplier<Set<OrtProvider>> providers;
    private final ExecutionProviders executionProviders;
    private final Consumer<OnnxModel> onLoad;
    private final Map<Key, CompletableFuture<OnnxModel>> cache = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private record Key(Path file, SessionConfig config) {
    }

    /** Sessions that tell {@code onLoad} about each model they load (the CLI prints {@link OnnxModel#describe()}). */
    public OnnxSessions(Consumer<OnnxModel> onLoad) {
        // Errors only: ONNX Runtime's warnings (e.g. "Removing initializer … not used") are noise on a user's terminal.
        this(OrtEnvironment.getEnvironment(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "tagline"),
                OrtEnvironment::getAvailableProviders, onLoad);
    }

    /** For tests: another view of which providers this build of ONNX Runtime has. */
    OnnxSessions(OrtEnvironment env, Supplier<Set<OrtProvider>> providers, Consumer<OnnxModel> onLoad) {
        this.env = env;
        this.providers = providers;
        this.executionProviders = new ExecutionProviders(providers);
        this.onLoad = onLoad;
    }

    /** The ONNX Runtime version, e.g. {@code 1.29.0}. */
    public String runtimeVersion() {
        return env.getVersion();
    }

    /** The execution providers of the ONNX Runtime build on the classpath: {@code [CPU]} for the CPU build. */
    public Set<OrtProvider> availableProviders() {
        return Set.copyOf(providers.get());
    }

    /**
     * Throws a {@link TaglineException} saying what to install unless models can run on {@code device}. Commands
     * call it before any work so a wrong {@code --device} fails at once rather than at the first model.
     */
    public void checkDevice(Device device) {
        executionProviders.check(device);
    }

    /**
     * The model in {@code file} opened with {@code config}, loaded now or taken from the cache. Throws a
     * {@link TaglineException} naming the file when it is missing, not ONNX or damaged, or when the device cannot be
     * used.
     */
    public OnnxModel load(Path file, SessionConfig config) {
        checkOpen();
        ModelFiles.checkReadable(file);
        Key key = new Key(realPath(file), config);
        CompletableFuture<OnnxModel> mine = new CompletableFuture<>();
        CompletableFuture<OnnxModel> existing = cache.putIfAbsent(key, mine);
        if (existing != null) {
            return await(existing);
        }
        OnnxModel model;
        try {
            model = open(key.file(), config);
        } catch (RuntimeException e) {
            cache.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(model);
        if (closed) { // close() ran meanwhile and may not have seen this entry
            closeQuietly(model);
            checkOpen();
        }
        LOG.debug("{}", model.describe());
        onLoad.accept(model);
        return model;
    }

    private OnnxModel open(Path file, SessionConfig config) {
        SessionOptions options = new SessionOptions();
        try {
            configure(options, config);
            String provider = executionProviders.apply(options, config.device());
            long start = System.nanoTime();
            OrtSession session = env.createSession(file.toString(), options);
            Duration loadTime = Duration.ofNanos(System.nanoTime() - start);
            try {
                return new OnnxModel(env, file, config, session, options, provider, loadTime,
                        ModelSignature.read(file, session));
            } catch (OrtException e) {
                session.close();
                throw e;
            }
        } catch (OrtException e) {
            options.close();
            throw ModelFiles.loadFailed(file, config.device(), env.getVersion(), e);
        } catch (RuntimeException e) {
            options.close();
            throw e;
        }
    }

    /** Threads, execution mode, optimisation and spinning of {@code config}; the device is applied separately. */
    static void configure(SessionOptions options, SessionConfig config) throws OrtException {
        options.setIntraOpNumThreads(config.intraOpThreads());
        options.setInterOpNumThreads(config.interOpThreads());
        options.setExecutionMode(config.interOpThreads() > 1 ? ExecutionMode.PARALLEL : ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(optLevel(config.optimization()));
        options.addConfigEntry("session.intra_op.allow_spinning", config.allowSpinning() ? "1" : "0");
        // Graph warnings such as "Removing initializer … not used" are the model author's, not the user's concern.
        options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
    }

    private static OptLevel optLevel(SessionConfig.Optimization level) {
        return switch (level) {
            case NONE -> OptLevel.NO_OPT;
            case BASIC -> OptLevel.BASIC_OPT;
            case EXTENDED -> OptLevel.EXTENDED_OPT;
            case ALL -> OptLevel.ALL_OPT;
        };
    }

    private static OnnxModel await(CompletableFuture<OnnxModel> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("OnnxSessions is closed");
        }
    }

    /** Closes every session; later {@link #load} calls fail. */
    @Override
    public void close() {
        closed = true;
        List<CompletableFuture<OnnxModel>> all = new ArrayList<>(cache.values());
        cache.clear();
        for (CompletableFuture<OnnxModel> future : all) {
            future.thenAccept(OnnxSessions::closeQuietly);
        }
    }

    private static void closeQuietly(OnnxModel model) {
        try {
            model.close();
        } catch (OrtException | RuntimeException e) {
            LOG.debug("Closing the session of {} failed; the process is shutting down, so it is only logged",
                    model.file(), e);
        }
    }
}
