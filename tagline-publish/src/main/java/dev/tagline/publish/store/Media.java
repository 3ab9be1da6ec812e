package dev.tagline.publish.store;

import dev.tagline.core.manifest.ClipManifest;
import java.nio.file.Path;
import java.time.Duration;

/** A rendered clip known to the publisher: its {@code clip.json}, video file and fingerprint. */
public record Media(long id, Path manifestPath, Path videoPath, ClipManifest manifest, long sizeBytes, String sha256) {
    public double score() {
        return manifest.score();
    }

    public Duration duration() {
        return Duration.ofMillis(Math.round(manifest.durationSeconds() * 1000));
    }

    /** This clip with the video's size and SHA-256 as a post sent it (the file may have changed since). */
    public Media withVideo(long bytes, String sha) {
        return new Media(id, manifestPath, videoPath, manifest, bytes, sha);
    }
}
