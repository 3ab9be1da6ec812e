package dev.tagline.spark;

import java.io.Serializable;

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
}
