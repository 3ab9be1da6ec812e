package dev.tagline.video.copy;

import dev.tagline.images.tag.ScoredTag;
import java.util.List;

/**
 * What copy is written from.
 *
 * @param clipText the clip's transcript
 * @param hookText the finder's hook line (may be empty)
 * @param videoText the whole video's transcript: the background vocabulary for key phrases
 * @param keyframeTags image tags of the clip's keyframes, best first (may be empty)
 * @param screenText on-screen text of the clip (slide titles, commands), in order of appearance (may be empty)
 * @param screenTitle of that text, the line set bigger than the rest (may be empty)
 * @param sourceName the source video's file name ({@code man-on-green-screen.mp4}; may be empty): the last thing copy
 *     can be written from when the clip has neither speech nor on-screen text
 */
public record CopyInput(String clipText, String hookText, String videoText, List<ScoredTag> keyframeTags,
                        List<String> screenText, String screenTitle, String sourceName) {
    public CopyInput {
        sourceName = sourceName == null ? "" : sourceName.strip();
        clipText = clipText == null ? "" : clipText.strip();
        hookText = hookText == null ? "" : hookText.strip();
        videoText = videoText == null ? "" : videoText;
        keyframeTags = List.copyOf(keyframeTags);
        screenText = screenText == null ? List.of() : List.copyOf(screenText);
        screenTitle = screenTitle == null ? "" : screenTitle.strip();
    }

    /** Copy input without the source's file name. */
    public CopyInput(String clipText, String hookText, String videoText, List<ScoredTag> keyframeTags,
                     List<String> screenText, String screenTitle) {
        this(clipText, hookText, videoText, keyframeTags, screenText, screenTitle, "");
    }

    /** Copy input whose on-screen text has no title. */
    public CopyInput(String clipText, String hookText, String videoText, List<ScoredTag> keyframeTags,
                     List<String> screenText) {
        this(clipText, hookText, videoText, keyframeTags, screenText, "", "");
    }

    /** Copy input without on-screen text. */
    public CopyInput(String clipText, String hookText, String videoText, List<ScoredTag> keyframeTags) {
        this(clipText, hookText, videoText, keyframeTags, List.of(), "", "");
    }

    /**
     * The words of the source's file name, when they read as words: {@code man-on-green-screen.mp4} → {@code man on
     * green screen}, {@code gitRebase.mp4} → {@code git rebase}; empty for a camera's or recorder's own name
     * ({@code IMG_0042.MOV}, {@code Screen Recording 2024-05-01 at 10.22.11.mov}) and for a name without a word of
     * three letters or more ({@code sc.mp4}).
     */
    public String sourceWords() {
        String stem = sourceName.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        String words = stem.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("[^\\p{L}\\p{N}]+", " ").strip()
                .toLowerCase(java.util.Locale.ROOT);
        String meaning = (" " + words + " ").replaceAll(" (\\d+|at|am|pm|img|vid|mov|dsc|pxl|gopr|dji|screen recording"
                + "|screenshot|capture|clip|video)(?= )", " ").strip();
        boolean aWord = java.util.Arrays.stream(meaning.split(" ")).anyMatch(w -> w.length() >= 3);
        return aWord ? words : "";
    }
}
