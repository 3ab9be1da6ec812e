package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar holds the classes just compiled, not those of an earlier build: once, a rebuild without
 * {@code clean} shaded the previous {@code tagline.jar} back into itself, and its stale classes won over the new ones.
 */
class ShadedJarIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("tagline-core", "tagline-inference", "tagline-images",
            "tagline-video", "tagline-publish", "tagline-app");

    @Test
    void everyClassOfEveryModuleIsTheOneJustCompiled() throws IOException {
        List<String> stale = new ArrayList<>();
        int compared = 0;
        try (ZipFile jar = new ZipFile(ROOT.resolve("tagline-app/target/tagline.jar").toFile())) {
            for (String module : MODULES) {
                Path classes = ROOT.resolve(module).resolve("target/classes");
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String name = classes.relativize(file).toString().replace('\\', '/');
                        ZipEntry entry = jar.getEntry(name);
                        byte[] packed;
                        try (InputStream in = entry == null ? null : jar.getInputStream(entry)) {
                            packed = in == null ? null : in.readAllBytes();
                        }
                        if (!Arrays.equals(packed, Files.readAllBytes(file))) {
                            stale.add(module + ": " + name + (packed == null ? " (missing)" : ""));
                        }
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 500, "compared only " + compared + " classes");
        assertTrue(stale.isEmpty(), stale.size() + " classes in tagline.jar differ from target/classes: "
                + stale.subList(0, Math.min(10, stale.size())));
    }
}
