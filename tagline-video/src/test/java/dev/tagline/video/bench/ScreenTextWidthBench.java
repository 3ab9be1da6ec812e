package dev.tagline.video.bench;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.ocr.OcrSettings;
import dev.tagline.inference.ocr.TextLine;
import dev.tagline.inference.ocr.TextReader;
import dev.tagline.video.TextAccuracy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * How much of a 1080p screencast's text PaddleOCR reads at the width {@code clips find} reads the kept clips' text
 * (768 px, detector at 576) and at larger widths and detector sides: a 1920×1080 frame made with FFmpeg's drawtext, an
 * editor's 16 px monospaced code under a 28 px file title and a 40 px slide-style heading, scaled with {@code area} as
 * the re-reading does; prints per setting the expected lines read exactly, the share of characters right
 * ({@link TextAccuracy}) and milliseconds per reading (median of 5, warm, the models' default threads).
 * {@code ScreenTextWidthBench [DIR]}; figures in docs/benchmarks.md, issue 7, session 10.
 */
public final class ScreenTextWidthBench {
    static final String MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    static final String BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    static final String[] HEADING = {"Reading a JSON file in Python"};
    static final String[] TITLE = {"reader.py - tutorial"};
    static final String[] CODE = {"import json", "def load(path):", "with open(path) as f:", "return json.load(f)",
        "data = load(\"config.json\")", "print(data[\"name\"])"};

    private ScreenTextWidthBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/screen-text-bench"));
        Path ffmpeg = Path.of("ffmpeg");
        List<String> lines = new ArrayList<>();
        StringBuilder vf = new StringBuilder("color=c=0x1e1e1e:s=1920x1080:d=1,");
        vf.append(text(BOLD, HEADING[0], 40, 120, 60, "white")).append(',');
        vf.append(text(MONO, TITLE[0], 28, 120, 140, "0xcccccc"));
        for (int i = 0; i < CODE.length; i++) {
            vf.append(',').append(text(MONO, CODE[i], 16, 120, 220 + 24 * i, "0xd4d4d4"));
        }
        lines.addAll(List.of(HEADING));
        lines.addAll(List.of(TITLE));
        lines.addAll(List.of(CODE));
        Path frame = dir.resolve("frame.png");
        run(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", vf.toString(),
                "-frames:v", "1", frame.toString()));
        BuiltinModels models = TestModels.builtins(BuiltinModels.OCR);
        System.out.printf(Locale.ROOT, "%d cores; %d expected lines (heading 40 px, title 28 px, code 16 px at 1080p)%n",
                Runtime.getRuntime().availableProcessors(), lines.size());
        int[][] settings = {{768, 576}, {768, 768}, {1280, 576}, {1280, 768}, {1280, 960}, {1920, 1440}};
        for (int[] s : settings) {
            Path scaled = dir.resolve("w" + s[0] + ".png");
            run(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y", "-i", frame.toString(), "-vf",
                    "scale=" + s[0] + ":-2:flags=area", scaled.toString()));
            BufferedImage image = ImageIO.read(scaled.toFile());
            TextReader reader = models.textReader(OcrSettings.DEFAULTS.withDetMaxSide(s[1]));
            List<TextLine> found = reader.read(image);
            long[] ms = new long[5];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                found = reader.read(image);
                ms[i] = (System.nanoTime() - t) / 1_000_000;
            }
            java.util.Arrays.sort(ms);
            List<String> read = found.stream().map(TextLine::text).toList();
            long exact = lines.stream().filter(read::contains).count();
            System.out.printf(Locale.ROOT, "width %4d, detector %4d: %d/%d lines exact, %.0f %% of characters,"
                    + " %d ms per reading; read %s%n", s[0], s[1], exact, lines.size(),
                    100 * TextAccuracy.characters(lines, read), ms[2], read);
        }
    }

    private static String text(String font, String text, int size, int x, int y, String colour) {
        return "drawtext=fontfile=" + font + ":text='" + text.replace(":", "\\:") + "':fontsize="
                + size + ":fontcolor=" + colour + ":x=" + x + ":y=" + y;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited " + code);
        }
    }
}
