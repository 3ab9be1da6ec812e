package dev.tagline.video.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.ocr.OcrSettings;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import dev.tagline.video.TestMedia;
import dev.tagline.video.TextAccuracy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The title of a reading from the real PaddleOCR boxes: a slide as the finder's pass sees it (256 px wide), with a
 * short title set big over a longer subtitle and a command set small.
 */
class PaddleScreenTextIT {
    private static VideoFrame slide() {
        BufferedImage image = new BufferedImage(256, 144, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 256, 144);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        g.drawString("Git branching", 12, 36);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("Create, switch and merge branches", 12, 72);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
        g.drawString("git switch -c feature", 12, 100);
        g.dispose();
        byte[] rgb = new byte[256 * 144 * 3];
        for (int y = 0, i = 0; y < 144; y++) {
            for (int x = 0; x < 256; x++, i += 3) {
                int p = image.getRGB(x, y);
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return new VideoFrame(0, Duration.ZERO, 256, 144, rgb);
    }

    static final String MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    static final String SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static final List<String> CODE = List.of("import json", "def load(path):", "with open(path) as f:",
            "return json.load(f)", "data = load(\"config.json\")", "print(data[\"name\"])");

    /**
     * A 1080p editor frame (16 px code in DejaVu Sans Mono, as FFmpeg's drawtext sets it) as the finder takes it from
     * the source, scaled to {@code width} with {@code area}.
     */
    private static VideoFrame editor(Path dir, int width) throws IOException {
        assumeTrue(Files.isRegularFile(Path.of(MONO)),
                "skipped: " + MONO + " is missing (apt-get install fonts-dejavu-core)");
        StringBuilder vf = new StringBuilder("color=c=0x1e1e1e:s=1920x1080:d=1");
        for (int i = 0; i < CODE.size(); i++) {
            vf.append(",drawtext=fontfile=").append(MONO).append(":text='").append(CODE.get(i).replace(":", "\\:"))
                    .append("':fontsize=16:fontcolor=0xd4d4d4:x=120:y=").append(220 + 24 * i);
        }
        Path png = TestMedia.make(TestMedia.ffmpeg(), dir.resolve("editor" + width + ".png"), "-f", "lavfi", "-i",
                vf.toString(), "-vf", "scale=" + width + ":-2:flags=area", "-frames:v", "1");
        BufferedImage image = ImageIO.read(png.toFile());
        byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
        for (int y = 0, i = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++, i += 3) {
                int p = image.getRGB(x, y);
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return new VideoFrame(0, Duration.ZERO, image.getWidth(), image.getHeight(), rgb);
    }

    /**
     * {@code clips find --sharp-text} reads the clips' frames at {@link PaddleScreenText#SHARP_WIDTH}, the detector at
     * {@link PaddleScreenText#SHARP_DET_MAX_SIDE}: a screencast's code comes out nearly whole (99 % of its characters
     * in the benchmark). At the default 768 px with the detector at 576, about half of it does (docs/benchmarks.md,
     * issue 7, session 10).
     */
    @Test
    void withSharpTextAScreencastsCodeIsReadNearlyWhole(@TempDir Path dir) throws IOException {
        BuiltinModels models = TestModels.builtins(BuiltinModels.OCR);
        PaddleScreenText sharpReader = new PaddleScreenText(models.textReader(OcrSettings.DEFAULTS.withDetMaxSide(
                PaddleScreenText.SHARP_DET_MAX_SIDE)), PaddleScreenText.SHARP_WIDTH);
        assertEquals(PaddleScreenText.SHARP_WIDTH, sharpReader.readWidth(), "frames are taken at the reader's width");
        List<String> sharp = sharpReader.read(editor(dir, PaddleScreenText.SHARP_WIDTH));
        assertTrue(TextAccuracy.characters(CODE, sharp) >= 0.95, "the code read: " + sharp);
        List<String> small = new PaddleScreenText(models.textReader(OcrSettings.DEFAULTS.withDetMaxSide(
                PaddleScreenText.DET_MAX_SIDE))).read(editor(dir, PaddleScreenText.READ_WIDTH));
        assertTrue(TextAccuracy.characters(CODE, small) <= 0.75, "at the default size: " + small);
    }

    /**
     * A 1280×720 frame as the pass takes it (256 px wide, {@code fast_bilinear}): {@code lines} lines of
     * {@code size} px {@code font}, {@code size} + 12 px apart from y 40 (as far as the frame goes).
     */
    private static VideoFrame passFrame(Path dir, String name, String font, List<String> lines, int size)
            throws IOException {
        assumeTrue(Files.isRegularFile(Path.of(font)),
                "skipped: " + font + " is missing (apt-get install fonts-dejavu-core)");
        StringBuilder vf = new StringBuilder("color=c=0x1e1e1e:s=1280x720:d=1");
        for (int i = 0; i < lines.size(); i++) {
            Path text = Files.writeString(dir.resolve(name + i + ".txt"), lines.get(i));
            vf.append(",drawtext=fontfile=").append(font).append(":textfile=").append(text).append(":fontsize=")
                    .append(size).append(":fontcolor=0xd4d4d4:x=240:y=").append(40 + (size + 12) * i);
        }
        Path raw = TestMedia.make(TestMedia.ffmpeg(), dir.resolve(name + ".rgb"), "-f", "lavfi", "-i",
                vf.toString(), "-vf", "scale=256:144:flags=fast_bilinear", "-frames:v", "1", "-pix_fmt", "rgb24",
                "-f", "rawvideo");
        return new VideoFrame(0, Duration.ZERO, 256, 144, Files.readAllBytes(raw));
    }

    /**
     * The pass read a full editor's code from its 256 px frames: 30–36 boxes found, every one recognised, none legible,
     * 1.4 s of CPU a reading (docs/benchmarks.md, issue 7, "screen text on a full editor"). Lines too low to read in
     * the pass's frame are now not recognised (here 16 px code: 19 garbled lines came back); a slide's 34 px line
     * still is.
     */
    @Test
    void thePassRecognisedEveryGarbledLineOfAFullEditor_nowLinesTooSmallToReadInItsFrameAreSkipped(@TempDir Path dir)
            throws IOException {
        BuiltinModels models = TestModels.builtins(BuiltinModels.OCR);
        PaddleScreenText pass = new PaddleScreenText(models.textReader(OcrSettings.DEFAULTS.withDetMaxSide(
                PaddleScreenText.DET_MAX_SIDE)));
        List<String> code = new java.util.ArrayList<>();
        for (int i = 0; i < 22; i++) {
            code.add(CODE.get(i % CODE.size()) + "  # step " + i + " of the handler, retries=" + (i + 3));
        }
        List<String> editor = pass.read(passFrame(dir, "editor", MONO, code, 16));
        assertEquals(List.of(), editor, "nothing recognised in 3 px letters");
        List<String> slide = pass.read(passFrame(dir, "slide", SANS, List.of("Create, switch and merge branches"),
                34));
        assertTrue(TextAccuracy.characters(List.of("Create, switch and merge branches"), slide) >= 0.5,
                "a 34 px line is still read: " + slide);
    }

    @Test
    void theBigLineIsTheTitleThoughTheSubtitleHasMoreWords() {
        BuiltinModels models = TestModels.builtins(BuiltinModels.OCR);
        ScreenTextReader.Reading reading = new PaddleScreenText(models.textReader(OcrSettings.DEFAULTS))
                .readWithTitle(slide());
        assertEquals(3, reading.lines().size(), reading.toString());
        assertTrue(reading.title() >= 0, "a title: " + reading);
        String title = reading.lines().get(reading.title()).toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        assertEquals("gitbranching", title, reading.toString());
    }
}
