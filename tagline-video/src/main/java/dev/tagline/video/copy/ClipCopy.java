package dev.tagline.video.copy;

import java.util.List;
import java.util.Objects;

/**
 * A clip's copy: title, a one- or two-sentence description, and hashtags without {@code #}.
 */
public record ClipCopy(String title, String description, List<String> hashtags) {
    public ClipCopy {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        hashtags = List.copyOf(hashtags);
    }

    /** Description, a blank line, then the hashtags: the one text field most platforms take. */
    public String text() {
        String tags = String.join(" ", hashtags.stream().map(h -> "#" + h).toList());
        if (tags.isEmpty()) {
            return description;
        }
        return description.isEmpty() ? tags : description + "\n\n" + tags;
    }
}
