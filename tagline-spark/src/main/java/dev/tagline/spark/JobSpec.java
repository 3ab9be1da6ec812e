package dev.tagline.spark;

import dev.tagline.core.progress.Progress;
import dev.tagline.inference.store.ModelStore;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A Tagline batch job as the driver describes it to the executors: plain settings (model ids, thresholds, load
 * options), never opened models. Each executor JVM turns an equal spec into one {@link LoadedJob} the first time a task
 * needs it ({@link JvmJobs}). Specs are compared with {@code equals}, so they are records of serialisable values.
 *
 * <p>Adding a job is one more implementation next to {@link CheckSpec}, {@link TagSpec} and {@link CaptionSpec}, plus
 * its sub-command in {@link SparkTagline}: the runner, inputs, resume and the table are shared.
 */
public interface JobSpec extends Serializable {
    /** The job's name, as the CLI journals it: {@code check}, {@code tag}, {@code caption}. */
    String name();

    /** Opens what the job needs (models, sessions) in this JVM; called once per JVM and spec. */
    LoadedJob<?, ?> load();

    /**
     * The model store on an executor: its own environment, with {@code TAGLINE_HOME} set to {@code taglineHome} (a
     * shared store, or where an {@code --archives} entry unpacked) when given, and no downloads when {@code offline}.
     */
    static ModelStore modelStore(String taglineHome, boolean offline) {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (taglineHome != null) {
            env.put("TAGLINE_HOME", Path.of(taglineHome).toAbsolutePath().toString());
        }
        if (offline) {
            env.put("HF_HUB_OFFLINE", "1");
        }
        return ModelStore.fromEnvironment(env, Progress.Factory.NONE);
    }
}
