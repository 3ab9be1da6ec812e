package dev.tagline.images.caption;

import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short questions asked about each image in turn, BLIP-2 style (salesforce/LAVIS {@code projects/blip2/README.md},
 * captioning.md §5.2): question <i>n</i> is sent after the earlier turns as {@code Question: q1 Answer: a1.
 * Question: q2 Answer:}, so that "Animal?" is read after "Is this a human? no". Each answer is kept under a key,
 * given ({@code subject: What is the main subject?}) or made from the question ({@code Is this a human?} →
 * {@code is_this_a_human}), for the {@code .json} sidecar and {@code tagline export --where key=value}.
 */
public final class QaChain {
    /** One question and the key its answer is stored under. */
    public record Question(String key, String text) {
    }

    /** One answered question. */
    public record Answer(String key, String question, String answer) {
    }

    /** The answers of one image, or why its chain broke off, and the tokens the chain used. */
    public record Outcome(List<Answer> answers, Optional<RuntimeException> failure, int promptTokens,
                         int completionTokens) {
    }

    /** Answers are a few words; a chat model that starts explaining is cut off here. */
    static final int ANSWER_MAX_TOKENS = 24;
    static final String VAR = "qa_prompt";
    private static final PromptTemplate STEP = PromptTemplate.parse("{" + VAR + "}", Set.of(VAR));
    private static final Pattern KEYED = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]{0,39})\\s*:\\s*(\\S.*)$");
    private final List<Question> questions;

    private QaChain(List<Question> questions) {
        if (questions.isEmpty()) {
            throw new TaglineException("No questions given", "Write e.g. --ask \"Is this a human? Animal? Object?\".");
        }
        Set<String> keys = new HashSet<>();
        for (Question q : questions) {
            if (!keys.add(q.key())) {
                throw new TaglineException("Two questions share the answer key '" + q.key() + "'",
                        "Give one a key of its own: --ask \"kind: " + q.text() + "\".");
            }
        }
        this.questions = List.copyOf(questions);
    }

    /** {@code "Is this a human? Animal? Object?"}: a question ends at each {@code ?}, or at {@code ;}. */
    public static QaChain parseAsk(String text) {
        List<Question> out = new ArrayList<>();
        for (String part : text.split("(?<=\\?)\\s+|\\s*;\\s*|\\n")) {
            if (!part.isBlank()) {
                out.add(question(part.strip()));
            }
        }
        return new QaChain(out);
    }

    /** One question per line; blank lines and lines starting with {@code #} are skipped. */
    public static QaChain parseFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.stream().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                throw new TaglineException("The questions file " + file + " holds no question",
                        "Write one question per line (lines starting with # are comments).");
            }
            return parseLines(lines);
        } catch (IOException e) {
            throw new TaglineException("Cannot read the questions file " + file + ": " + e.getMessage(),
                    "Give a text file with one question per line.", e);
        }
    }

    /** As {@link #parseFile}, from the file's lines (read elsewhere, e.g. on a Spark driver). */
    public static QaChain parseLines(List<String> lines) {
        List<Question> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                out.add(question(line.strip()));
            }
        }
        return new QaChain(out);
    }

    static Question question(String text) {
        Matcher m = KEYED.matcher(text);
        if (m.matches() && !m.group(1).equalsIgnoreCase("question")) {
            return new Question(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
        }
        String key = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (key.isEmpty()) {
            throw new TaglineException("The question '" + text + "' has no letters to name its answer",
                    "Give it a key: --ask \"kind: " + text + "\".");
        }
        return new Question(key.length() > 40 ? key.substring(0, 40).replaceAll("_+$", "") : key, text);
    }

    public List<Question> questions() {
        return questions;
    }

    /** The turns so far: {@code Question: q1 Answer: a1. Question: q2 Answer: a2.} (empty for none). */
    public static String context(List<Answer> answers) {
        StringBuilder sb = new StringBuilder();
        for (Answer a : answers) {
            sb.append(sb.isEmpty() ? "" : " ").append("Question: ").append(a.question()).append(" Answer: ")
                    .append(a.answer()).append('.');
        }
        return sb.toString();
    }

    /** What is sent for {@code next} after {@code answers}: the context, then {@code Question: … Answer:}. */
    public static String prompt(List<Answer> answers, Question next) {
        String context = context(answers);
        return (context.isEmpty() ? "" : context + " ") + "Question: " + next.text() + " Answer:";
    }

    /** The first sentence of an answer, lower case, without a leading "Answer:" or a final full stop. */
    static String cleanAnswer(String raw) {
        String t = CaptionCleanup.withoutReasoning(raw).replaceFirst("(?i)^answer:\\s*", "");
        t = t.lines().findFirst().orElse("").strip();
        int end = t.indexOf(". ");
        if (end > 0) {
            t = t.substring(0, end);
        }
        return t.replaceAll("[.!]+$", "").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Asks every question of every image of {@code batch} through {@code captioner}; an image whose answer fails
     * stops its chain (its outcome holds the failure), the others go on. Called on the captioner's thread.
     */
    public List<Outcome> run(Captioner captioner, List<Captioner.Prepared> batch, Optional<String> system,
                             GenerationSettings generation) {
        int n = batch.size();
        List<List<Answer>> answers = new ArrayList<>();
        RuntimeException[] failures = new RuntimeException[n];
        int[] promptTokens = new int[n];
        int[] completionTokens = new int[n];
        batch.forEach(p -> answers.add(new ArrayList<>()));
        GenerationSettings short_ = new GenerationSettings(Math.min(ANSWER_MAX_TOKENS, generation.maxTokens()),
                generation.beams(), generation.temperature(), generation.topP(), generation.repetitionPenalty(),
                generation.noRepeatNgram());
        CaptionRequest request = new CaptionRequest(STEP, system, short_);
        for (Question q : questions) {
            List<Integer> live = new ArrayList<>();
            List<Captioner.Prepared> step = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (failures[i] == null) {
                    live.add(i);
                    Captioner.Prepared p = batch.get(i);
                    step.add(new Captioner.Prepared(p.input().with(VAR, prompt(answers.get(i), q)), p.payload()));
                }
            }
            if (step.isEmpty()) {
                break;
            }
            List<Caption> out;
            CaptionBatchException partial = null;
            try {
                out = captioner.captionPrepared(step, request);
            } catch (CaptionBatchException e) {
                partial = e;
                out = null;
            }
            for (int j = 0; j < live.size(); j++) {
                int i = live.get(j);
                Caption c = partial == null ? out.get(j) : partial.caption(j).orElse(null);
                if (c == null) {
                    failures[i] = partial.failure(j).orElseThrow();
                    continue;
                }
                answers.get(i).add(new Answer(q.key(), q.text(), cleanAnswer(c.text())));
                promptTokens[i] += c.promptTokens();
                completionTokens[i] += c.completionTokens();
            }
        }
        List<Outcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outcomes.add(new Outcome(List.copyOf(answers.get(i)), Optional.ofNullable(failures[i]), promptTokens[i],
                    completionTokens[i]));
        }
        return outcomes;
    }
}
