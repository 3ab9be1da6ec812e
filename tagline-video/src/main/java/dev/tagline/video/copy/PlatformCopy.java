package dev.tagline.video.copy;

import dev.tagline.core.manifest.ClipManifest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One variant of a clip's copy per {@link Platform}, each within that platform's limits: hashtags capped, the title
 * cut at a word boundary to the platform's title limit (none where it has no title field), YouTube's forbidden {@code <} {@code >} removed, and, where description plus hashtags would
 * not fit (X's 280 weighted characters), hashtags dropped from the end before the description is shortened. Pure.
 */
public final class PlatformCopy {
    private PlatformCopy() {
    }

    public static Map<Platform, ClipCopy> variants(ClipCopy copy) {
        Map<Platform, ClipCopy> out = new EnumMap<>(Platform.class);
        for (Platform p : Platform.values()) {
            out.put(p, fit(copy, p));
        }
        return out;
    }

    /**
     * {@code clip.json}'s {@code variants} for a clip's default {@code copy} (a null field counts as empty), keyed by
     * {@link Platform#id()}: what a render writes, and what an edit of the copy must write again, since publishing
     * takes each platform's variant.
     */
    public static Map<String, ClipManifest.Copy> manifestVariants(ClipManifest.Copy copy) {
        ClipCopy c = new ClipCopy(copy.title() == null ? "" : copy.title(), copy.caption() == null ? ""
                : copy.caption(), copy.hashtags() == null ? List.of() : copy.hashtags());
        Map<String, ClipManifest.Copy> out = new LinkedHashMap<>();
        variants(c).forEach((p, v) -> out.put(p.id(), new ClipManifest.Copy(v.title(), v.description(),
                v.hashtags())));
        return out;
    }

    public static ClipCopy fit(ClipCopy copy, Platform p) {
        String title = copy.title();
        String description = copy.description();
        if (p == Platform.YOUTUBE) {
            title = title.replace('<', '‹').replace('>', '›');
            description = description.replace('<', '‹').replace('>', '›');
        }
        // each platform's own title limit (YouTube 100, LinkedIn 200); a platform without a title field (TikTok's API
        // "title" is the caption, X, Instagram) never publishes it, so it stays as written. Generated titles are
        // Shorts-length already (HeuristicCopywriter); a title the user typed is theirs up to the hard limit.
        int titleMax = p.titleMax();
        if (titleMax > 0) {
            title = TextLength.trim(title, s -> s.length() <= titleMax);
        }
        // #shorts is YouTube's own tag (it files the video as a Short); elsewhere it only says the post came from there
        List<String> all = p == Platform.YOUTUBE ? copy.hashtags()
                : copy.hashtags().stream().filter(h -> !h.equalsIgnoreCase("shorts")).toList();
        List<String> tags = new ArrayList<>(all.subList(0, Math.min(p.maxHashtags(), all.size())));
        while (!tags.isEmpty() && p.length(new ClipCopy(title, description, tags).text()) > p.textMax()
                && tags.size() > 1) {
            tags.remove(tags.size() - 1);
        }
        List<String> kept = tags;
        String finalTitle = title;
        String tagText = new ClipCopy("", "", kept).text();
        int room = p.textMax() - (tagText.isEmpty() ? 0 : p.length(tagText) + 2);
        description = TextLength.trim(description, s -> p.length(s) <= room);
        ClipCopy fitted = new ClipCopy(finalTitle, description, kept);
        if (p.length(fitted.text()) > p.textMax()) {
            fitted = new ClipCopy(finalTitle, TextLength.trim(description, s -> false), List.of());
        }
        return fitted;
    }
}
