package dev.tagline.spark;

import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.images.check.CheckJob;
import dev.tagline.images.check.CheckRecord;
import dev.tagline.images.load.LoadOptions;
import java.util.List;

/** {@code check}: the CLI's {@link CheckJob} with these load options; no model, so nothing heavy to load. */
public record CheckSpec(LoadOptions options) implements JobSpec {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public LoadedJob<?, ?> load() {
        return new Loaded(options);
    }

    private record Loaded(LoadOptions options) implements LoadedJob<CheckJob.Checked, CheckJob.Checked> {
        @Override
        public String fingerprint() {
            return newJob().fingerprint();
        }

        @Override
        public BatchJob<CheckJob.Checked, CheckJob.Checked> newJob() {
            return new CheckJob(options, record -> { });
        }

        /**
         * The row is the CLI's journal record ({@link CheckJob#write} writes no file), with the warning its report line
         * carries ({@link CheckJob#sharedSidecarWarning}).
         */
        @Override
        public OutputRow row(BatchJob<CheckJob.Checked, CheckJob.Checked> job, ScanEntry entry,
                             CheckJob.Checked input, CheckJob.Checked result, boolean sidecars) {
            String json = job.write(entry, result);
            CheckRecord r = CheckRecord.fromJson(json);
            return OutputRow.result("check", r.sha256(), r.verdict().label(), r.detail(), r.width(), r.height(),
                    List.of(), null, null, List.of(), List.of(), json)
                    .withWarning(CheckJob.sharedSidecarWarning(entry));
        }
    }
}
