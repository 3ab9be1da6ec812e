package dev.tagline.spark;

import dev.tagline.core.TaglineException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jobs opened in this JVM, one per spec: the first task of a run on an executor loads the models, every later task
 * on that executor reuses them. This is the one JVM-wide cache of the module, and deliberately so: Spark gives a task
 * no object that outlives it, and loading a tagger per task (or per record) would cost more than the work. Models are
 * closed when the JVM exits.
 */
final class JvmJobs {
    /** A loaded job and the lock that makes its {@code run} calls one at a time, as on the CLI's model thread. */
    record Loaded(LoadedJob<?, ?> job, ReentrantLock model) {
    }

    private static final Map<JobSpec, Loaded> LOADED = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger LOADS = new java.util.concurrent.atomic.AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LOADED.values().forEach(l -> l.job().close()),
                "tagline-spark-close-models"));
    }

    private JvmJobs() {
    }

    /**
     * The job of {@code spec}, loading it on first use; fails when this JVM's models give another fingerprint than
     * the driver's {@code expected} (a different model revision on this machine would mix results in one table).
     */
    static Loaded get(JobSpec spec, String expected) {
        Loaded loaded = LOADED.computeIfAbsent(spec, s -> {
            LOADS.incrementAndGet();
            return new Loaded(s.load(), new ReentrantLock());
        });
        if (expected != null && !expected.equals(loaded.job().fingerprint())) {
            throw new TaglineException("This executor's " + spec.name() + " job differs from the driver's: "
                    + loaded.job().fingerprint() + " vs " + expected,
                    "Give every machine the same model files (--archives or one shared model store path).");
        }
        return loaded;
    }

    /** How many times this JVM has loaded a job (tests: once per JVM and spec, not per task). */
    static int loads() {
        return LOADS.get();
    }
}
