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
 */
public record CopyInput(String clipText, String hookText, String videoText, List<ScoredTag> keyframeTags,
                        List<String> screenText, String screenTitle) {
    public CopyInput {
        clipText = clipText == null ? "" : clipText.strip();
        hookText = hookText == null ? "" : hookText.strip();
        videoText = videoText == null ? "" : videoText;
        keyframeTags = List.copyOf(keyframeTags);
        screenText = screenText == null ? List.of() : List.copyOf(screenText);
        screenTitle = screenTitle == null ? "" : screenTitle.strip();
    }

    /** Copy input whose on-screen text has no title. */
    public CopyInput(String clipText, String hookText, String videoText, List<ScoredTag> keyframeTags,
                     List<String> screenText) {
        this(clipText, hookText, videoText, keyframeTags, screenText, "");
    }

    /** Copy input without on-screen text. */
    public CopyInput(String clipText, String hookText, String videoText, List<ScoredTag> keyframeTags) {
        this(clipText, hookText, videoText, keyframeTags, List.of(), "");
    }
}
