package dev.tagline.images.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link CheckActions} moves and deletes with a bad image, and what it leaves to the image of its stem that stays. */
class CheckActionsTest {
    private static final LoadOptions LOAD = new LoadOptions(178_956_970L, 256, 0xFFFFFF);

    @TempDir
    Path work;

    private static byte[] image(int w, int h, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(1, 1, w * 31 + h);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private record Run(CheckSummary summary, List<String> lines, CheckJob job) {
    }

    private static Run check(Path dir, CheckPolicy policy, CheckActions.Deletion deletion) {
        CheckJob job = new CheckJob(LOAD, r -> { });
        BatchSummary batch = new BatchEngine(BatchSettings.defaults(ScanOptions.of(ImageFormat.EXTENSIONS,
                ImageFormat.COMPANIONS)), Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE).run(dir, job);
        List<String> lines = new ArrayList<>();
        CheckSummary summary = new CheckActions(dir, policy, new ImageLoader(LOAD), lines::add)
                .apply(batch.journal(), null, deletion, job.warnings());
        return new Run(summary, lines, job);
    }

    /** dogfood round 7, J1: a duplicate {@code obama.png} took the caption, tags and mask of the kept obama.jpg. */
    @Test
    void aQuarantinedDuplicateTookTheSidecarsAndMaskOfTheImageKept() throws IOException {
        Path dir = Files.createDirectories(work.resolve("10_ohwx man"));
        Files.write(dir.resolve("obama.jpg"), image(300, 300, "jpg"));
        Files.write(dir.resolve("obama.png"), Files.readAllBytes(dir.resolve("obama.jpg")));
        Files.writeString(dir.resolve("obama.txt"), "ohwx man, suit");
        Files.writeString(dir.resolve("obama.caption"), "ohwx man in a suit");
        Files.writeString(dir.resolve("obama.wd14"), "suit");
        Files.write(dir.resolve("obama-masklabel.png"), image(300, 300, "png"));
        Path quarantine = work.resolve("q");
        Run run = check(dir, new CheckPolicy(quarantine, false, false, false, List.of(".wd14")),
                CheckActions.Deletion.CONFIRMED);
        assertTrue(Files.exists(quarantine.resolve("obama.png")));
        for (String stays : List.of("obama.jpg", "obama.txt", "obama.caption", "obama.wd14", "obama-masklabel.png")) {
            assertTrue(Files.exists(dir.resolve(stays)), stays + ": " + run.lines());
        }
        assertEquals(List.of("moved obama.png to " + quarantine.resolve("obama.png") + " (obama.txt, obama.caption,"
                + " obama.wd14, obama-masklabel.png stay with obama.jpg)"), run.lines());
        assertEquals(List.of("obama.png"), run.summary().setAside());
        assertEquals(0, run.summary().warnings(), "obama.jpg shares no sidecar now");
    }

    /** J1 with a corrupt twin and {@code --delete-corrupt}: the good face.jpg keeps face.txt. */
    @Test
    void aDeletedCorruptTwinTookTheSidecarOfTheGoodImage() throws IOException {
        Files.write(work.resolve("face.jpg"), image(300, 300, "jpg"));
        byte[] webp = image(300, 300, "png");
        Files.write(work.resolve("face.png"), java.util.Arrays.copyOf(webp, webp.length / 2));
        Files.writeString(work.resolve("face.txt"), "a face");
        Run run = check(work, new CheckPolicy(null, true, false, false), CheckActions.Deletion.CONFIRMED);
        assertFalse(Files.exists(work.resolve("face.png")));
        assertTrue(Files.exists(work.resolve("face.txt")), run.lines().toString());
        assertEquals(List.of("deleted face.png (face.txt stays with face.jpg)"), run.lines());
    }

    /** When every image of a stem goes, its sidecars go with the first, each named, once even in a dry run. */
    @Test
    void whenBothImagesOfAStemGoTheirSidecarGoesAndIsNamedOnce() throws IOException {
        Files.write(work.resolve("big.jpg"), image(300, 300, "jpg"));
        Files.write(work.resolve("tiny.png"), image(64, 64, "png"));
        Files.write(work.resolve("tiny.jpg"), new byte[0]);
        Files.writeString(work.resolve("tiny.txt"), "tiny");
        Path quarantine = work.resolve("q");
        Run dry = check(work, new CheckPolicy(quarantine, false, true, false), CheckActions.Deletion.CONFIRMED);
        assertEquals(1, dry.lines().stream().filter(l -> l.contains("tiny.txt (sidecar)")).count(), dry.lines()
                .toString());
        Run run = check(work, new CheckPolicy(quarantine, false, false, false), CheckActions.Deletion.CONFIRMED);
        assertTrue(Files.exists(quarantine.resolve("tiny.txt")));
        assertTrue(run.lines().contains("moved tiny.txt (sidecar) to " + quarantine.resolve("tiny.txt")),
                run.lines().toString());
    }
}
