package dev.tagline.video.render;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.video.transcript.Word;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Whether a clip folder already holds a complete, current render, so that a re-run after a stop passes it over instead
 * of rendering every finished clip again (dogfood round 8, K2): its {@code clip.json} records the same settings
 * fingerprint, and every file it lists is there with the SHA-256 it records.
 */
final class RenderedClip {
    private RenderedClip() {
    }

    /**
     * SHA-256 (hex) of what the render's files come from: the render options, the clips-file entry (span, rank, hook,
     * on-screen text …), the clip's words with their times (the captions), and the source file's size and time.
     */
    static String fingerprint(Path video, ClipCandidate clip, RenderOptions o, List<Word> words) {
        StringBuilder text = new StringBuilder("render v1\n");
        text.append(o.aspect()).append('\n').append(o.mode().map(ReframeMode::id).orElse("auto")).append('\n')
                .append(o.captions()).append('\n').append(o.style()).append('\n').append(o.fonts()).append('\n')
                .append(o.encode()).append('\n').append(clip).append('\n');
        words.forEach(w -> text.append(w.start().toMillis()).append(' ').append(w.end().toMillis()).append(' ')
                .append(w.text()).append('\n'));
        try {
            text.append(video.getFileName()).append(' ').append(Files.size(video)).append(' ')
                    .append(Files.getLastModifiedTime(video).toMillis());
        } catch (IOException e) {
            text.append(video).append(" unreadable");
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * What a clip folder holds of a render.
     *
     * @param manifest the {@code clip.json} of a render with the same settings fingerprint; null when there is none
     * @param changed the first file it lists that is missing or no longer matches its SHA-256, as a line for the
     *     user ({@code talk-001.srt changed since it was rendered}); null when all match
     */
    record State(ClipManifest manifest, String changed) {
        /** Whether the folder holds a complete render with these settings. */
        boolean current() {
            return manifest != null && changed == null;
        }
    }

    /** What {@code dir} holds of a render of {@code fingerprint}. */
    static State state(Path dir, String id, String fingerprint) {
        Path file = dir.resolve(ClipManifests.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new State(null, null);
        }
        ClipManifest m;
        try {
            m = ClipManifests.read(file);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RenderedClip.class).debug("{} does not parse: rendered again", file, e);
            return new State(null, null);
        }
        ClipManifest.Render r = m.render();
        if (r == null || !fingerprint.equals(r.settings()) || !id.equals(m.id()) || !r.sha256().containsKey(m.video())) {
            return new State(null, null);
        }
        for (Map.Entry<String, String> f : r.sha256().entrySet()) {
            Path p = dir.resolve(f.getKey());
            if (!Files.isRegularFile(p)) {
                return new State(m, f.getKey() + " is missing");
            }
            if (!f.getValue().equals(ClipFiles.sha256(p))) {
                return new State(m, f.getKey() + " changed since it was rendered");
            }
        }
        return new State(m, null);
    }
}
