package dev.tagline.video.highlight;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.inference.openai.AnswerLimit;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An LLM picks and scores clips (video.md §5.3): it sees numbered sentences with their spoken length, never
 * timestamps, and answers strict JSON naming sentence id ranges ({@link JudgeAnswer}); Java maps the ids back to word
 * times through the {@link BoundarySnapper} and drops clips outside the band. Long transcripts go in parts of 1,200 s
 * overlapping by 60 s (AI-Youtube-Shorts-Generator {@code highlights.py}, video.md §4). An invalid answer is retried
 * once with the reason; a second invalid answer, or a server failure, falls back to the {@link HeuristicScorer} for
 * that part, and the notes say so. Energy and visual sub-scores come from the signals, which the judge cannot see.
 * Each request sends {@code max_tokens} ({@code --judge-max-tokens}); an answer cut off there, or one all reasoning,
 * is not asked again (it would be cut as short), and the note names the option to raise.
 */
public final class LlmJudge {
    static final Duration PART = Duration.ofSeconds(1200);
    static final Duration OVERLAP = Duration.ofSeconds(60);

    /** What the judge chose and what went wrong on the way. */
    public record Result(List<ScoredClip> clips, List<String> notes) {
    }

    /**
     * {@code --judge-max-tokens}' default: room for the JSON of a part's clips (about 90 tokens each, a dozen at most)
     * twice over, so that a short reasoning block fits too; a long one needs more.
     */
    public static final int DEFAULT_MAX_TOKENS = 2048;

    private final ChatClient chat;
    private final String model;
    private final DurationBand band;
    private final AnswerLimit limit;

    public LlmJudge(ChatClient chat, String model, DurationBand band, AnswerLimit limit) {
        this.chat = chat;
        this.model = model;
        this.band = band;
        this.limit = limit;
    }

    /** A judge with {@link #DEFAULT_MAX_TOKENS}. */
    public LlmJudge(ChatClient chat, String model, DurationBand band) {
        this(chat, model, band, new AnswerLimit("--judge-max-tokens", DEFAULT_MAX_TOKENS));
    }

    public Result judge(List<Sentence> sentences, BoundarySnapper snapper, ClipSignals signals) {
        HeuristicScorer heuristic = new HeuristicScorer(band);
        List<ScoredClip> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (List<Sentence> part : parts(sentences)) {
            int first = part.get(0).id();
            int last = part.get(part.size() - 1).id();
            List<JudgeAnswer.Clip> answer = ask(part, first, last, notes);
            if (answer == null) {
                List<Candidate> candidates = new CandidateGenerator(band).generate(part, snapper).stream()
                        .map(c -> new Candidate(c.first() + first, c.last() + first, c.start(), c.end(),
                                c.danglingStart())).toList();
                out.addAll(heuristic.score(candidates, sentences, signals));
                continue;
            }
            int dropped = 0;
            for (JudgeAnswer.Clip clip : answer) {
                Candidate c = new Candidate(clip.startSentence(), clip.endSentence(),
                        snapper.snapStart(sentences.get(clip.startSentence()).start()),
                        snapper.snapEnd(sentences.get(clip.endSentence()).end()),
                        clip.startSentence() > 0 && DanglingStart.test(sentences.get(clip.startSentence()).text()));
                if (!band.contains(c.length())) {
                    dropped++;
                    continue;
                }
                ClipCandidate.SubScores signal = heuristic.score(List.of(c), sentences, signals).get(0).subScores();
                out.add(new ScoredClip(c, clip.score(), new ClipCandidate.SubScores(clip.hook(), clip.payoff(),
                        clip.coherence(), signal.energy(), signal.visual()), firstSentence(clip.reason()),
                        HeuristicScorer.hookText(clip.hookText().isBlank()
                                ? sentences.get(clip.startSentence()).text() : clip.hookText())));
            }
            if (dropped > 0) {
                notes.add("The judge proposed " + dropped + " clip(s) outside " + band.min().toSeconds() + "-"
                        + band.max().toSeconds() + " s; they were dropped.");
            }
        }
        return new Result(out, notes);
    }

    /** The answer, or null after two invalid answers or a server failure (noted). */
    private List<JudgeAnswer.Clip> ask(List<Sentence> part, int first, int last, List<String> notes) {
        List<ChatClient.Message> messages = new ArrayList<>(List.of(ChatClient.Message.system(JudgePrompt.system(band)),
                ChatClient.Message.user(JudgePrompt.user(part))));
        String range = "sentences " + first + "-" + last;
        for (int attempt = 1; attempt <= 2; attempt++) {
            ChatClient.Reply reply;
            try {
                reply = chat.complete(new ChatClient.Request(model, messages, 0.2, true, limit.sampling()));
            } catch (OpenAiException e) {
                notes.add("The judge failed on " + range + " (" + e.oneLine() + "); the built-in scorer was used.");
                return null;
            }
            if (reply.thinkingOnly()) { // asking again would think as long
                notes.add("The judge wrote no answer on " + range + ": " + reply.thinkingOnlyProblem() + ": "
                        + limit.thinkingFix() + "; the built-in scorer was used.");
                return null;
            }
            String content = reply.answer();
            try {
                return JudgeAnswer.parse(content, first, last);
            } catch (JudgeAnswer.Invalid e) {
                if ("length".equals(reply.finishReason())) { // asking again would be cut as short
                    notes.add("The judge's answer on " + range + " was cut off at " + tokens(reply) + " ("
                            + e.getMessage() + "): " + limit.cutFix() + "; the built-in scorer was used.");
                    return null;
                }
                if (attempt == 2) {
                    notes.add("The judge answered invalidly twice on " + range + " (" + e.getMessage()
                            + "); the built-in scorer was used.");
                    return null;
                }
                messages.add(ChatClient.Message.assistant(content));
                messages.add(ChatClient.Message.user("That answer was invalid: " + e.getMessage()
                        + ". Answer again with JSON only, using only sentence numbers " + first + " to " + last + "."));
            }
        }
        return null;
    }

    /** "its token limit", or "812 tokens" when the server counted them. */
    static String tokens(ChatClient.Reply reply) {
        return reply.completionTokens() > 0 ? reply.completionTokens() + " tokens" : "its token limit";
    }

    /** Parts of at most {@link #PART}, each starting {@link #OVERLAP} before the previous one ended. */
    static List<List<Sentence>> parts(List<Sentence> sentences) {
        List<List<Sentence>> parts = new ArrayList<>();
        int start = 0;
        while (start < sentences.size()) {
            Duration limit = sentences.get(start).start().plus(PART);
            int end = start;
            while (end + 1 < sentences.size() && sentences.get(end + 1).end().compareTo(limit) <= 0) {
                end++;
            }
            parts.add(sentences.subList(start, end + 1));
            if (end + 1 >= sentences.size()) {
                break;
            }
            Duration back = sentences.get(end).end().minus(OVERLAP);
            int next = end + 1;
            while (next - 1 > start + 1 && sentences.get(next - 1).start().compareTo(back) >= 0) {
                next--;
            }
            start = next;
        }
        return parts;
    }

    private static String firstSentence(String reason) {
        int stop = reason.indexOf(". ");
        String one = stop < 0 ? reason : reason.substring(0, stop + 1);
        return one.endsWith(".") ? one : one + ".";
    }

    /** Prompt text, after OpenShorts' DETAIL_PROMPT rules (video.md §5.1) and the Tagline contract (§5.3). */
    static final class JudgePrompt {
        private JudgePrompt() {
        }

        static String system(DurationBand band) {
            return String.format(Locale.ROOT, """
                    You are a senior short-form video editor. From a numbered transcript, pick the moments worth \
                    posting as %d-%d second clips. A clip is a range of whole sentences. Prefer clips whose first \
                    two seconds stop a cold viewer (a question, a bold claim, a number, "the trick is") and that \
                    end on a payoff (a result, a before/after). Each clip must stand alone: never start on a \
                    pronoun, "so", "that" or a reference to something said earlier; move the start earlier instead \
                    of cutting the payoff. No two clips may make the same point. Ignore housekeeping, intros, \
                    outros and sponsor reads.
                    Answer with JSON only, in this shape:
                    {"clips": [{"start_sentence": 12, "end_sentence": 19, "score": 0-100, \
                    "sub_scores": {"hook": 0-100, "payoff": 0-100, "coherence": 0-100}, \
                    "hook_text": "at most 10 words", "reason": "one sentence naming the strongest features"}]}
                    Use only sentence numbers that appear in the transcript.""", band.min().toSeconds(),
                    band.max().toSeconds());
        }

        static String user(List<Sentence> part) {
            StringBuilder sb = new StringBuilder("Transcript (sentence number, spoken length, text):\n");
            for (Sentence s : part) {
                long seconds = Math.max(1, Math.round(s.end().minus(s.start()).toMillis() / 1000.0));
                sb.append('[').append(s.id()).append("] (").append(seconds).append(" s) ").append(s.text())
                        .append('\n');
            }
            return sb.toString();
        }
    }
}
