package dev.tagline.images.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.tag.TagRules;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 benchmark: {@code tagline caption}'s whole job (decode, JPEG encode, requests, clean-up, sidecar writes) on
 * the batch engine against the fake server answering every request after a fixed delay; captions per second against
 * the ideal {@code concurrency / delay} (target at least 0.9 of it). Wall time, this JVM's CPU time (the fake server
 * runs in it too) and the load average are printed; a short warm-up run goes first (class loading, JIT). Runs only with {@code -Dtagline.bench=true}:
 * {@code ./mvnw -q -B -o verify -pl tagline-images -am -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=HttpCaptionerBenchmarkIT -Dtagline.bench=true}.
 */
class HttpCaptionerBenchmarkIT {
    static final Duration DELAY = Duration.ofMillis(250);
    /** Requests per slot: each concurrency level runs {@code ROUNDS * concurrency} images. */
    static final int ROUNDS = 24;

    @TempDir
    Path work;

    @Test
    void captionsPerSecondReachTheIdealConcurrencyOverDelay() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("tagline.bench"), "benchmark: run with -Dtagline.bench=true");
        System.out.printf(Locale.ROOT, "cores %d, delay %d ms, load average %s%n",
                Runtime.getRuntime().availableProcessors(), DELAY.toMillis(), loadAverage());
        run(4, 4, false); // warm-up: class loading and JIT, not part of a steady run
        System.out.println("| concurrency | images | wall s | CPU s | captions/s | ideal/s | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int concurrency : new int[] {1, 4, 16, 32}) {
            double ratio = run(concurrency, ROUNDS, true);
            assertTrue(ratio >= 0.9, "concurrency " + concurrency + ": " + ratio + " of the ideal");
        }
        System.out.printf(Locale.ROOT, "load average after %s%n", loadAverage());
    }

    private double run(int concurrency, int rounds, boolean print) throws IOException {
        int images = rounds * concurrency;
        Path dir = Files.createDirectories(work.resolve("c" + concurrency + "x" + rounds));
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < images; i++) {
            image.setRGB(i % 640, i % 480, 0xFFFFFF);
            ImageIO.write(image, "jpg", dir.resolve(String.format(Locale.ROOT, "img%04d.jpg", i)).toFile());
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start().delay(DELAY)
                .answers(call -> "The image shows a black picture with white dots.");
             OpenAiCaptioner captioner = new OpenAiCaptioner(new ChatClient(OpenAiEndpoint.of(server.baseUrl(), null),
                     Duration.ofSeconds(30)), "bench", concurrency, OpenAiCaptioner.DEFAULT_MAX_SIDE, true)) {
            CaptionRequest request = new CaptionRequest(PromptTemplate.parse("Describe {name}."), Optional.empty(),
                    GenerationSettings.VLM);
            CaptionJob job = new CaptionJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), List.of(),
                    TagRules.defaults(), captioner, request, Optional.empty(), CaptionCleanup.DEFAULTS, 1,
                    new CaptionJob.Outputs(SidecarSettings.captions(), SidecarSettings.tags(), false), "bench");
            BatchSettings settings = BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS, Set.of()));
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            BatchSummary summary = new BatchEngine(settings, Progress.Factory.NONE, new StopSignal(),
                    BatchObserver.NONE).run(dir, job);
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            assertEquals(images, summary.done());
            assertEquals(concurrency, server.peakInFlight());
            double rate = images / wall;
            double ideal = concurrency / (DELAY.toMillis() / 1000.0);
            if (print) {
                System.out.printf(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.1f | %.1f | **%.2f** |%n", concurrency, images,
                        wall, cpu, rate, ideal, rate / ideal);
            }
            return rate / ideal;
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
