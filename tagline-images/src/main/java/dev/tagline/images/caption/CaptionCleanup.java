package dev.tagline.images.caption;

import dev.tagline.core.TaglineException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a model's raw answer into a training caption: drops reasoning blocks ({@code <think>…</think>} of Qwen3,
 * DeepSeek-R1 and QwQ served by Ollama or vLLM, also when the answer was cut off inside one), Kosmos-2's grounding markup ({@code <grounding>},
 * {@code <phrase>…</phrase>} kept as its text, {@code <object><patch_index_…>…</object>} removed; captioning.md §6),
 * leftover special tokens, an echo of the prompt (BLIP-2, §5.2), chat preambles ("Sure! Here is a caption:") and
 * filler openings ("The image shows", "In this image,", "This is an image of"; ai-toolkit drops "the image shows",
 * BLIP's decoder prompt is "a picture of"); turns a bulleted or numbered list into one comma-separated phrase;
 * collapses whitespace and quotes; then writes it in {@link Style#SENTENCE}
 * (a capitalised sentence ending in a full stop) or {@link Style#CONCISE} (comma-separated keywords, articles and
 * linking words dropped, as Stable Diffusion prompts are written); cuts it to {@code maxLength} characters at a
 * sentence, word or keyword boundary; and puts the {@code prefix} (a trigger word) first, as a comma-separated token
 * when it ends in a comma. A caption cut at a word
 * (here, or by the server at {@code --max-tokens}) loses the function words it would end on ("a flag and",
 * "a woman with a"): "A woman with." teaches a trainer nothing and reads as a broken caption. Nothing left stays
 * nothing (never a bare trigger word), so that the caller can see the model answered only filler; so does a refusal
 * ("I'm sorry, but I can't…", {@link #refused}), which must never become a training caption. The {@code trigger}
 * ({@link #withTrigger}) is written once, first; the model's sentence names it no more ({@link TriggerMentions}).
 */
public record CaptionCleanup(Style style, int maxLength, String prefix, String trigger)
        implements java.io.Serializable {
    /** How the caption is written. */
    public enum Style {
        SENTENCE, CONCISE;

        public static Style parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TaglineException("Invalid --style '" + text + "'", "Use sentence or concise.", e);
            }
        }
    }

    public static final CaptionCleanup DEFAULTS = new CaptionCleanup(Style.SENTENCE, 0, "");

    private static final Pattern THINKING = Pattern.compile("(?is)<(think|thinking|reasoning)>.*?(?:</\\1>|$)");
    /** Reasoning whose opening tag was in the prompt (Qwen3's chat template, the R1 distills): up to its end tag. */
    private static final Pattern OPEN_THINKING = Pattern.compile("(?is)^.*</(?:think|thinking|reasoning)>");
    private static final Pattern REFUSAL = Pattern.compile("(?i)^(?:i[’']?m sorry|i am sorry|sorry\\b|i apologi[sz]e"
            + "|i(?: can ?not| can[’']?t| won[’']?t| am unable to|[’']m unable to| am not able to|[’']m not able to)"
            + " (?:help|assist|provide|identify|describe|caption|comply|do that|fulfil)|as an ai\\b)");
    /** The end of a first sentence: what follows a hedge ("I can't identify people. A man at a podium."). */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s+");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.)])\\s+");
    private static final Pattern KOSMOS_OBJECT = Pattern.compile("<object>(?:\\s*<patch_index_\\d+>)*\\s*</object>");
    private static final Pattern MARKUP = Pattern.compile(
            "</?(?:grounding|phrase|object|s|pad|image|unk)>|<patch_index_\\d+>|<\\|[a-z_]+\\|>|\\*\\*|__");
    private static final Pattern PREAMBLE = Pattern.compile("(?i)^(?:sure|certainly|of course|okay|ok)\\b[^.:!\\n]*"
            + "[.:!]\\s*|^(?:here(?:'s| is) (?:a |the |my )?[^:\\n]{0,40}:\\s*)|^(?:caption|description):\\s*");
    private static final Pattern FILLER = Pattern.compile("(?i)^(?:"
            + "(?:the|this) (?:image|picture|photo|photograph|scene) (?:shows|depicts|features|captures|displays"
            + "|presents|showcases|portrays|is of|contains)(?: an image of| a picture of)?"
            + "|in (?:this|the) (?:image|picture|photo|photograph|scene),?(?: we (?:can )?see| there (?:is|are))?"
            + "|this is (?:an image|a picture|a photo|a photograph) (?:of|showing)"
            + "|(?:an image|a picture|an illustration) of"
            + "|(?:the )?image of)"
            + "[\\s,:]+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern LEAD = Pattern.compile("[\\p{Ll}\\p{N}]{2,} \\p{Lu}\\p{Ll}");
    private static final Pattern SPLIT = Pattern.compile(
            "\\s*[,.;:!?()]\\s*|\\s+(?:and|with|in|on|at|of|while|wearing|near|under|over|behind|from|into|for|by|"
                    + "against|beside|next to|in front of)\\s+");
    /** Words a cut caption must not end on: they only make sense with what was cut after them. */
    private static final Pattern DANGLING = Pattern.compile("(?i)(?:[\\s,;:]+(?:and|or|but|nor|with|without|of|in|"
            + "on|at|the|a|an|to|for|from|by|while|wearing|holding|near|under|over|behind|into|onto|against|beside|"
            + "next|in front|as|than|his|their|its|my|your|our|is|are|was|were|be|being|has|have|that|which|who|"
            + "whose|where|this|these|those|some|very|such))+[\\s,;:]*$");
    private static final Set<String> DROP = Set.of("a", "an", "the", "is", "are", "was", "were", "be", "being",
            "there", "this", "that", "these", "those", "its", "it", "some", "which", "who", "has", "have");

    public CaptionCleanup {
        if (maxLength < 0) {
            throw new TaglineException("--max-length must be 0 (no limit) or more, got " + maxLength, "");
        }
        prefix = prefix == null ? "" : prefix.strip();
        trigger = trigger == null ? "" : bare(trigger);
    }

    /** A clean-up without a trigger. */
    public CaptionCleanup(Style style, int maxLength, String prefix) {
        this(style, maxLength, prefix, "");
    }

    /**
     * This clean-up with {@code trigger} ({@code caption --trigger}) first in every caption, before the prefix, as a
     * comma-separated token of its own ("zwx woman, A smiling man …"), so that kohya's {@code keep_tokens}, which
     * splits captions at commas, keeps the trigger and not the whole first clause (dogfood round 7, J8); where the
     * model's sentence names the trigger too, that mention is rewritten ({@link TriggerMentions}), so that the
     * caption holds it once. The same when {@code trigger} is empty.
     */
    public CaptionCleanup withTrigger(String trigger) {
        String t = trigger == null ? "" : bare(trigger);
        return t.isEmpty() ? this : new CaptionCleanup(style, maxLength, joined(t + ",", prefix, style), t);
    }

    /**
     * {@link #apply(String, String, boolean)} of a caption that starts with {@code lead}, a trigger to keep as written
     * (the tag composer's "sks woman, A portrait."): the rest is cleaned, and the lead goes first after the prefix, as
     * a comma-separated token, not capitalised, cut or split into keywords. An empty {@code lead}, or one the caption
     * does not start with, is ignored.
     */
    public String apply(String raw, String prompt, boolean cutOff, String lead) {
        String text = raw.strip();
        if (lead.isEmpty() || !text.startsWith(lead + " ") && !text.startsWith(lead + ",")) {
            return apply(raw, prompt, cutOff);
        }
        return new CaptionCleanup(style, maxLength, joined(prefix, lead + ",", style), trigger).apply(
                text.substring(lead.length()).replaceFirst("^[,\\s]+", ""), prompt, cutOff);
    }

    /**
     * {@code first} then {@code then}, once: "sks" and "sks woman" make "sks woman"; two different ones are two tokens
     * (kohya splits captions at commas for keep_tokens): "ohwx man, sks". A part that ends in a comma is a token of
     * its own (a trigger, the tags' lead); a {@code --prefix} without one is written as typed ("sks A cat").
     */
    private static String joined(String first, String then, Style style) {
        String f = bare(first);
        String t = bare(then);
        if (f.isEmpty() || t.startsWith(f) && (t.length() == f.length() || t.charAt(f.length()) == ' ')) {
            return then;
        }
        if (t.isEmpty() || f.startsWith(t) && f.charAt(t.length()) == ' ') {
            return first;
        }
        return first + (first.endsWith(",") || style == Style.SENTENCE ? " " : ", ") + then;
    }

    /** {@code text} without the commas and spaces that end it: a trigger as its words. */
    private static String bare(String text) {
        return text.strip().replaceFirst("[,\\s]+$", "");
    }

    /** Cleans {@code raw}, the answer to {@code prompt} (may be empty). */
    public String apply(String raw, String prompt) {
        return apply(raw, prompt, false);
    }

    /**
     * Cleans {@code raw}; {@code cutOff}: the model stopped at its token limit ({@code finish_reason: length}), so
     * the answer may end mid-phrase and trailing function words are dropped before the full stop.
     */
    public String apply(String raw, String prompt, boolean cutOff) {
        String text = withoutReasoning(raw);
        if (refused(text)) {
            // a hedge then a description keeps the description; a refusal alone is no caption
            java.util.regex.Matcher end = SENTENCE_END.matcher(text);
            String rest = end.find() ? text.substring(end.end()).strip() : "";
            if (rest.split("\\s+").length < 3 || refused(rest)) {
                return "";
            }
            text = rest;
        }
        text = KOSMOS_OBJECT.matcher(bullets(text)).replaceAll("");
        text = MARKUP.matcher(text).replaceAll("");
        text = SPACE.matcher(text).replaceAll(" ").strip();
        String echo = prompt == null ? "" : SPACE.matcher(MARKUP.matcher(prompt).replaceAll("")).replaceAll(" ")
                .strip();
        if (!echo.isEmpty() && text.toLowerCase(Locale.ROOT).startsWith(echo.toLowerCase(Locale.ROOT))) {
            text = text.substring(echo.length()).strip();
        }
        String before;
        do {
            before = text;
            text = unquote(PREAMBLE.matcher(text).replaceFirst(""));
            text = FILLER.matcher(text).replaceFirst("").strip();
        } while (!text.equals(before));
        text = withoutEchoedTrigger(text);
        text = TriggerMentions.rewrite(text, trigger);
        if (cutOff) {
            text = dropDangling(text);
        }
        text = style == Style.CONCISE ? concise(text) : sentence(text);
        text = cut(text);
        if (prefix.isEmpty() || text.isEmpty()) {
            return text;
        }
        if (prefix.endsWith(",")) { // a trigger token: "zwx woman, A man"
            return prefix + " " + text;
        }
        if (text.startsWith(prefix)) {
            return text;
        }
        return style == Style.CONCISE ? prefix + ", " + text : prefix + " " + text;
    }

    /** {@code text} without the trigger token the prefix ends with, when the model wrote it first itself. */
    private String withoutEchoedTrigger(String text) {
        return prefix.endsWith(",") ? TriggerMentions.withoutEchoedLead(text, bare(prefix)) : text;
    }

    /** Whether {@code raw} (after any reasoning block) is the model declining to caption the image. */
    public static boolean refused(String raw) {
        return REFUSAL.matcher(withoutReasoning(raw)).find();
    }

    /**
     * {@code raw} without a thinking model's reasoning: whole {@code <think>…</think>} blocks (also one the answer was
     * cut off in), and everything up to a lone closing tag, whose opening one the chat template put in the prompt.
     */
    public static String withoutReasoning(String raw) {
        String text = THINKING.matcher(raw).replaceAll("");
        return OPEN_THINKING.matcher(text).replaceFirst("").strip();
    }

    /** Two or more bulleted or numbered lines as one phrase: "- A man\n- A suit" → "A man, a suit". */
    private static String bullets(String text) {
        String[] lines = text.split("\\R");
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (!BULLET.matcher(line).find()) {
                return text;
            }
            String item = BULLET.matcher(line).replaceFirst("").strip().replaceAll("[.;,]+$", "");
            String first = item.split(" ", 2)[0];
            // "A suit" and "Suit" go lower case after the first item; "USA flag" and "I" stay
            boolean lower = first.equals("A") || first.length() > 1 && first.substring(1).equals(
                    first.substring(1).toLowerCase(Locale.ROOT));
            items.add(items.isEmpty() || !lower ? item : Character.toLowerCase(item.charAt(0)) + item.substring(1));
        }
        return items.size() < 2 ? text : String.join(", ", items);
    }

    private static String unquote(String text) {
        String t = text.strip();
        while (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'")
                || t.startsWith("“") && t.endsWith("”"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static String sentence(String text) {
        if (text.isEmpty()) {
            return text;
        }
        // "sks A girl …": a lower-case token before a capitalised sentence is a trigger word (kohya's convention,
        // and what the tag composer writes when the tags start with one); it stays as written
        String t = LEAD.matcher(text).lookingAt() && !DROP.contains(text.substring(0, text.indexOf(' '))) ? text
                : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return t.matches("(?s).*[.!?]$") ? t : t + ".";
    }

    /** Keywords: split at punctuation and linking words, drop articles and fillers at either end, no duplicates. */
    static String concise(String text) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String part : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            List<String> words = new ArrayList<>(List.of(part.strip().split(" ")));
            while (!words.isEmpty() && (words.get(0).isEmpty() || DROP.contains(words.get(0)))) {
                words.remove(0);
            }
            while (!words.isEmpty() && DROP.contains(words.get(words.size() - 1))) {
                words.remove(words.size() - 1);
            }
            if (!words.isEmpty()) {
                keywords.add(String.join(" ", words));
            }
        }
        return String.join(", ", keywords);
    }

    private String cut(String text) {
        int limit = maxLength == 0 ? 0 : Math.max(1, maxLength - (prefix.isEmpty() ? 0 : prefix.length() + 2));
        if (limit == 0 || text.length() <= limit) {
            return text;
        }
        if (style == Style.CONCISE) {
            int comma = text.lastIndexOf(", ", limit);
            return comma > 0 ? text.substring(0, comma) : dropDangling(wordCut(text, limit));
        }
        int end = Math.max(text.lastIndexOf(". ", limit - 1), Math.max(text.lastIndexOf("! ", limit - 1),
                text.lastIndexOf("? ", limit - 1)));
        if (end >= limit / 2) {
            return text.substring(0, end + 1);
        }
        String words = dropDangling(wordCut(text, limit - 1)).replaceAll("[,;:\\s]+$", "");
        return words + ".";
    }

    /** "a flag and" → "a flag"; a text of nothing but such words is kept as it is. */
    static String dropDangling(String text) {
        String kept = DANGLING.matcher(text).replaceFirst("");
        return kept.isBlank() ? text : kept;
    }

    private static String wordCut(String text, int limit) {
        int space = text.lastIndexOf(' ', limit);
        return (space > 0 ? text.substring(0, space) : text.substring(0, limit)).strip();
    }
}
