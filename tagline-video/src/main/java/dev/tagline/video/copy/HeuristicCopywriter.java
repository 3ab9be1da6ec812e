package dev.tagline.video.copy;

import dev.tagline.images.tag.ScoredTag;
import dev.tagline.inference.text.PartOfSpeech;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Copy without a language model: a title of at most 60 characters (Shorts style) from the hook line, the slide title
 * on screen or the opening sentence, never cut mid-phrase where a whole one exists ({@link ClipTitle}); the clip's
 * first one or two sentences as the description; and 3–8 hashtags: the video's subject, the things the clip names (its
 * nouns and noun phrases as tagged in their sentences, ranked as key phrases: {@link KeyPhrases#nouns}) and its
 * keyframes' image tags, so dataset tags flow into social copy (video.md §1 "Copy", §14). A clip without a transcript
 * takes its title, description and key phrases from its on-screen text (a screencast's slide titles and commands), and
 * without that from the words of the video's file name ({@code man-on-green-screen.mp4}), before falling back to
 * "Watch this". The description is never empty: at the least it repeats the title. Thread-safe.
 */
public final class HeuristicCopywriter implements Copywriter {
    static final int MIN_TAGS = 3;
    static final int MAX_TAGS = 8;
    static final int MAX_PHRASE_TAGS = 5;
    static final int MAX_IMAGE_TAGS = 3;
    /** A keyframe tag must score this much (a tagger's own threshold maps to 0.5) to become a hashtag. */
    static final double MIN_TAG_SCORE = 0.5;
    static final int DESCRIPTION_MAX = 300;
    /** Image-quality and meta tags describe the picture, not the topic: never hashtags. */
    static final Set<String> NOT_TOPICS = Set.of("blurry", "bright", "dark", "greyscale", "jpeg artifacts", "lowres",
            "monochrome", "watermark", "text", "english text", "solo", "portrait", "close-up", "multiple people",
            "simple background", "white background", "highres", "absurdres", "general", "sensitive");
    /** AI-YouTube-Shorts-Generator's fallback hashtags start with #shorts (video.md §14). */
    static final List<String> FALLBACK = List.of("shorts", "clips", "video");

    private PartOfSpeech pos;

    /** With OpenNLP's English part-of-speech model from the classpath, loaded on the first clip with speech. */
    public HeuristicCopywriter() {
    }

    public HeuristicCopywriter(PartOfSpeech pos) {
        this.pos = pos;
    }

    private synchronized PartOfSpeech pos() {
        if (pos == null) {
            pos = PartOfSpeech.english();
        }
        return pos;
    }

    @Override
    public ClipCopy write(CopyInput in) {
        List<String> sentences = sentences(in.clipText());
        List<String> screen = in.screenText();
        int heading = heading(in);
        // the biggest text, when it reads as words (a command does not), else the line that reads most like a heading
        String slide = !in.screenTitle().isEmpty() && headingScore(in.screenTitle()) > 1 ? in.screenTitle()
                : heading >= 0 ? screen.get(heading) : "";
        // over speech only a title set bigger on screen that the speech is about (no menu bar, no lower third)
        String title = ClipTitle.spoken(in, sentences, headingScore(in.screenTitle()) > 1
                && ClipTitle.spokenAbout(in.screenTitle(), in.clipText()) ? in.screenTitle() : "");
        if (title.isEmpty() && !slide.isEmpty()) {
            title = title(slide);
        }
        if (title.isEmpty() && heading < 0 && !in.sourceWords().isEmpty()) {
            title = title(in.sourceWords());
        }
        if (title.isEmpty()) {
            List<String> phrases = KeyPhrases.of(textOf(in), backgroundOf(in), 1);
            title = phrases.isEmpty() ? "Watch this" : capitalise(phrases.get(0));
        }
        String description = !sentences.isEmpty()
                ? String.join(" ", sentences.subList(0, Math.min(2, sentences.size()))) : screenDescription(screen,
                        heading);
        if (description.isBlank() || description.equalsIgnoreCase(title)) { // never the title again, lower-cased
            description = in.sourceWords().isEmpty() || title.equalsIgnoreCase(in.sourceWords()) ? title
                    : capitalise(in.sourceWords());
        }
        description = TextLength.trim(description, s -> s.length() <= DESCRIPTION_MAX);
        return new ClipCopy(title, description, hashtags(in));
    }

    /**
     * The heading (the first line when there is none) and the last two lines after it, joined by " · ". The lines come
     * in the order they appeared (ClipFinder): the last ones are what the clip shows last, a command's output rather
     * than the file tree beside the code already on screen when it began (dogfood G3).
     */
    static String screenDescription(List<String> screen, int heading) {
        if (screen.isEmpty()) {
            return "";
        }
        int first = Math.max(0, heading);
        List<String> lines = new ArrayList<>(List.of(screen.get(first)));
        lines.addAll(screen.subList(Math.max(first + 1, screen.size() - 2), screen.size()));
        return String.join(" · ", lines);
    }

    /**
     * The on-screen line that reads most like a heading, or -1: the most words of two or more letters, less one per
     * code-like token (a flag, a path, an assignment), at least two; the first of equals. A slide title wins over the
     * menu bar above it and the commands under it.
     */
    static int heading(List<String> lines) {
        int best = -1;
        int bestScore = 1;
        for (int i = 0; i < lines.size(); i++) {
            int score = headingScore(lines.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * How much a line reads as a heading: one per word of two or more letters, less one per code-like token (a flag,
     * a path, an assignment, a file name, a word run into digits such as python3 or a recogniser's "Hon3").
     */
    static int headingScore(String line) {
        int score = 0;
        for (String token : line.strip().split("\\s+")) {
            if (token.matches(".*[/\\\\=~_<>{}$#·].*|[-.].*|.*\\p{L}\\d.*|.*\\p{L}\\.\\p{L}.*")) {
                score--;
            } else if (token.replaceAll("[^\\p{L}]", "").length() >= 2) {
                score++;
            }
        }
        return score;
    }

    /**
     * The heading among the on-screen lines: the title the reader saw set bigger, when it is one of them, else the
     * line that reads most like a heading ({@link #heading(List)}); -1 for none.
     */
    static int heading(CopyInput in) {
        for (int i = 0; i < in.screenText().size() && headingScore(in.screenTitle()) > 1; i++) {
            if (in.screenText().get(i).equalsIgnoreCase(in.screenTitle())) {
                return i;
            }
        }
        return heading(in.screenText());
    }

    /**
     * What key phrases are taken from: the transcript, or without one the on-screen text from its heading on, or
     * without that the file name's words.
     */
    private static String textOf(CopyInput in) {
        if (!in.clipText().isEmpty()) {
            return in.clipText();
        }
        return in.screenText().isEmpty() ? in.sourceWords() : screenFromHeading(in);
    }

    private static String backgroundOf(CopyInput in) {
        return in.clipText().isEmpty() ? textOf(in) : in.videoText();
    }

    private static String screenFromHeading(CopyInput in) {
        return String.join(". ", in.screenText().subList(Math.max(0, heading(in)), in.screenText().size()));
    }

    /** {@code line} as a title of at most 60 characters, cut at a clause boundary if it must be ({@link ClipTitle}). */
    static String title(String line) {
        return ClipTitle.of(line);
    }

    List<String> hashtags(CopyInput in) {
        Set<String> tags = new LinkedHashSet<>();
        // the video's subject first (#git), a broad tag viewers follow; then what sets this clip apart: from speech the
        // things it names (nouns, tagged in their sentences), from on-screen text or a file name (headings and
        // commands, no sentences to tag) its key words
        KeyPhrases.topic(in.videoText()).filter(t -> KeyPhrases.tokens(textOf(in)).contains(t))
                .ifPresent(t -> add(tags, t));
        List<String> phrases = in.clipText().isEmpty() ? KeyPhrases.of(textOf(in), backgroundOf(in), MAX_PHRASE_TAGS)
                : KeyPhrases.nouns(in.clipText(), in.videoText(), MAX_PHRASE_TAGS, pos());
        for (String phrase : phrases) {
            add(tags, phrase);
        }
        int fromImages = 0;
        for (ScoredTag t : in.keyframeTags()) {
            if (fromImages < MAX_IMAGE_TAGS && t.score() >= MIN_TAG_SCORE && !NOT_TOPICS.contains(t.name())
                    && add(tags, t.name())) {
                fromImages++;
            }
        }
        for (String f : FALLBACK) {
            if (tags.size() >= MIN_TAGS) {
                break;
            }
            tags.add(f);
        }
        return new ArrayList<>(tags).subList(0, Math.min(MAX_TAGS, tags.size()));
    }

    /** {@code "machine learning"} → {@code machinelearning}: letters and digits only. */
    static String hashtag(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static boolean add(Set<String> tags, String phrase) {
        String h = hashtag(phrase);
        return h.length() >= 3 && tags.add(h);
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.strip().split("(?<=[.!?])\\s+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
