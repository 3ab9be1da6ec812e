package dev.tagline.video.render;

import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.video.copy.PlatformCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A re-render keeps what a person decided about the clip: the accepted flag and the title, caption and hashtags of the
 * previous {@code clip.json}, when that file describes the same clip (same id, same source, same span). A clip that
 * was rejected stays rejected, and edited copy is not replaced by generated copy. The platform variants are fitted
 * again from the kept copy, as a render fits them from generated copy. Pure apart from reading the previous file.
 */
final class ReviewCarryOver {
    /** Half a frame at 30 fps: spans written by the same finder and read back agree far closer than this. */
    private static final double SAME_SPAN_SECONDS = 0.015;

    private ReviewCarryOver() {
    }

    /** The previous manifest at {@code file} when it is one of the same clip as {@code generated}; else empty. */
    static Optional<ClipManifest> previous(Path file, ClipManifest generated) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ClipManifest old = read(file);
        return sameClip(old, generated) ? Optional.of(old) : Optional.empty();
    }

    /**
     * Throws, before anything is rendered, when an earlier {@code clip.json} is there but cannot be read: writing
     * fresh copy over it would turn a rejected clip into an accepted one without a word.
     */
    static void requireReadable(Path file) {
        if (Files.isRegularFile(file)) {
            read(file);
        }
    }

    private static ClipManifest read(Path file) {
        try {
            return ClipManifests.read(file);
        } catch (TaglineException e) {
            throw new TaglineException("Cannot read the earlier " + file + " (" + e.getMessage() + "), so its"
                    + " review (accepted or not, edited copy) would be lost", "Fix the file, or re-render with"
                    + " --reset-review to write fresh copy over it.", e);
        }
    }

    static boolean sameClip(ClipManifest a, ClipManifest b) {
        if (!a.id().equals(b.id()) || a.source() == null || b.source() == null) {
            return false;
        }
        return a.source().path().equals(b.source().path())
                && Math.abs(a.source().startSeconds() - b.source().startSeconds()) < SAME_SPAN_SECONDS
                && Math.abs(a.source().endSeconds() - b.source().endSeconds()) < SAME_SPAN_SECONDS;
    }

    /** {@code generated} with {@code previous}'s accepted flag and copy, and variants fitted from that copy. */
    static ClipManifest keep(ClipManifest previous, ClipManifest generated) {
        ClipManifest.Copy copy = previous.copy();
        Map<String, ClipManifest.Copy> variants = PlatformCopy.manifestVariants(copy);
        return new ClipManifest(generated.schema(), generated.version(), generated.id(), generated.video(),
                generated.source(), generated.durationSeconds(), generated.width(), generated.height(),
                generated.score(), previous.accepted(), copy, variants, generated.render());
    }

    /**
     * Whether {@code previous}'s generated copy is out of date for a copywriter of {@code settings} (the hash of its
     * {@link dev.tagline.video.copy.Copywriter#settings()}): a copywriter model is given, and the copy came from other
     * copy settings (the built-in copy, another model, endpoint or token limit) or the model fell back to the built-in
     * copy. Without a copywriter model (the built-in copy, the web's render) a model's copy is kept.
     */
    static boolean copyOutdated(ClipManifest previous, String settings) {
        if (settings.equals(sha256(dev.tagline.video.copy.Copywriter.BUILT_IN))) {
            return false;
        }
        ClipManifest.CopySource c = previous.render() == null ? null : previous.render().copy();
        return c == null || !settings.equals(c.settings()) || c.fallback() != null;
    }

    /** {@code generated} with {@code accepted} as the accepted flag: a rejected clip stays rejected. */
    static ClipManifest accepted(ClipManifest generated, boolean accepted) {
        ClipManifest g = generated;
        return new ClipManifest(g.schema(), g.version(), g.id(), g.video(), g.source(), g.durationSeconds(), g.width(),
                g.height(), g.score(), accepted, g.copy(), g.variants(), g.render());
    }

    /**
     * Whether a person edited {@code previous}'s copy: it no longer matches the copy as generated, or the file does
     * not record the generated copy (written before Tagline did), when it is taken as reviewed.
     */
    static boolean copyEdited(ClipManifest previous) {
        ClipManifest.CopySource c = previous.render() == null ? null : previous.render().copy();
        return c == null || !copyHash(previous.copy()).equals(c.generated());
    }

    /** The fingerprint of a copy's title, caption and hashtags. */
    static String copyHash(ClipManifest.Copy copy) {
        return sha256(copy.title() + "\n" + copy.caption() + "\n" + copy.hashtags());
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
