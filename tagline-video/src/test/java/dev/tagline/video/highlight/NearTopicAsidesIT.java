package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.video.TestMedia;
import dev.tagline.video.transcript.Word;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How far digressions of the git tutorial ({@link AsidesIT#SAID}) stray, by the real MiniLM: its cooking break as it
 * is, a longer one of about 50 s, and in its place tangents close to the subject (GitHub's prices, the editor theme,
 * the keyboard the speaker types on). Prints each one's robust z (docs/benchmarks.md, "Issue 7 — clips find:
 * off-topic asides", near-topic asides) and checks what the figures there say.
 */
class NearTopicAsidesIT {
    /** The cooking break's sentences in {@link AsidesIT#SAID}: "Now, a quick break." to "Okay, back to git.". */
    static final int BREAK_FROM = 17;
    static final int BREAK_TO = 20;
    /** Seconds a word as the tutorial's espeak-ng voice said the pasta tip (19 words in 6.8 s). */
    static final double SECONDS_A_WORD = 0.36;
    static final String INTRO = "Now, a quick side note.";
    static final String OUTRO = "Okay, back to git.";
    static final Map<String, List<String>> TANGENTS = new LinkedHashMap<>();

    static {
        TANGENTS.put("pasta, 50 s", List.of("Now, a quick break.",
                "Did you know that the secret to perfect pasta is salting the water until it tastes like the sea?",
                "Boil it hard, stir it in the first minute, and save a cup of the starchy water for the sauce.",
                "Drain it a minute before the packet says, because it keeps cooking in the pan.",
                "Toss it with the sauce over a low flame and loosen it with a splash of that starchy water.",
                "Finish with a knob of cold butter and a handful of grated parmesan, off the heat.",
                "My grandmother added a pinch of chilli flakes, and honestly it makes all the difference.",
                "Serve it in warm bowls so the sauce does not set before you sit down.",
                "Leftovers are great the next day, fried in a pan until the edges go crisp.",
                OUTRO));
        TANGENTS.put("GitHub pricing", List.of(INTRO,
                "A lot of you asked whether you need to pay for GitHub to follow along.",
                "The free plan gives you unlimited private repositories and two thousand minutes of Actions a month.",
                "The Team plan costs four dollars per user each month and adds required reviewers and code owners.",
                OUTRO));
        TANGENTS.put("editor theme", List.of(INTRO,
                "People keep asking which editor theme I use in these videos.",
                "It is a dark theme with a slightly warmer background, and the font has ligatures so arrows look"
                        + " like arrows.",
                "I switch to a light theme in the afternoon because my desk gets a lot of sun.",
                OUTRO));
        TANGENTS.put("git's history", List.of(INTRO,
                "Git was written by Linus Torvalds in 2005, in about ten days, after the kernel lost its old tool.",
                "He named it after himself, or so the joke goes, and Junio Hamano has looked after it ever since.",
                "Today almost every project you will meet keeps its history in it.",
                OUTRO));
        TANGENTS.put("a git GUI", List.of(INTRO,
                "Some of you prefer clicking to typing, and that is fine.",
                "A graphical client shows your branches as a tree, and you can stage single lines with the mouse.",
                "I still use the command line, because it works the same on every machine I log into.",
                OUTRO));
        TANGENTS.put("keyboard", List.of(INTRO,
                "If you are wondering about the clicking, this is a mechanical keyboard with brown switches.",
                "I bought it after a year of typing on a laptop, and my wrists have thanked me ever since.",
                "It is not cheap, but if you type all day it is worth every cent.",
                OUTRO));
    }

    private static SentenceEmbedder embedder;

    @BeforeAll
    static void model() {
        embedder = FinderModels.builtin(TestModels.builtins(BuiltinModels.EMBEDDINGS)).embedder().orElseThrow();
    }

    /** What {@link Asides} makes of a talk: the lowest z of runs in, holding and clear of the digression. */
    record Measured(String name, double seconds, double within, double holding, double onTopic,
                    List<ClipSignals.Aside> asides) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-16s %5.1f s  lowest z: within %6.2f, holding it %6.2f, on-topic"
                    + " %6.2f; asides %s", name, seconds, within, holding, onTopic, asides);
        }
    }

    @Test
    void thePastaTipIsAnAsideAndTheOnTopicRunsAreNot() {
        Measured pasta = measure("pasta (talk2)", said(), BREAK_FROM, BREAK_TO);
        System.err.println(pasta);
        assertEquals(List.of(new ClipSignals.Aside(Duration.ofMillis(75_492), Duration.ofMillis(88_856))),
                pasta.asides());
    }

    /**
     * Tangents away from git itself, though close to a git tutorial (what GitHub costs, the editor's theme, the
     * keyboard): measured −6.1 to −7.2, asides like the pasta tip, marked within their own sentences.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GitHub pricing", "editor theme", "keyboard"})
    void aTangentAwayFromGitIsAnAsideWithinItsOwnSentences(String name) {
        List<Sentence> talk = replaced(TANGENTS.get(name));
        int to = BREAK_FROM + TANGENTS.get(name).size() - 1;
        Measured m = measure(name, talk, BREAK_FROM, to);
        System.err.println(m);
        assertEquals(1, m.asides().size(), m::toString);
        assertTrue(m.asides().get(0).start().compareTo(talk.get(BREAK_FROM).start()) >= 0
                && m.asides().get(0).end().compareTo(talk.get(to).end()) <= 0, m::toString);
    }

    /**
     * A tangent about git itself (a graphical client) strays no further than the tutorial's own opening and
     * closing lines (−4.2 against −4.7) and is no aside; one about git's history came to −4.95, on the line, and is
     * printed, not checked. A 50 s cooking break in this 2:45 talk is more than a fifth of it: a topic, not an aside.
     */
    @Test
    void aTangentAboutGitItselfIsNoAsideNorIsABreakOfAFifthOfTheTalk() {
        for (String name : List.of("a git GUI", "git's history", "pasta, 50 s")) {
            Measured m = measure(name, replaced(TANGENTS.get(name)), BREAK_FROM,
                    BREAK_FROM + TANGENTS.get(name).size() - 1);
            System.err.println(m);
            if (!name.equals("git's history")) {
                assertEquals(List.of(), m.asides(), m::toString);
            }
        }
    }

    /**
     * The 50 s cooking break ({@code "pasta, 50 s"} without its first and last line) put into the middle of the
     * first 150 lines of each manifesto, 0.4 s a word: where it is found (5 of the 6 when measured), it is marked
     * from its first sentence to its last and nothing else is.
     */
    @Test
    void aFiftySecondCookingBreakInTheManifestosIsMarkedWhole() throws IOException {
        Path dir = TestMedia.sharedData("segmentation/data/manifesto");
        List<String> tangent = TANGENTS.get("pasta, 50 s");
        List<String> cooking = tangent.subList(1, tangent.size() - 1);
        int whole = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f).stream()
                        .filter(l -> !l.startsWith("=") && !l.isBlank()).limit(150).toList();
                List<String> text = new ArrayList<>(lines.subList(0, 75));
                text.addAll(cooking);
                text.addAll(lines.subList(75, lines.size()));
                List<Sentence> talk = new ArrayList<>();
                double at = 0;
                for (String t : text) {
                    talk.add(sentence(talk.size(), at, at + 0.4 * t.split(" ").length, t));
                    at += 0.4 * t.split(" ").length;
                }
                Measured m = measure(f.getFileName().toString(), talk, 74, 75 + cooking.size());
                System.err.println(m);
                List<ClipSignals.Aside> cooked = List.of(new ClipSignals.Aside(talk.get(75).start(),
                        talk.get(74 + cooking.size()).end()));
                assertTrue(m.asides().isEmpty() || m.asides().equals(cooked), m + ", cooking " + cooked);
                whole += m.asides().isEmpty() ? 0 : 1;
            }
        }
        assertTrue(whole >= 5, "the cooking break was marked in " + whole + " of 6 manifestos");
    }

    /** Lowest z of runs inside the digression's own sentences, of runs holding any of it, of runs clear of it. */
    static Measured measure(String name, List<Sentence> talk, int from, int to) {
        float[][] vectors = embedder.embed(talk.stream().map(Sentence::text).toList());
        List<int[]> runs = Asides.stretches(talk);
        double[] z = Asides.zScores(runs, vectors, Asides.sum(vectors));
        double within = Double.NaN;
        double holding = Double.NaN;
        double onTopic = Double.NaN;
        for (int i = 0; i < runs.size(); i++) {
            int[] r = runs.get(i);
            if (r[0] > from && r[1] < to) {
                within = Double.isNaN(within) ? z[i] : Math.min(within, z[i]);
            }
            if (r[1] > from && r[0] < to) {
                holding = Double.isNaN(holding) ? z[i] : Math.min(holding, z[i]);
            } else if (r[1] < from || r[0] > to) {
                onTopic = Double.isNaN(onTopic) ? z[i] : Math.min(onTopic, z[i]);
            }
        }
        double seconds = talk.get(to - 1).end().minus(talk.get(from + 1).start()).toMillis() / 1000.0;
        return new Measured(name, seconds, within, holding, onTopic, Asides.find(talk, vectors));
    }

    /** The tutorial as {@link AsidesIT#SAID} times it. */
    static List<Sentence> said() {
        List<Sentence> out = new ArrayList<>();
        for (Object[] s : AsidesIT.SAID) {
            out.add(sentence(out.size(), (double) s[0], (double) s[1], (String) s[2]));
        }
        return out;
    }

    /** The tutorial with the cooking break's sentences replaced by {@code tangent}, the rest moved on. */
    static List<Sentence> replaced(List<String> tangent) {
        List<Sentence> out = new ArrayList<>(said().subList(0, BREAK_FROM));
        double at = (double) AsidesIT.SAID[BREAK_FROM][0];
        for (String text : tangent) {
            double end = at + SECONDS_A_WORD * text.split(" ").length;
            out.add(sentence(out.size(), at, end, text));
            at = end;
        }
        double shift = at - (double) AsidesIT.SAID[BREAK_TO][1];
        for (Object[] s : Arrays.asList(AsidesIT.SAID).subList(BREAK_TO + 1, AsidesIT.SAID.length)) {
            out.add(sentence(out.size(), (double) s[0] + shift, (double) s[1] + shift, (String) s[2]));
        }
        return out;
    }

    private static Sentence sentence(int id, double from, double to, String text) {
        Duration start = Duration.ofMillis(Math.round(from * 1000));
        Duration end = Duration.ofMillis(Math.round(to * 1000));
        return new Sentence(id, start, end, text, List.of(new Word(start, end, text)));
    }
}
