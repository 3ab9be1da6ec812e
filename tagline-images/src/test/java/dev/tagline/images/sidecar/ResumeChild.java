package dev.tagline.images.sidecar;

import dev.tagline.core.RgbImage;
import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A tagging run as {@code tag} will do it, in its own JVM so that a test can kill it with SIGKILL: images are loaded
 * by the real loader, a fake model (a few ms per image) "tags" them from their pixels, sidecars go through the real
 * writer, and every write is logged to count how often each item was done. Args: DIR LOG CHUNK.
 */
public final class ResumeChild {
    private ResumeChild() {
    }

    static String tagsFor(RgbImage img) {
        return "w" + img.width() + ", h" + img.height() + ", rgb" + Integer.toHexString(img.rgb(0, 0));
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int chunk = Integer.parseInt(args[2]);
        ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));
        SidecarWriter writer = new SidecarWriter(SidecarSettings.tags().withExisting(SidecarSettings.Existing.OVERWRITE));
        try (FileOutputStream log = new FileOutputStream(args[1], true)) {
            BatchJob<RgbImage, String> job = new BatchJob<>() {
                @Override
                public String name() {
                    return "fake-tag";
                }

                @Override
                public String fingerprint() {
                    return "fake tagger v1";
                }

                @Override
                public int batchSize() {
                    return 8;
                }

                @Override
                public RgbImage prepare(ScanEntry entry) {
                    return loader.read(entry.path());
                }

                @Override
                public List<String> run(List<RgbImage> batch) {
                    try {
                        Thread.sleep(4L * batch.size());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return batch.stream().map(ResumeChild::tagsFor).toList();
                }

                @Override
                public String write(ScanEntry entry, String tags) {
                    writer.write(entry.path(), tags);
                    try {
                        log.write((entry.key() + "\n").getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return tags;
                }
            };
            ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, Set.of("txt"));
            new BatchEngine(BatchSettings.defaults(scan).withChunk(chunk).withWorkers(2), Progress.Factory.NONE,
                    new StopSignal(), BatchObserver.NONE).run(dir, job);
        }
    }
}
