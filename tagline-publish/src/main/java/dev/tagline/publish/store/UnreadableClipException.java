package dev.tagline.publish.store;

import dev.tagline.core.TaglineException;

/**
 * A media row whose stored clip details ({@code manifest_json}) cannot be read: cut short, empty, or written by a
 * newer tagline. Its posts show as broken ({@link #marker}) and may be cancelled; the rest of the calendar works.
 */
public final class UnreadableClipException extends TaglineException {
    private static final long serialVersionUID = 1L;
    /** The advice every broken post carries. */
    public static final String FIX = "re-queue the clip or cancel the post";
    private final long mediaId;
    private final String reason;

    UnreadableClipException(long mediaId, String reason) {
        super("The clip details of media " + mediaId + " are unreadable: " + reason,
                "Re-queue the clip ('tagline publish queue CLIP_DIR') or cancel the post.");
        this.mediaId = mediaId;
        this.reason = reason;
    }

    public long mediaId() {
        return mediaId;
    }

    /** Why, in a few words: {@code not valid JSON (cut short?)}, {@code "id" is missing}, … */
    public String reason() {
        return reason;
    }

    /** The line a broken post shows: {@code clip details unreadable: REASON; re-queue the clip or cancel the post}. */
    public static String marker(String reason) {
        return "clip details unreadable: " + reason + "; " + FIX;
    }

    /** {@link #marker} of this row's reason. */
    public String marker() {
        return marker(reason);
    }

    /**
     * The line a run fails such a post with: {@code clip details unreadable: REASON; re-queue the clip to send it
     * again (tagline publish queue CLIP_DIR)}. Not {@link #marker}'s "or cancel the post": a failed post cannot be
     * cancelled.
     */
    public String failedLine() {
        return "clip details unreadable: " + reason + "; re-queue the clip to send it again (tagline publish queue"
                + " CLIP_DIR)";
    }

    /**
     * The refusal of "publish now" for post {@code postId}, broken with {@code marker} ({@link BrokenClips#posts}):
     * sent now, it would only fail.
     */
    public static TaglineException notNow(long postId, String marker) {
        String what = marker.endsWith("; " + FIX) ? marker.substring(0, marker.length() - FIX.length() - 2) : marker;
        return new TaglineException("Post " + postId + " cannot be published now: a run would fail it (" + what + ")",
                "Re-queue the clip ('tagline publish queue CLIP_DIR' stores its details anew), then publish it; or"
                + " cancel the post.");
    }
}
