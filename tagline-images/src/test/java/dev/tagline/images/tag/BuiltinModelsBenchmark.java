package dev.tagline.images.tag;

import dev.tagline.inference.TestModels;
import dev.tagline.inference.faces.FaceDetector;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.inference.ocr.OcrSettings;
import dev.tagline.inference.ocr.TextReader;
import dev.tagline.inference.speech.SpeechDetector;
import dev.tagline.inference.speech.SpeechSettings;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Issue 5 benchmark: ms per 1024×768 image for faces, OCR and the whole quality tagger, and the VAD real-time factor.
 * Run from the repository root (see docs/benchmarks.md); pass the shared photos folder as the first argument to mix
 * real photos into the image set.
 */
public final class BuiltinModelsBenchmark {
    private BuiltinModelsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<BufferedImage> images = images(args.length > 0 ? Path.of(args[0]) : null);
        System.out.printf(Locale.ROOT, "cores %d, %d images at 1024x768%n", Runtime.getRuntime().availableProcessors(),
                images.size());
        FaceDetector faces = TestModels.faces(FaceSettings.DEFAULTS);
        FaceDetector shortRange = TestModels.faces(FaceSettings.DEFAULTS.withModel(FaceSettings.Model.SHORT_RANGE));
        TextReader ocr960 = TestModels.textReader(OcrSettings.DEFAULTS);
        TextReader ocr640 = TestModels.textReader(OcrSettings.DEFAULTS.withDetMaxSide(640));
        TextReader ocrTagger = TestModels.textReader(QualitySettings.DEFAULTS.ocrSettings());
        report("faces, full range 256", images, faces::detect);
        report("faces, short range 128", images, shortRange::detect);
        report("OCR read, det 960 (PaddleOCR default)", images, ocr960::read);
        report("OCR read, det 640 (quality tagger)", images, ocr640::read);
        report("OCR read, det 640, at most 6 lines", images, ocrTagger::read);
        report("OCR detect only, det 640", images, ocr640::detect);
        QualityTagger tagger = new QualityTagger(faces, ocrTagger, QualitySettings.DEFAULTS);
        double ms = report("quality tagger, whole", images, img -> tagger.tag(List.of(TaggerInput.of(img))));
        System.out.printf(Locale.ROOT, "quality tagger: %.1f images/s%n", 1000 / ms);
        SpeechDetector vad = TestModels.speech(SpeechSettings.DEFAULTS);
        float[] audio = audio(120);
        vad.detect(audio); // warm-up
        long start = System.nanoTime();
        int runs = 3;
        for (int i = 0; i < runs; i++) {
            vad.detect(audio);
        }
        double seconds = (System.nanoTime() - start) / 1e9 / runs;
        System.out.printf(Locale.ROOT, "load average %.1f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "VAD: %.0f s of audio in %.2f s = %.0fx real time (%.3f ms per 32 ms chunk)%n",
                audio.length / 16000.0, seconds, audio.length / 16000.0 / seconds,
                seconds * 1000 / (audio.length / 512.0));
    }

    private static double report(String name, List<BufferedImage> images, Consumer<BufferedImage> work) {
        for (int i = 0; i < Math.min(3, images.size()); i++) {
            work.accept(images.get(i)); // warm-up
        }
        int rounds = 2;
        long cpu = cpuNanos();
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            images.forEach(work);
        }
        int n = rounds * images.size();
        double ms = (System.nanoTime() - start) / 1e6 / n;
        double cpuMs = (cpuNanos() - cpu) / 1e6 / n;
        System.out.printf(Locale.ROOT, "%-40s %7.1f ms/image wall, %7.1f ms/image CPU (all threads)%n", name, ms, cpuMs);
        return ms;
    }

    /** CPU time of the whole process, ONNX Runtime's native threads included (the machine may be shared). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Real photos cropped to 4:3 and scaled to 1024×768 when available, plus generated pictures with text. */
    static List<BufferedImage> images(Path photos) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        if (photos != null && Files.isDirectory(photos)) {
            try (var files = Files.list(photos)) {
                for (Path p : files.filter(f -> f.toString().matches(".*\\.(jpg|png)")).sorted().toList()) {
                    out.add(cover(ImageIO.read(p.toFile())));
                }
            }
        }
        Random random = new Random(1);
        String[] captions = {"Grand Opening Today", "Summer sale 50% off", "Keep calm and carry on", "Tagline 2026"};
        for (String caption : captions) {
            BufferedImage img = TestImages.busy(1024, 768);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(100, 200 + random.nextInt(300), 800, 100);
            g.setColor(Color.BLACK);
            g.setFont(new Font("DejaVu Sans", Font.BOLD, 48));
            g.drawString(caption, 130, 270 + random.nextInt(5));
            g.dispose();
            out.add(img);
        }
        return out;
    }

    private static BufferedImage cover(BufferedImage src) {
        double scale = Math.max(1024.0 / src.getWidth(), 768.0 / src.getHeight());
        BufferedImage out = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int w = (int) Math.round(src.getWidth() * scale);
        int h = (int) Math.round(src.getHeight() * scale);
        g.drawImage(src, (1024 - w) / 2, (768 - h) / 2, w, h, null);
        g.dispose();
        return out;
    }

    /** Speech-like audio: bursts of harmonics with syllable-rate envelopes, separated by quiet gaps, over noise. */
    static float[] audio(int seconds) {
        float[] pcm = new float[seconds * 16000];
        Random r = new Random(2);
        for (int i = 0; i < pcm.length; i++) {
            double t = i / 16000.0;
            boolean talking = (int) (t / 2.5) % 2 == 0;
            double env = talking ? Math.max(0, Math.sin(2 * Math.PI * 4 * t)) : 0;
            double f0 = 120 + 30 * Math.sin(2 * Math.PI * 0.5 * t);
            double v = 0;
            for (int k = 1; k <= 8; k++) {
                v += Math.sin(2 * Math.PI * f0 * k * t) / k;
            }
            pcm[i] = (float) (0.3 * env * v + r.nextGaussian() * 0.003);
        }
        return pcm;
    }
}
