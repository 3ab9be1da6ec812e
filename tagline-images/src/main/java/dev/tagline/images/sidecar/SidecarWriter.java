package dev.tagline.images.sidecar;

import dev.tagline.core.batch.ItemFailedException;
import dev.tagline.core.batch.ScanEntry;
import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the text sidecar next to an image, for every command that produces text ({@code tag}, {@code caption}):
 * UTF-8 without BOM or trailing newline (taggui's convention, and kohya's trainer reads the first line only), written
 * atomically (temp file + rename, so a crash never leaves half a caption), honouring the {@code --existing} policy.
 * Tag lists are merged as ordered sets: a tag already present is not repeated. Free-text captions are joined in the
 * style of the new text: keywords (a concise caption never ends in punctuation) after a comma (after a space when the
 * text before them ends a sentence), a sentence after a
 * space when the text before it ends a sentence and after a full stop otherwise, so that "wearing a suit" and
 * "A man at a podium." do not run together; a caption already in the file is not added again, so that re-running
 * {@code --existing append} does not repeat it. Thread-safe for distinct images.
 */
public final class SidecarWriter {
    /** What {@link #write} did. */
    public enum Outcome { WRITTEN, SKIPPED, MERGED }

    static final String TAG_SEPARATOR = ", ";
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?][\"')\\]]*$");

    private final SidecarSettings settings;

    public SidecarWriter(SidecarSettings settings) {
        this.settings = settings;
    }

    /** {@code photo.jpg → photo.caption}: the image's name with its extension replaced. */
    public Path sidecarFor(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return image.resolveSibling((dot <= 0 ? name : name.substring(0, dot)) + settings.extension());
    }

    /**
     * Fails {@code entry} when an earlier image of its folder has the same name but for the extension
     * ({@link ScanEntry#sameStemAs}): sidecars are named by the stem, so {@code same.jpg} and {@code same.png} would
     * share {@code same.txt}, kohya would pair it with both, and the second image's text would be lost in silence.
     * Jobs call it before asking {@link #keeps}: the sidecar the first image wrote is not the second one's.
     */
    public void requireOwnSidecar(ScanEntry entry) {
        if (entry.sameStemAs() != null) {
            throw sharedSidecar(entry, sidecarFor(entry.path()).getFileName().toString());
        }
    }

    /** The problem of an image that shares {@code sidecar} (a name, or names) with {@link ScanEntry#sameStemAs}. */
    public static ItemFailedException sharedSidecar(ScanEntry entry, String sidecar) {
        String name = entry.path().getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot <= 0 ? name + "_2" : name.substring(0, dot) + "_" + name.substring(dot + 1)
                + name.substring(dot);
        String twin = entry.sameStemAs().substring(entry.sameStemAs().lastIndexOf('/') + 1);
        return new ItemFailedException("would share the sidecar " + sidecar + " with " + entry.sameStemAs()
                + " (kohya pairs a sidecar with every image of that name), so its text would be lost",
                sameBytes(entry.path(), entry.path().resolveSibling(twin))
                ? "It holds the same bytes as " + twin + ": a copy, which renaming would keep in the training set"
                        + " twice. Remove one of the two (check --quarantine DIR sets the later copy aside, keeping"
                        + " the sidecars with the other), and run again."
                : "Rename one of the two images, e.g. " + name + " to " + renamed + ", and run again.", null);
    }

    /**
     * True when {@code a} and {@code b} hold the same bytes (dogfood round 7, J15: check told the user to rename an
     * exact duplicate); false when either cannot be read.
     */
    private static boolean sameBytes(Path a, Path b) {
        try {
            return Files.size(a) == Files.size(b) && Files.mismatch(a, b) == -1;
        } catch (java.io.IOException e) {
            return false; // the ordinary advice, renaming, is right for any two images
        }
    }

    /**
     * True when {@link #write} would keep {@code image}'s existing sidecar ({@code --existing skip}): jobs ask before
     * decoding, so that no model runs for a result that would not be written.
     */
    public boolean keeps(Path image) {
        return settings.existing() == SidecarSettings.Existing.SKIP && hasText(sidecarFor(image));
    }

    /** An empty sidecar (a placeholder, a failed tool's) holds nothing to keep: it counts as missing. */
    private static boolean hasText(Path sidecar) {
        try {
            return Files.isRegularFile(sidecar) && Files.size(sidecar) > 0 && !read(sidecar).isBlank();
        } catch (java.io.IOException | RuntimeException e) {
            return Files.exists(sidecar); // unreadable: let write() report it
        }
    }

    /** Writes {@code text} for {@code image}; an unreadable existing sidecar fails this item only. */
    public Outcome write(Path image, String text) {
        return write(image, text, "");
    }

    /**
     * {@link #write(Path, String)} for a caption or tag list that leads with {@code lead} (a trigger kohya's
     * {@code keep_tokens} holds first): when an existing file is appended to or prepended, the lead is first in the
     * whole file, once and as a token of its own ("ohwx man, A man on stage. A boy, smiling."; "ohwx man, portrait,
     * solo"), also when the existing text starts with it in another case or without a comma after it (a hand caption
     * "Ohwx man portrait"): its words after the lead are kept.
     */
    public Outcome write(Path image, String text, String lead) {
        Path sidecar = sidecarFor(image);
        String existing = Files.exists(sidecar) ? read(sidecar) : null;
        existing = existing == null || existing.isBlank() ? null : existing;
        if (existing != null && settings.existing() == SidecarSettings.Existing.SKIP) {
            return Outcome.SKIPPED;
        }
        String fresh = withPrefix(text.strip());
        String content = fresh;
        if (existing != null && !settings.tagList() && settings.existing() != SidecarSettings.Existing.OVERWRITE
                && normalised(existing).contains(normalised(fresh))) {
            return Outcome.SKIPPED;
        }
        if (existing != null && !existing.isBlank()) {
            boolean leads = !lead.isBlank() && settings.existing() != SidecarSettings.Existing.OVERWRITE
                    && (startsWith(fresh, lead) || startsWith(existing.strip(), lead));
            String before = leads ? withoutLead(existing.strip(), lead) : existing;
            String after = leads ? withoutLead(fresh, lead) : fresh;
            content = switch (settings.existing()) {
                case APPEND -> merge(before, after);
                case PREPEND -> merge(after, before);
                default -> fresh;
            };
            content = !leads ? content : settings.tagList() ? merge(lead, content)
                    : content.isEmpty() ? lead : lead + ", " + content; // its own token for keep_tokens
        }
        AtomicFiles.writeString(sidecar, content);
        return existing == null || settings.existing() == SidecarSettings.Existing.OVERWRITE
                ? Outcome.WRITTEN : Outcome.MERGED;
    }

    /** {@code text} without a leading {@code lead} ({@link #startsWith}) and the comma or space after it. */
    private static String withoutLead(String text, String lead) {
        return startsWith(text, lead) ? text.substring(lead.length()).replaceFirst("^\\s*[,;:|]?\\s*", "").strip()
                : text;
    }

    /**
     * Whether {@code text} starts with {@code lead} as words, in any case: followed by its end, a space or
     * punctuation ({@code "ohwx man portrait"}, {@code "OHWX MAN, solo"}), not by more of a word
     * ({@code "ohwx manly"}).
     */
    static boolean startsWith(String text, String lead) {
        if (!text.regionMatches(true, 0, lead, 0, lead.length())) {
            return false;
        }
        return text.length() == lead.length() || !Character.isLetterOrDigit(text.charAt(lead.length()))
                && text.charAt(lead.length()) != '_';
    }

    private String withPrefix(String text) {
        String prefix = settings.prefix();
        if (prefix.isEmpty()) {
            return text;
        }
        return settings.tagList() ? merge(prefix, text) : text.startsWith(prefix) ? text : prefix + " " + text;
    }

    private String merge(String first, String second) {
        if (!settings.tagList()) {
            return joinText(first.strip(), second.strip());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : splitTags(first + "," + second)) {
            tags.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
        }
        return String.join(TAG_SEPARATOR, tags.values());
    }

    /** Joins two captions in the style of the newer one (see the class comment). */
    private String joinText(String first, String second) {
        String fresh = settings.existing() == SidecarSettings.Existing.PREPEND ? first : second;
        if (first.isEmpty() || second.isEmpty()) {
            return first + second;
        }
        if (!ENDS_SENTENCE.matcher(fresh).find()) {
            // keywords after a finished sentence follow it after a space: "a white dress. woman, beach", never ".,"
            return ENDS_SENTENCE.matcher(first).find() ? first + " " + second
                    : first.replaceAll("[,;:\\s]+$", "") + ", " + second;
        }
        return ENDS_SENTENCE.matcher(first).find() ? first + " " + second
                : first.replaceAll("[,;:\\s]+$", "") + ". " + second;
    }

    /** Keywords after a text: after a space when it ends a sentence ("A cat. cat, indoors"), else after ", ". */
    static String followedByKeywords(String text, String keywords) {
        return ENDS_SENTENCE.matcher(text).find() ? text + " " + keywords
                : text.replaceAll("[,;:\\s]+$", "") + TAG_SEPARATOR + keywords;
    }

    /** Lower case words between single spaces, punctuation dropped: how two captions are compared. */
    private static String normalised(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").strip() + " ";
    }

    /** Splits a tag list on commas, trimming and dropping empty entries. */
    public static List<String> splitTags(String text) {
        List<String> tags = new ArrayList<>();
        for (String t : text.split(",")) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
        return tags;
    }

    /** Reads a sidecar as strict UTF-8 (a leading BOM is dropped); fails the item, naming the file, otherwise. */
    public static String read(Path sidecar) {
        try {
            byte[] bytes = Files.readAllBytes(sidecar);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ItemFailedException(sidecar + " is not UTF-8 text", "Re-save it as UTF-8, or use --existing"
                    + " overwrite to replace it.", e);
        } catch (IOException e) {
            throw new ItemFailedException("Cannot read " + sidecar + ": " + e.getMessage(),
                    "Check the file's permissions.", e);
        }
    }
}
