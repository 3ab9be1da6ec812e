package dev.tagline.images.bench;

import dev.tagline.core.batch.BatchEngine;
import dev.tagline.core.batch.BatchObserver;
import dev.tagline.core.batch.BatchSettings;
import dev.tagline.core.batch.BatchSummary;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.batch.StopSignal;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.check.CheckJob;
import dev.tagline.images.load.ImageFormat;
import dev.tagline.images.load.LoadOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Issue #3 benchmark: {@code check} over generated JPEGs of mixed sizes up to 4000×3000, against the decode floor of
 * libjpeg-turbo's {@code djpeg} over the same files, one process per core, measured in the same run. Each side runs
 * twice, alternating, and the faster run counts (files are in the page cache for both). CPU seconds are reported too:
 * on a shared machine they are steadier than wall time.
 *
 * <p>Run: {@code ./mvnw -q -pl tagline-images -am test-compile} then
 * {@code java -cp <test classpath> dev.tagline.images.bench.CheckBench /tmp/bench 2000}.
 */
public final class CheckBench {
    /** Mixed sizes, from phone thumbnails to 12 MP photos. */
    static final int[][] SIZES = {{640, 480}, {1024, 768}, {1280, 960}, {1920, 1080}, {2048, 1536},
        {3000, 2000}, {4000, 3000}};

    private CheckBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/tagline-bench");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int cores = Runtime.getRuntime().availableProcessors();
        generate(dir, count, cores);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf("machine: %d cores, %s, Java %s%n", cores, cpuModel(), System.getProperty("java.version"));
        System.out.printf("data: %d JPEGs, %.0f MiB%n", files.size(), bytes / 1048576.0);
        double[] floor = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] check = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round < 2; round++) {
            double[] f = djpeg(files, cores);
            double[] c = check(dir, cores);
            System.out.printf("round %d: djpeg floor %.1f s wall / %.1f s CPU, check %.1f s wall / %.1f s CPU%n",
                    round + 1, f[0], f[1], c[0], c[1]);
            floor = f[0] < floor[0] ? f : floor;
            check = c[0] < check[0] ? c : check;
        }
        System.out.printf("djpeg floor: %.1f s wall (%.1f img/s), %.1f s CPU%n", floor[0], files.size() / floor[0],
                floor[1]);
        System.out.printf("check:       %.1f s wall (%.1f img/s), %.1f s CPU%n", check[0], files.size() / check[0],
                check[1]);
        System.out.printf("ratio check / floor: %.2fx wall, %.2fx CPU%n", check[0] / floor[0], check[1] / floor[1]);
    }

    /** Wall and CPU seconds of a full check (CPU of the whole JVM: decoding, hashing, GC, JIT). */
    static double[] check(Path dir, int cores) {
        ScanOptions scan = ScanOptions.of(ImageFormat.EXTENSIONS, Set.of());
        BatchSettings settings = BatchSettings.defaults(scan).withWorkers(cores).withRestart(true);
        AtomicInteger problems = new AtomicInteger();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        BatchSummary s = new BatchEngine(settings, Progress.Factory.NONE, new StopSignal(), BatchObserver.NONE)
                .run(dir, new CheckJob(LoadOptions.DEFAULTS, r -> problems.incrementAndGet()));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (problems.get() > 0 || s.failed() > 0) {
            throw new IllegalStateException(problems.get() + " files were not ok: the benchmark data is broken");
        }
        return new double[] {seconds, (os.getProcessCpuTime() - cpu) / 1e9};
    }

    /**
     * The decode floor: one shell loop per core, each running {@code djpeg} over its share of the files; returns wall
     * seconds and the CPU seconds (user + system) of all djpeg processes, as bash's {@code time} reports them.
     */
    static double[] djpeg(List<Path> files, int cores) throws Exception {
        String loop = "TIMEFORMAT='%3U %3S'; time (for f in \"$@\"; do djpeg -outfile /dev/null \"$f\" || exit 3;"
                + " done)";
        List<Process> shells = new java.util.ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < cores; c++) {
            List<String> cmd = new java.util.ArrayList<>(List.of("bash", "-c", loop, "bash"));
            for (int i = c; i < files.size(); i += cores) {
                cmd.add(files.get(i).toString());
            }
            shells.add(new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        double cpu = 0;
        for (Process p : shells) {
            String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("djpeg failed (install libjpeg-turbo-progs): " + err);
            }
            String[] t = err.strip().lines().reduce((a, b) -> b).orElse("0 0").split(" ");
            cpu += Double.parseDouble(t[0]) + Double.parseDouble(t[1]);
        }
        return new double[] {(System.nanoTime() - start) / 1e9, cpu};
    }

    static void generate(Path dir, int count, int cores) throws Exception {
        Files.createDirectories(dir);
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            List<Future<?>> jobs = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Path file = dir.resolve(String.format("img%05d.jpg", n));
                if (!Files.exists(file)) {
                    jobs.add(pool.submit(() -> {
                        ImageIO.write(photo(n), "jpg", file.toFile());
                        return null;
                    }));
                }
            }
            for (Future<?> j : jobs) {
                j.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** A photo-like picture: gradients, shapes and sensor-like noise, so the JPEG has realistic entropy. */
    static BufferedImage photo(int n) throws IOException {
        Random random = new Random(n);
        int[] size = SIZES[random.nextInt(SIZES.length)];
        BufferedImage img = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(random.nextInt()), size[0], size[1],
                new Color(random.nextInt())));
        g.fillRect(0, 0, size[0], size[1]);
        for (int k = 0; k < 30; k++) {
            g.setColor(new Color(random.nextInt()));
            g.fillOval(random.nextInt(size[0]), random.nextInt(size[1]), 50 + random.nextInt(size[0] / 2),
                    50 + random.nextInt(size[1] / 2));
        }
        g.dispose();
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, (px[i] & 0xff) + random.nextInt(41) - 20));
        }
        return img;
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
