package dev.tagline.images.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.Journal;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dogfood round 8, K3: {@code caption} through a server kept every answer of its batch (2 × {@code --concurrency}
 * requests) in memory until the slowest was back, whatever {@code --chunk} said, so a {@code kill -9} lost answers
 * that had come back seconds earlier; and after SIGTERM it still sent the batch's requests not yet begun. Against the
 * fake server, holding some answers back.
 */
class CaptionAnswersAsTheyArriveIT {
    private static final int IMAGES = 8;
    private static final int CONCURRENCY = 4;

    @TempDir
    Path dir;

    @Test
    void aPaidAnswerWaitedForItsWholeBatch_nowItIsWrittenAndJournaledAsItArrives() throws Exception {
        images();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        try (FakeOpenAiServer server = FakeOpenAiServer.start().answers(call -> {
            if (calls.incrementAndGet() > 2) { // the first two answer at once, the rest are held
                await(release);
            }
            return "A black picture with white dots.";
        }); OpenAiCaptioner captioner = captioner(server)) {
            CaptionJob job = job(captioner);
            BatchSettings settings = settings().withChunk(1);
            StopSignal stop = new StopSignal();
            CompletableFuture<BatchSummary> run = CompletableFuture.supplyAsync(() -> new BatchEngine(settings,
                    Progress.Factory.NONE, stop, BatchObserver.NONE).run(dir, job));
            Path journal = Journal.file(dir, job.name(), job.fingerprint(), settings.shard());
            boolean early = waitFor(() -> captions() == 2 && journaled(journal) == 2);
            int heldBack = CONCURRENCY - 2;
            boolean stillHeld = release.getCount() == 1 && calls.get() >= 2 + heldBack;
            release.countDown();
            BatchSummary summary = run.get(30, TimeUnit.SECONDS);
            assertTrue(early, "the two answers back were written and journaled while the others were held: "
                    + captions() + " captions, " + journaled(journal) + " journaled");
            assertTrue(stillHeld, "the other requests were in flight meanwhile");
            assertEquals(IMAGES, summary.done());
            assertEquals(IMAGES, captions());
            assertEquals(IMAGES, journaled(journal));
            assertEquals(IMAGES, calls.get(), "no image was asked twice");
        }
    }

    @Test
    void aSigtermStartedTheBatchsOtherRequests_nowNoneStartsAndTheAnswersInFlightAreWritten() throws Exception {
        images();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        try (FakeOpenAiServer server = FakeOpenAiServer.start().answers(call -> {
            calls.incrementAndGet();
            await(release);
            return "A black picture with white dots.";
        }); OpenAiCaptioner captioner = captioner(server)) {
            CaptionJob job = job(captioner);
            BatchSettings settings = settings();
            StopSignal stop = new StopSignal();
            CompletableFuture<BatchSummary> run = CompletableFuture.supplyAsync(() -> new BatchEngine(settings,
                    Progress.Factory.NONE, stop, BatchObserver.NONE).run(dir, job));
            assertTrue(waitFor(() -> calls.get() == CONCURRENCY), "the first requests were sent");
            stop.requestSoon(); // SIGTERM
            release.countDown();
            BatchSummary summary = run.get(30, TimeUnit.SECONDS);
            Path journal = Journal.file(dir, job.name(), job.fingerprint(), settings.shard());
            assertEquals(CONCURRENCY, calls.get(), "no request was started after the signal");
            assertTrue(summary.stopped());
            assertEquals(CONCURRENCY, summary.done());
            assertEquals(CONCURRENCY, captions(), "the answers in flight were written");
            assertEquals(CONCURRENCY, journaled(journal));
        }
    }

    private void images() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < IMAGES; i++) {
            image.setRGB(i, i, 0xFFFFFF);
            ImageIO.write(image, "jpg", dir.resolve(String.format(Locale.ROOT, "img%02d.jpg", i)).toFile());
        }
    }

    private static OpenAiCaptioner captioner(FakeOpenAiServer server) {
        return new OpenAiCaptioner(new ChatClient(OpenAiEndpoint.of(server.baseUrl(), null), Duration.ofSeconds(30)),
                "vlm", CONCURRENCY, OpenAiCaptioner.DEFAULT_MAX_SIDE, true);
    }

    private static CaptionJob job(OpenAiCaptioner captioner) {
        CaptionRequest request = new CaptionRequest(PromptTemplate.parse("Describe {name}."), Optional.empty(),
                GenerationSettings.VLM);
        return new CaptionJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), List.of(), TagRules.defaults(),
                captioner, request, Optional.empty(), CaptionCleanup.DEFAULTS, 0,
                new CaptionJob.Outputs(SidecarSettings.captions(), SidecarSettings.tags(), false), "test");
    }

    private static BatchSettings settings() {
        return BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS, Set.of()));
    }

    private long captions() {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".caption")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long journaled(Path journal) {
        long[] n = {0};
        Journal.replay(journal, e -> n[0]++);
        return n[0];
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
