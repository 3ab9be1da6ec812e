package dev.tagline.publish;

import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Writes rendered-clip folders ({@code clip.json} + a video of chosen size) for publish tests. */
public final class TestClips {
    private TestClips() {
    }

    /** A clip folder {@code dir/id} with a {@code bytes}-long pseudo-video and the given score. */
    public static Path clip(Path dir, String id, double score, int bytes) {
        Path folder = dir.resolve(id);
        try {
            Files.createDirectories(folder);
            byte[] video = new byte[bytes];
            new Random(id.hashCode()).nextBytes(video);
            Files.write(folder.resolve("clip.mp4"), video);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClipManifests.write(folder.resolve("clip.json"), ClipManifest.of(id, "clip.mp4",
                new ClipManifest.Source("talk.mp4", 10, 40), 30, 1080, 1920, score, true,
                new ClipManifest.Copy("Title of " + id, "Caption of " + id, List.of("tagline")),
                Map.of("x", new ClipManifest.Copy(null, "Short " + id, List.of()))));
        return folder;
    }

    /** As {@link #clip}, with the renderer's record: the video's SHA-256 in {@code render.sha256}, as a render writes. */
    public static Path rendered(Path dir, String id, double score, int bytes) {
        Path folder = clip(dir, id, score, bytes);
        ClipManifest m = ClipManifests.read(folder);
        String sha;
        try {
            sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(folder.resolve(m.video()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ClipManifests.write(folder.resolve("clip.json"), m.withRender(new ClipManifest.Render("9:16", List.of(),
                null, null, Map.of(m.video(), sha))));
        return folder;
    }
}
