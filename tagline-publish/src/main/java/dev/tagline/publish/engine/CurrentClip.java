package dev.tagline.publish.engine;

import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.publish.store.AttemptLog;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Until it is sent, a post follows its clip. Just before a run uploads, the clip is taken as it is now: the video is
 * checked against {@code clip.json} again and its SHA-256 and size are those of the file now, and a post whose text
 * was not edited on the calendar takes {@code clip.json}'s copy for its channel's platform. The text goes into the
 * post and the video's identity into its progress ({@code video_sha256}, {@code video_bytes}) before anything is sent,
 * so every later step, the reconciler and the audit see what was sent; nothing changes once the create call started.
 * An upload begun with another video or text starts over: no post exists before the create call, so that is safe.
 * An upload the platform already completed (its id in the progress) is left as it is.
 */
final class CurrentClip {
    static final String VIDEO_SHA256 = "video_sha256";
    static final String VIDEO_BYTES = "video_bytes";
    static final String COPY_SHA256 = "copy_sha256";
    private static final Set<String> OWN = Set.of(VIDEO_SHA256, VIDEO_BYTES, COPY_SHA256);

    private CurrentClip() {
    }

    /** {@code media} with the video's identity as {@code progress} recorded it when it was sent, if it was. */
    static Media asSent(Media media, Map<String, String> progress) {
        String sha = progress.get(VIDEO_SHA256);
        String bytes = progress.get(VIDEO_BYTES);
        return sha == null || bytes == null ? media : media.withVideo(Long.parseLong(bytes), sha);
    }

    /**
     * The post and media a run at the upload step sends, stored (fenced by the lease) before it sends anything.
     * Throws the store's error when the video is missing or no longer the rendered one.
     */
    static Sending take(JobContext ctx, Post post, Media media, String platform, String owner) {
        Map<String, String> progress = new HashMap<>(post.progress());
        if (progress.containsKey("external_id")) { // the platform has the upload: it is what it is
            ctx.media().current(media);
            return new Sending(post, media);
        }
        Media now = ctx.media().current(media);
        ClipManifest.Copy copy = now.manifest().copyFor(platform);
        String title = post.copyEdited() ? post.title() : copy.title();
        String caption = post.copyEdited() ? post.caption() : copy.text();
        String copySha = sha(title + "\u0000" + caption);
        String oldVideo = progress.getOrDefault(VIDEO_SHA256, media.sha256());
        String oldCopy = progress.getOrDefault(COPY_SHA256, sha(post.title() + "\u0000" + post.caption()));
        boolean begun = progress.keySet().stream().anyMatch(k -> !OWN.contains(k));
        if (begun && (!oldVideo.equalsIgnoreCase(now.sha256()) || !oldCopy.equals(copySha))) {
            progress.clear();
            ctx.attempts().record(new AttemptLog.Attempt(post.id(), ctx.clock().instant(), owner, "upload", "-", null,
                    "decided", "the clip's " + (oldVideo.equalsIgnoreCase(now.sha256()) ? "text" : "video")
                    + " changed since the upload began; it starts over (nothing was created yet)", Duration.ZERO));
        }
        progress.put(VIDEO_SHA256, now.sha256());
        progress.put(VIDEO_BYTES, Long.toString(now.sizeBytes()));
        progress.put(COPY_SHA256, copySha);
        if (!ctx.jobs().sending(post.id(), owner, title, caption, progress, ctx.clock().instant())) {
            throw new dev.tagline.publish.platform.PublishRequest.LeaseLostException(post.id());
        }
        return new Sending(post.sending(title, caption, progress), now);
    }

    /** What a run sends: the post with its text and progress, and the clip's media as it is now. */
    record Sending(Post post, Media media) {
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
