package dev.tagline.video.copy;

import dev.tagline.inference.text.PartOfSpeech;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words and two-word phrases that set a clip apart from the rest of its video: each candidate scores its count in
 * the clip times {@code log(1 + videoWords / countInVideo)} (TF-IDF with the video's vocabulary as the background), so
 * a term the whole talk repeats ranks below one this clip is about. Stop words never start or end a phrase. Pure.
 */
public final class KeyPhrases {
    static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList(("a an and are as at be been but by can could did do does doing don for from "
            + "had has have having he her here him his how i if in into is it its it's just let me more most my no "
            + "not now of off on once only or other our out over own really right same she should so some such than "
            + "that that's the their them then there these they this those through to too under until up very was we "
            + "were what when where which while who why will with would you your yours yeah okay ok um uh like know "
            + "think going get got go one thing things lot also because about all any again well want see say said "
            + "i'm you're we're they're it's there's that's let's gonna kind really actually "
            // the rest of the usual English function words (prepositions, pronouns, auxiliaries, negations) and
            // talk fillers: none of them says what a clip is about
            + "including during before after above below between both each few nor further against without within "
            + "across along around among upon per via since though although whether yet may might must shall "
            + "can't won't isn't aren't wasn't weren't doesn't didn't haven't hasn't hadn't couldn't wouldn't "
            + "shouldn't don't ours ourselves yourself yourselves himself herself itself themselves theirs hers whom "
            + "being am etc every much many maybe something anything everything nothing someone everyone anyone "
            + "stuff basically pretty quite still even ever never always often sometimes usually already almost "
            + "anyway whatever wanna gotta i've you've we've they've i'll you'll we'll they'll i'd you'd "
            + "we'd they'd another").split(" ")));

    /**
     * Words that are no stop words but name no topic either: a hashtag of them (#work, #first, #start) tells a viewer
     * nothing, and a phrase that starts or ends with one ("run git") is an instruction, not a subject.
     */
    static final Set<String> GENERIC = Set.copyOf(java.util.Arrays.asList(("work works working worked main first "
            + "second third last next start starts started starting end ends step steps part parts way ways time "
            + "times today make makes making made take takes taking took use uses using used need needs needed look "
            + "looks looking show shows showing shown try trying tried keep keeps change changes changed back open "
            + "opens put puts set sets call calls called find finds give gives tell tells mean means bit little big "
            + "whole simple easy quick fast different important new old good great best better nice cool run runs "
            + "running ran done top bottom left line lines point points case example examples sure number numbers "
            + "place minute minutes seconds hour hours day days week year years people person guys video videos "
            + "tutorial episode channel subscribe click link description come comes came write writes written type "
            + "types typed enter press hit add adds added remove removes removed instead together later "
            // number words and everyday adjectives and verbs that name no subject (dogfood: #ninety #three #small
            // #reaches)
            + "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy "
            + "eighty ninety hundred thousand million billion small large huge tiny long short high low reach reaches "
            + "reached allow allowed allows purpose really actually basically "
            // times of day and tense that name no subject either ("future you will thank you in the morning")
            + "morning mornings evening night tonight tomorrow yesterday future past weekend").split(" ")));

    private KeyPhrases() {
    }

    /**
     * The word the whole video keeps coming back to (a git tutorial's "git"), if one stands out: the most frequent
     * word that is neither a stop word nor {@link #GENERIC}, three letters or more (a tutorial's subject is often
     * short: git, css, sql, vim), at least 5 times and at least 1 % of the words; else empty.
     */
    public static java.util.Optional<String> topic(String videoText) {
        List<String> words = tokens(videoText);
        Map<String, Integer> c = new HashMap<>();
        for (String w : words) {
            if (term(w)) {
                c.merge(w, 1, Integer::sum);
            }
        }
        return c.entrySet().stream().filter(e -> e.getValue() >= 5 && e.getValue() * 100 >= words.size())
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey);
    }

    /** Up to {@code n} key phrases of {@code clipText}, best first, lower case. */
    public static List<String> of(String clipText, String videoText, int n) {
        Map<String, Integer> inClip = counts(tokens(clipText));
        return rank(inClip, videoText, n, term -> inClip.get(term) >= 2);
    }

    /**
     * Up to {@code n} key phrases of {@code clipText} that name things, for hashtags: nouns and names, each counted
     * where it is one in its sentence ({@link SpokenNouns}), and noun phrases: two nouns in a row ("pull request",
     * "git stash"), or an adjective and a noun said at least twice ("virtual environment"). Verbs and adjectives on
     * their own never are (#tastes, #perfect). Ranked as {@link #of}.
     */
    static List<String> nouns(String clipText, String videoText, int n, PartOfSpeech pos) {
        Map<String, Integer> inClip = new HashMap<>();
        Set<String> compounds = new java.util.HashSet<>();
        for (List<SpokenNouns.Word> run : SpokenNouns.runs(clipText, pos)) {
            for (int i = 0; i < run.size(); i++) {
                SpokenNouns.Word w = run.get(i);
                if (!term(w.text())) {
                    continue;
                }
                if (w.noun()) {
                    inClip.merge(w.text(), 1, Integer::sum);
                }
                SpokenNouns.Word next = i + 1 < run.size() ? run.get(i + 1) : null;
                if (next != null && next.noun() && term(next.text()) && (w.noun() || w.adjective())) {
                    String pair = w.text() + " " + next.text();
                    inClip.merge(pair, 1, Integer::sum);
                    if (w.noun()) {
                        compounds.add(pair);
                    }
                }
            }
        }
        return rank(inClip, videoText, n, term -> compounds.contains(term) || inClip.get(term) >= 2);
    }

    /**
     * The clip's terms by count times {@code log(1 + videoWords / countInVideo)}, best first, none inside a better one:
     * words of four letters or more, and pairs that {@code pairOk} lets through.
     */
    private static List<String> rank(Map<String, Integer> inClip, String videoText, int n,
                                     java.util.function.Predicate<String> pairOk) {
        List<String> video = tokens(videoText);
        Map<String, Integer> inVideo = counts(video);
        int videoWords = Math.max(1, video.size());
        Map<String, Double> scores = new LinkedHashMap<>();
        inClip.forEach((term, count) -> {
            int background = Math.max(count, inVideo.getOrDefault(term, count));
            double weight = term.contains(" ") ? 1.5 : 1.0;
            scores.put(term, weight * count * Math.log(1 + (double) videoWords / background));
        });
        List<String> ranked = new ArrayList<>(scores.keySet());
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        List<String> out = new ArrayList<>();
        for (String term : ranked) {
            boolean covered = out.stream().anyMatch(o -> o.contains(term) || term.contains(o));
            if (!covered && (term.contains(" ") ? pairOk.test(term) : term.length() >= 4)) {
                out.add(term);
            }
            if (out.size() == n) {
                break;
            }
        }
        return out;
    }

    /** A word that may be a key phrase or half of one: no stop word, no {@link #GENERIC} word, no bare number. */
    private static boolean term(String w) {
        return !STOP.contains(w) && !GENERIC.contains(w) && w.length() >= 3 && !w.chars().allMatch(Character::isDigit);
    }

    /** Words and adjacent non-stop-word pairs. */
    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> c = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!term(w)) {
                continue;
            }
            c.merge(w, 1, Integer::sum);
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            if (!STOP.contains(next) && !GENERIC.contains(next) && next.length() >= 3) {
                c.merge(w + " " + next, 1, Integer::sum);
            }
        }
        return c;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        // hyphens inside a word keep it whole: "cherry-pick", "pre-commit", "utf-8"
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+")) {
            String w = t.replaceAll("^['-]+|['-]+$", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
