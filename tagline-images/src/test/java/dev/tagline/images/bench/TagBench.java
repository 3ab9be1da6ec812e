package dev.tagline.images.bench;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchJob;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.caption.CaptionCleanup;
import dev.tagline.images.caption.CaptionJob;
import dev.tagline.images.caption.CaptionRequest;
import dev.tagline.images.caption.GenerationSettings;
import dev.tagline.images.caption.PromptTemplate;
import dev.tagline.images.caption.TagComposer;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.sidecar.SidecarWriter;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.TagJob;
import dev.tagline.images.tag.TagRules;
import dev.tagline.images.tag.WdTagger;
import dev.tagline.inference.onnx.OnnxModel;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.onnx.ThreadPriority;
import dev.tagline.testkit.onnx.Attr;
import dev.tagline.testkit.onnx.ElementType;
import dev.tagline.testkit.onnx.OnnxGraphBuilder;
import dev.tagline.testkit.onnx.TensorValue;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Issue 4 benchmark: {@code tag} throughput over generated images as a share of the model-only throughput of the same
 * session on pre-built tensors, measured in the same run. The synthetic WD-shaped model costs 2.4 to 5.1 GFLOP per
 * 448×448 image (the 2–5; 3.3 by default: five convolutions, 1.64 G multiply-adds) and has 10,861 outputs,
 * like wd-*-tagger-v3. {@code java -cp <tagline-images test classpath> dev.tagline.images.bench.TagBench DIR [images]
 * [batch] [rounds] [GFLOP]}; prints each round and the median ratio. {@code -Dtagbench.nice=0} runs the image-preparing
 * threads at the model's priority instead of {@code tag}'s default nice 19. {@code -Dtagbench.caption=true} runs
 * {@code caption --captioner tags} with the same tagger instead of {@code tag}.
 */
public final class TagBench {
    /** wd-*-tagger-v3 vocabulary size (captioning.md §1.2: 4 + 8,106 + 2,751). */
    static final int TAGS = 10_861;
    static final int SIZE = 448;

    private TagBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/tagbench");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int layers = layersFor(args.length > 4 ? Double.parseDouble(args[4]) : 3.3);
        int cores = Runtime.getRuntime().availableProcessors();
        Path images = dir.resolve("images");
        generate(images, count);
        Path model = writeModel(Files.createDirectories(dir.resolve("model-" + layers)), layers);
        System.out.printf("%d images in %s, %d cores (%s), batch %d, model %.2f GFLOP per image%n", count, images,
                cores, CheckBench.cpuModel(), batch, 2 * macs(layers) / 1e9);
        try (OnnxSessions sessions = new OnnxSessions(m -> System.out.println(m.describe()))) {
            OnnxModel onnx = sessions.load(model.resolve("model.onnx"), SessionConfig.defaults());
            WdTagger tagger = WdTagger.open("bench", "synthetic", onnx, model.resolve("selected_tags.csv"), batch);
            modelOnly(tagger, Math.min(count, 2 * batch)); // warm-up
            for (int i = 0; i < 2; i++) { // warm-up of the whole path: the JIT is still compiling in the second run
                tag(images, count, tagger, batch, cores);
            }
            double[] ratios = new double[rounds];
            for (int round = 1; round <= rounds; round++) {
                double[] m = modelOnly(tagger, count);
                double[] p = tag(images, count, tagger, batch, cores);
                System.out.printf("round %d: model only %.2f img/s (%.1f s, %.1f s CPU); tag %.2f img/s (%.1f s,"
                        + " %.1f s CPU); ratio %.3f%n", round, count / m[0], m[0], m[1], count / p[0], p[0], p[1],
                        m[0] / p[0]);
                ratios[round - 1] = m[0] / p[0];
            }
            java.util.Arrays.sort(ratios);
            System.out.printf("median ratio %.3f (%.3f-%.3f over %d rounds)%n", ratios[rounds / 2], ratios[0],
                    ratios[rounds - 1], rounds);
        }
    }

    /** Photo-like JPEGs (CheckBench.photo) at the sizes of a small-resolution dataset: 640×480, 480×640, 512×512. */
    static void generate(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        int[][] sizes = {{640, 480}, {480, 640}, {512, 512}};
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve(String.format("img%05d.jpg", i));
            if (!Files.exists(file)) {
                java.awt.image.BufferedImage big = CheckBench.photo(i);
                int[] s = sizes[i % sizes.length];
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(s[0], s[1],
                        java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
                img.getGraphics().drawImage(big, 0, 0, s[0], s[1], null);
                javax.imageio.ImageIO.write(img, "jpg", file.toFile());
            }
        }
    }

    /** Wall and CPU seconds to run {@code count} images through the model as ready tensors, {@code batch} at a time. */
    static double[] modelOnly(WdTagger tagger, int count) {
        Random random = new Random(1);
        List<ImageTagger.Prepared> batch = new ArrayList<>();
        for (int i = 0; i < tagger.maxBatch(); i++) {
            byte[] t = new byte[SIZE * SIZE * 3];
            random.nextBytes(t);
            batch.add(new ImageTagger.Prepared(null, t));
        }
        long[] start = clocks();
        for (int done = 0; done < count; done += batch.size()) {
            tagger.tagPrepared(batch.subList(0, Math.min(batch.size(), count - done)));
        }
        return since(start);
    }

    /**
     * Wall and CPU seconds of a full {@code tag} run (scan, decode, resize, model, rules, sidecars, journal) over the
     * first {@code count} images of the folder, which may hold more from an earlier, bigger run.
     */
    static double[] tag(Path images, int count, WdTagger tagger, int batch, int cores) {
        ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, Set.of("txt", "caption"));
        BatchSettings settings = BatchSettings.defaults(scan).withWorkers(cores).withRestart(true).withLimit(count);
        int nice = Integer.getInteger("tagbench.nice", ThreadPriority.LOWEST);
        ImageLoader loader = new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0));
        SidecarSettings tags = SidecarSettings.tags().withExisting(SidecarSettings.Existing.OVERWRITE);
        BatchJob<?, ?> job = Boolean.getBoolean("tagbench.caption")
                // caption --captioner tags --tagger: the same tagger, then a caption composed from its tags
                ? new CaptionJob(loader, List.of(tagger), TagRules.defaults(), new TagComposer(),
                        new CaptionRequest(PromptTemplate.parse("{tags}"), Optional.empty(), GenerationSettings.VLM),
                        Optional.empty(), CaptionCleanup.DEFAULTS, 0, new CaptionJob.Outputs(SidecarSettings.captions()
                                .withExisting(SidecarSettings.Existing.OVERWRITE), tags, false), "bench", nice)
                : new TagJob(loader, List.of(tagger), TagRules.defaults(), new SidecarWriter(tags), batch, "bench",
                        nice);
        long[] start = clocks();
        BatchSummary s = new BatchEngine(settings, Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE)
                .run(images, job);
        if (s.done() != count) {
            throw new IllegalStateException(s.done() + " images tagged, not " + count);
        }
        if (s.failed() > 0) {
            throw new IllegalStateException(s.failed() + " images failed: the benchmark data is broken");
        }
        return since(start);
    }

    private static long[] clocks() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new long[] {System.nanoTime(), os.getProcessCpuTime()};
    }

    private static double[] since(long[] start) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new double[] {(System.nanoTime() - start[0]) / 1e9, (os.getProcessCpuTime() - start[1]) / 1e9};
    }

    /** 0 for the first 40 outputs (4 ratings, 36 general tags), -20 for the rest. */
    static float[] bias() {
        float[] b = new float[TAGS];
        java.util.Arrays.fill(b, 40, TAGS, -20f);
        return b;
    }

    /** Multiply-adds per image with {@code layers} 64→64 convolutions (see {@link #writeModel}). */
    static double macs(int layers) {
        return 19.3e6 + 231.2e6 + layers * 462.4e6;
    }

    /**
     * The number of 64→64 convolutions that comes nearest to {@code gflop}: 2 to 5 of them give the 2.4 to 5.1
     * GFLOP; more, up to 100, show the ratio with a model nearer the real taggers' cost.
     */
    static int layersFor(double gflop) {
        int best = 2;
        for (int k = 2; k <= 100; k++) {
            best = Math.abs(2 * macs(k) / 1e9 - gflop) < Math.abs(2 * macs(best) / 1e9 - gflop) ? k : best;
        }
        return best;
    }

    /**
     * NHWC [N,448,448,3] → NCHW → conv 4×4/4 (3→32) → conv 3×3 (32→64) → {@code layers} × conv 3×3 (64→64), ReLU
     * between → mean over H, W → [N,64] × [64,10861] + bias → sigmoid. Multiply-adds per image: 19.3 M + 231 M +
     * {@code layers} × 462 M (1.64 G with the default 3).
     */
    static Path writeModel(Path dir, int layers) throws Exception {
        // the bias keeps all but the first 40 outputs near 0, so that an image gets a realistic 20-40 tags
        // instead of thousands (which would measure sidecar writing, not tagging)
        OnnxGraphBuilder g = OnnxGraphBuilder.create()
                .input("input", ElementType.FLOAT, "N", SIZE, SIZE, 3)
                .transpose("input", "nchw", 0, 3, 1, 2)
                .initializer(TensorValue.random("w1", 1, 0.01f, 32, 3, 4, 4))
                .conv("nchw", "w1", null, "c1", Attr.ints("strides", 4, 4))
                .relu("c1", "r1")
                .initializer(TensorValue.random("w2", 2, 0.05f, 64, 32, 3, 3))
                .conv("r1", "w2", null, "c2", Attr.ints("pads", 1, 1, 1, 1))
                .relu("c2", "r2");
        String last = "r2";
        for (int i = 3; i < 3 + layers; i++) {
            g.initializer(TensorValue.random("w" + i, i, 0.05f, 64, 64, 3, 3))
                    .conv(last, "w" + i, null, "c" + i, Attr.ints("pads", 1, 1, 1, 1))
                    .relu("c" + i, "r" + i);
            last = "r" + i;
        }
        g.reduceMean(last, "pooled", false, 2, 3)
                .initializer(TensorValue.random("head", 9, 0.1f, 64, TAGS))
                .matMul("pooled", "head", "scores")
                .floats("bias", bias(), TAGS)
                .add("scores", "bias", "logits")
                .sigmoid("logits", "output")
                .output("output", ElementType.FLOAT, "N", TAGS)
                .write(dir.resolve("model.onnx"));
        StringBuilder csv = new StringBuilder("tag_id,name,category,count\n");
        for (int i = 0; i < TAGS; i++) {
            csv.append(i).append(",tag_").append(i).append(',').append(i < 4 ? 9 : i < 8110 ? 0 : 4).append(",1\n");
        }
        Files.writeString(dir.resolve("selected_tags.csv"), csv);
        return dir;
    }
}
