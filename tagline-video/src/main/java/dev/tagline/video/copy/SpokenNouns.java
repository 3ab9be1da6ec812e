package dev.tagline.video.copy;

import dev.tagline.inference.text.PartOfSpeech;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript's words marked noun or adjective where they stand, so that hashtags name subjects (#pasta, #git) and
 * never what someone does or how something is (#tastes, #perfect, #starchy: dogfood round 4). Each sentence is tagged
 * whole by {@link PartOfSpeech}, and two of its known slips are mended: a sentence's capitalised first word is tagged
 * in lower case ("Starchy pasta water…" read "Starchy" as a proper noun), and a word in "-s" after a noun, in a
 * sentence the tagger left without a verb ("the water tastes perfect"), or after a subject pronoun ("it lands"), is
 * the verb. Pure but for the tagger.
 */
final class SpokenNouns {
    /** Below this the tagger is guessing: "describe" at 0.48 in "…a message, describe why…". */
    static final double MIN_NOUN_PROBABILITY = 0.5;
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");
    /** UD-EWT splits clitics off: "don't" is do + n't, "git's" is git + 's. */
    private static final Pattern CLITIC = Pattern.compile("(?i)(.+?)(n't|n’t|['’](s|re|ll|ve|d|m))");
    private static final Set<String> SUBJECTS = Set.of("it", "he", "she", "this", "that", "which", "who");

    /** A word in lower case; whether it is a noun (or a name, or a term the tagger does not know) or an adjective. */
    record Word(String text, boolean noun, boolean adjective) {
    }

    private SpokenNouns() {
    }

    /** Runs of words between punctuation marks, sentence by sentence: a phrase never spans a comma or a full stop. */
    static List<List<Word>> runs(String text, PartOfSpeech pos) {
        List<List<Word>> runs = new ArrayList<>();
        for (String sentence : HeuristicCopywriter.sentences(text)) {
            List<String> tokens = tokens(sentence);
            List<PartOfSpeech.Tagged> tagged = mend(pos.tag(tokens));
            List<Word> run = new ArrayList<>();
            for (PartOfSpeech.Tagged t : tagged) {
                if (!Character.isLetterOrDigit(t.token().codePointAt(0))) {
                    if (!run.isEmpty()) {
                        runs.add(run);
                    }
                    run = new ArrayList<>();
                } else {
                    run.add(new Word(t.token().toLowerCase(Locale.ROOT).replace('’', '\''), noun(t),
                            t.tag().equals("ADJ")));
                }
            }
            if (!run.isEmpty()) {
                runs.add(run);
            }
        }
        return runs;
    }

    /** A sentence's words, clitics and punctuation marks; its first word in lower case unless it is all capitals. */
    static List<String> tokens(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) {
            Matcher clitic = CLITIC.matcher(m.group());
            if (clitic.matches()) {
                out.add(clitic.group(1));
                out.add(clitic.group(2));
            } else {
                out.add(m.group());
            }
        }
        if (!out.isEmpty() && out.get(0).length() > 1 && out.get(0).substring(1).equals(out.get(0).substring(1)
                .toLowerCase(Locale.ROOT))) {
            out.set(0, out.get(0).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Mends a verb read as a noun: a word in "-s" after a subject pronoun, or after a noun in a verbless sentence. */
    static List<PartOfSpeech.Tagged> mend(List<PartOfSpeech.Tagged> tagged) {
        List<PartOfSpeech.Tagged> out = new ArrayList<>(tagged);
        boolean verbless = tagged.stream().noneMatch(t -> t.tag().equals("VERB") || t.tag().equals("AUX"));
        for (int i = 1; i < out.size(); i++) {
            PartOfSpeech.Tagged t = out.get(i);
            String before = out.get(i - 1).token().toLowerCase(Locale.ROOT);
            boolean afterNoun = out.get(i - 1).tag().equals("NOUN") || out.get(i - 1).tag().equals("PROPN");
            if (t.tag().equals("NOUN") && thirdPerson(t.token())
                    && (SUBJECTS.contains(before) || verbless && afterNoun)) {
                out.set(i, new PartOfSpeech.Tagged(t.token(), "VERB", t.probability()));
                verbless = false;
            }
        }
        return out;
    }

    private static boolean thirdPerson(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is");
    }

    /** A noun or a name the tagger is sure of, or a word it could not place at all ("venv", "cherry-pick"). */
    private static boolean noun(PartOfSpeech.Tagged t) {
        return switch (t.tag()) {
            case "NOUN", "PROPN" -> t.probability() >= MIN_NOUN_PROBABILITY;
            case "X", "SYM", "PUNCT" -> true;
            default -> false;
        };
    }
}
