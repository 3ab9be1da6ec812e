package dev.tagline.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3 points 1 and 9: scanning 100,000 files (in one flat folder, the worst case) through the whole engine fits a
 * 256 MiB heap. Runs in its own JVM limited to that heap, so holding all paths at once would fail it.
 */
class ScanHeapIT {
    static final int FILES = 100_000;

    @TempDir
    Path dir;

    @Test
    void hundredThousandFilesFitIn256MiB() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (int i = 0; i < FILES; i++) {
            Files.createFile(data.resolve(String.format("some-longish-dataset-name-%06d.jpg", i)));
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ScanHeapProbe.class.getName(), data.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("items (\\d+), peak heap ([\\d.]+) MiB").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(FILES, Integer.parseInt(m.group(1)));
        System.out.println("ScanHeapIT: " + out.strip());
        assertTrue(Double.parseDouble(m.group(2)) < 256, out);
    }
}
