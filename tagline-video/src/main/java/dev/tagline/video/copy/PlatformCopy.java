package dev.tagline.video.copy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One variant of a clip's copy per {@link Platform}, each within that platform's limits: hashtags capped, the title
 * cut at a word boundary, YouTube's forbidden {@code <} {@code >} removed, and, where description plus hashtags would
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

    public static ClipCopy fit(ClipCopy copy, Platform p) {
        String title = copy.title();
        String description = copy.description();
        if (p == Platform.YOUTUBE) {
            title = title.replace('<', '‹').replace('>', '›');
            description = description.replace('<', '‹').replace('>', '›');
        }
        // every variant keeps a Shorts-length title: under the hard limits, and what TikTok's API calls "title"
        title = TextLength.trim(title, s -> s.length() <= Platform.SHORT_TITLE);
        List<String> tags = new ArrayList<>(copy.hashtags().subList(0, Math.min(p.maxHashtags(),
                copy.hashtags().size())));
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
