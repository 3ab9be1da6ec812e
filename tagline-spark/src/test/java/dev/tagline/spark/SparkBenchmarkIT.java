package dev.tagline.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.check.CheckJob;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.LoadOptions;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 benchmark (opt-in: {@code -Dtagline.bench=true}): images/s of {@code check} on Spark in {@code local[2]}
 * against the CLI's engine ({@code tagline check}'s job and settings, one worker per core) over the same 2,000 JPEGs
 * in this JVM. Each side runs three times, alternating, and the fastest counts; files are in the page cache for both.
 * The Spark figure is the whole job (listing, tasks, the duplicate pass, Parquet commit) on an already started session;
 * the session start is printed apart. Process CPU seconds are printed too: steadier than wall time on a shared machine.
 * Target: Spark / CLI ≥ 0.85. {@code -Dtagline.bench.partitions=N} sets {@code --partitions} (default 0: Spark's
 * split of the listing).
 *
 * <p>Run: {@code ./mvnw -q -B -o verify -pl tagline-spark -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=SparkBenchmarkIT -Dtagline.bench=true} (optionally {@code -Dtagline.bench.images=N}).
 */
class SparkBenchmarkIT {
    /** Typical training-set photos, 0.8 to 2 MP. */
    private static final int[][] SIZES = {{1024, 768}, {1280, 960}, {1600, 1200}, {1920, 1080}};

    @Test
    void sparkLocal2AgainstTheCliEngine() throws IOException {
        assumeTrue(Boolean.getBoolean("tagline.bench"), "benchmark: run with -Dtagline.bench=true");
        int count = Integer.getInteger("tagline.bench.images", 2000);
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "tagline-spark-bench");
        Path data = generate(root.resolve("photos-" + count), count);
        String table = root.resolve("table.parquet").toString();

        long t0 = System.nanoTime();
        SparkSession spark = SparkSessions.local();
        double sessionS = (System.nanoTime() - t0) / 1e9;
        int partitions = Integer.getInteger("tagline.bench.partitions", 0);
        RunSettings spark2 = new RunSettings(data.toString(), null, table, partitions, 1, false, null, true);
        boolean quality = "quality".equals(System.getProperty("tagline.bench.job"));
        JobSpec spec = quality ? qualitySpec() : new CheckSpec(LoadOptions.DEFAULTS);
        int rounds = Integer.getInteger("tagline.bench.rounds", 3);

        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] cpu = new double[2];
        for (int round = 0; round < rounds; round++) {
            double[] cli = measure(() -> {
                BatchSettings s = BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS,
                        ImageFormat.COMPANIONS)).withRestart(true);
                BatchEngine engine = new BatchEngine(s, Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE);
                if (quality) {
                    engine.run(data, cliQualityJob((TagSpec) spec));
                } else {
                    engine.run(data, new CheckJob(LoadOptions.DEFAULTS, r -> { }));
                }
            });
            double[] sp = measure(() -> {
                RunSummary summary = new SparkRun(spark, spark2).run(spec);
                if (summary.rows() != count) {
                    throw new IllegalStateException("expected " + count + " rows, got " + summary);
                }
            });
            System.out.printf("round %d: cli %.2f s (%.2f CPU s), spark %.2f s (%.2f CPU s), load %s%n", round,
                    cli[0], cli[1], sp[0], sp[1], Files.readString(Path.of("/proc/loadavg")).strip());
            if (cli[0] < best[0]) {
                best[0] = cli[0];
                cpu[0] = cli[1];
            }
            if (sp[0] < best[1]) {
                best[1] = sp[0];
                cpu[1] = sp[1];
            }
        }
        System.out.printf("BENCH job=%s images=%d cores=%d partitions=%d session-start=%.1fs%n", spec.name()
                + (quality ? " (quality)" : ""), count, Runtime.getRuntime().availableProcessors(), partitions, sessionS);
        System.out.printf("BENCH cli   %.2f s  %.1f img/s  CPU %.2f s%n", best[0], count / best[0], cpu[0]);
        System.out.printf("BENCH spark %.2f s  %.1f img/s  CPU %.2f s%n", best[1], count / best[1], cpu[1]);
        System.out.printf("BENCH ratio spark/cli images/s %.2f (target >= 0.85); CPU cli/spark %.2f%n",
                best[0] / best[1], cpu[0] / cpu[1]);
    }

    private static TagSpec qualitySpec() {
        Path home = dev.tagline.inference.TestModels.home(dev.tagline.inference.BuiltinModels.FACES,
                dev.tagline.inference.BuiltinModels.OCR);
        return new TagSpec(java.util.List.of(dev.tagline.images.tag.Taggers.QUALITY), null, home.toString(), true,
                "cpu", 8, null, dev.tagline.images.tag.TagRules.defaults(), ".txt", "overwrite");
    }

    /** {@code tagline tag --tagger quality}'s job over the same models the Spark job loads (its JVM holder). */
    @SuppressWarnings("unchecked")
    private static dev.tagline.core.batch.BatchJob<Object, Object> cliQualityJob(TagSpec spec) {
        return (dev.tagline.core.batch.BatchJob<Object, Object>) JvmJobs.get(spec, null).job().newJob();
    }

    private static double[] measure(Runnable run) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        run.run();
        return new double[] {(System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9};
    }

    /** Photo-like JPEGs (smooth gradients with noise, so the decoder does real work) of mixed sizes; kept between runs. */
    static Path generate(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(11);
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve(String.format("%05d.jpg", i));
            if (Files.exists(file)) {
                continue;
            }
            int[] size = SIZES[i % SIZES.length];
            BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
            byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int p = 0; p < px.length; p++) {
                int x = (p / 3) % size[0];
                px[p] = (byte) ((x * (p % 3 + 1) + i * 7) / 4 + random.nextInt(24));
            }
            ImageIO.write(img, "jpg", file.toFile());
        }
        return dir;
    }
}
