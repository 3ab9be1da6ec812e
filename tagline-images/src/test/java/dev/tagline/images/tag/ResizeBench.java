package dev.tagline.images.tag;

import dev.tagline.core.RgbImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

/**
 * Issue 4: the WD resize alone ({@link PilResample#resize}, pad to a white square, bicubic to 448), thread CPU per
 * image, warm, on TagBench's three shapes (640×480, 480×640, 512×512), against {@link PilResampleReference} (the
 * implementation before the transposed horizontal pass) in the same JVM, alternating. Checks the outputs are equal.
 * With {@code tensor}, times the whole WD input instead (resize and BGR bytes, widened to floats here).
 * {@code java -cp <tagline-images test classpath> dev.tagline.images.tag.ResizeBench [rounds] [imagesPerRound]
 * [tensor]}.
 */
public final class ResizeBench {
    private ResizeBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        boolean tensor = args.length > 2 && args[2].equals("tensor");
        int[][] shapes = {{640, 480}, {480, 640}, {512, 512}};
        RgbImage[] images = new RgbImage[shapes.length];
        Random random = new Random(4);
        for (int i = 0; i < shapes.length; i++) {
            byte[] px = new byte[shapes[i][0] * shapes[i][1] * 3];
            random.nextBytes(px);
            images[i] = new RgbImage(shapes[i][0], shapes[i][1], px);
            if (!Arrays.equals(wd(images[i], false), wd(images[i], true))) {
                throw new IllegalStateException("outputs differ on " + images[i]);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // -Donly: the new implementation alone (for a profiler)
        boolean[] which = System.getProperty("only") != null ? new boolean[] {false} : new boolean[] {true, false};
        for (int round = 0; round <= rounds; round++) {
            for (boolean reference : which) {
                StringBuilder shapesText = new StringBuilder();
                long all = 0;
                long sink = 0;
                for (RgbImage image : images) {
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < perRound / images.length; i++) {
                        sink += tensor ? (long) tensor(image, reference)[i] : wd(image, reference)[i];
                    }
                    long spent = threads.getCurrentThreadCpuTime() - start;
                    all += spent;
                    shapesText.append(String.format(" %dx%d %.3f", image.width(), image.height(),
                            spent / 1e6 / (perRound / images.length)));
                }
                System.out.printf("%s %-6s %-6s %.3f ms CPU per image (%s) (%d)%n",
                        round == 0 ? "warm-up" : "round " + round, tensor ? "tensor" : "resize",
                        reference ? "before" : "after", all / 1e6 / (perRound / images.length * images.length),
                        shapesText.toString().trim(), sink);
            }
        }
    }

    /** The WD input tensor: before, the reference's bytes turned into BGR floats as WdTranslator once did. */
    private static float[] tensor(RgbImage image, boolean reference) {
        if (!reference) {
            return WdTranslatorTest.widen(WdTranslator.tensor(image, 448));
        }
        return WdTranslatorTest.expected(image, 448);
    }

    private static byte[] wd(RgbImage image, boolean reference) {
        int side = Math.max(image.width(), image.height());
        int left = (side - image.width()) / 2;
        int top = (side - image.height()) / 2;
        return reference
                ? PilResampleReference.resize(image, side, side, left, top, 0xFFFFFF, 448, 448,
                        PilResample.Filter.BICUBIC)
                : PilResample.resize(image, side, side, left, top, 0xFFFFFF, 448, 448, PilResample.Filter.BICUBIC);
    }
}
