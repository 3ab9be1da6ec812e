package dev.tagline.images.caption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with {@code {variable}} placeholders, as in taggui ({@code {tags}}, {@code {name}}, {@code {folder}}; also
 * {@code {directory}} as taggui's alias of {@code {folder}}). Checked when parsed, so that a misspelt placeholder is a
 * usage error and not a thousand odd captions. {@code {{} and {@code }}} write literal braces. Florence-2 task tokens
 * such as {@code <CAPTION>} are plain text here.
 */
public final class PromptTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|}}|\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private final String text;
    private final List<String> variables;

    private PromptTemplate(String text, List<String> variables) {
        this.text = text;
        this.variables = List.copyOf(variables);
    }

    /**
     * Parses {@code text}; every placeholder must be one of {@code known}.
     *
     * @throws IllegalArgumentException naming the unknown placeholder and the known ones
     */
    public static PromptTemplate parse(String text, Set<String> known) {
        List<String> vars = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (name == null) {
                continue;
            }
            String canonical = canonical(name);
            if (!known.contains(canonical)) {
                throw new IllegalArgumentException("the prompt uses {" + name + "}, which is not a known placeholder; use "
                        + known.stream().sorted().map(k -> "{" + k + "}").toList());
            }
            vars.add(canonical);
        }
        return new PromptTemplate(text, vars);
    }

    /** Parses {@code text} against the placeholders every image has: {@code tags}, {@code name}, {@code folder}. */
    public static PromptTemplate parse(String text) {
        return parse(text, Set.of("tags", "name", "folder"));
    }

    /**
     * {@link #parse} for a user's {@code --prompt} (CLI and Spark alike): a one-line {@code TaglineException}, with the
     * {@code {qa}} hint only when {@code {qa}} is what the prompt lacks ({@code questions}: --ask or --questions given).
     */
    public static PromptTemplate parseOption(String text, Set<String> known, boolean questions) {
        try {
            return parse(text, known);
        } catch (IllegalArgumentException e) {
            throw new dev.tagline.core.TaglineException("Invalid --prompt: " + e.getMessage(),
                    onlyQaMissing(text, questions) ? "{qa} needs --ask or --questions." : "", e);
        }
    }

    /** True when {@code text} would parse with {@code {qa}} known: the questions are what it lacks. */
    private static boolean onlyQaMissing(String text, boolean questions) {
        try {
            parse(text, Set.of("tags", "name", "folder", "qa"));
            return !questions;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The placeholders used, in order of appearance, with aliases resolved. */
    public List<String> variables() {
        return variables;
    }

    public String text() {
        return text;
    }

    /** Fills the placeholders; a variable missing from {@code vars} renders as empty text. */
    public String render(Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (m.find()) {
            String token = m.group();
            String replacement = token.equals("{{") ? "{" : token.equals("}}") ? "}"
                    : vars.getOrDefault(canonical(m.group(1)), "");
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String canonical(String name) {
        return name.equals("directory") ? "folder" : name;
    }

    @Override
    public String toString() {
        return text;
    }
}
