package dev.tagline.core.batch;

import dev.tagline.core.progress.Progress;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs the batch engine with a no-op job over a folder and prints the peak heap in MiB (the sum of every heap pool's
 * peak, an upper bound). Started in its own JVM by {@link ScanHeapIT} and by hand for docs/benchmarks.md.
 */
public final class ScanHeapProbe {
    private ScanHeapProbe() {
    }

    public static void main(String[] args) {
        BatchJob<String, String> noop = new BatchJob<>() {
            @Override
            public String name() {
                return "noop";
            }

            @Override
            public String fingerprint() {
                return "noop";
            }

            @Override
            public String prepare(ScanEntry entry) {
                return entry.key();
            }

            @Override
            public List<String> run(List<String> batch) {
                return batch;
            }

            @Override
            public String write(ScanEntry entry, String result) {
                return "";
            }
        };
        BatchSettings settings = BatchSettings.defaults(ScanOptions.of(Set.of("jpg"), Set.of())).withRestart(true);
        BatchSummary s = new BatchEngine(settings, Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE)
                .run(Path.of(args[0]), noop);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("items %d, peak heap %.1f MiB, %.1f s%n", s.done(), peak / 1048576.0,
                s.elapsed().toMillis() / 1000.0);
    }
}
