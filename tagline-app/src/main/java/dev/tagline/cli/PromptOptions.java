package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.images.caption.CaptionCleanup;
import dev.tagline.images.caption.CaptionRequest;
import dev.tagline.images.caption.Captioners;
import dev.tagline.images.caption.GenerationSettings;
import dev.tagline.images.caption.PromptTemplate;
import dev.tagline.images.caption.QaChain;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** What {@code tagline caption} asks and how the answer is cleaned: prompt, generation, questions, clean-up. */
final class PromptOptions {
    @Option(names = "--prompt", paramLabel = "TEXT", description = "The prompt; {tags}, {name}, {folder} and, with"
            + " --ask, {qa} are filled per image. Default: a one-sentence description, or one that keeps {tags}"
            + " with --tagger; in-process models: the task <MORE_DETAILED_CAPTION>.")
    String prompt;
    @Option(names = "--system", paramLabel = "TEXT", description = "System prompt for chat servers.")
    String system;
    @Option(names = "--max-tokens", paramLabel = "N", description = "Longest answer (default 100).")
    Integer maxTokens;
    @Option(names = "--beams", paramLabel = "N", description = "Beam search width, in-process models only"
            + " (default 1; Florence-2 3).")
    Integer beams;
    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default 0: greedy).")
    Double temperature;
    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling (default 1).")
    Double topP;
    @Option(names = "--repetition-penalty", paramLabel = "X", description = "Default 1 (off); sent to servers that"
            + " take it (vLLM, llama.cpp).")
    Double repetitionPenalty;
    @Option(names = "--no-repeat-ngram", paramLabel = "N", description = "In-process models: never repeat an"
            + " n-gram of this size (default 3).")
    Integer noRepeatNgram;
    @Option(names = "--ask", paramLabel = "QUESTIONS", description = "Ask these short questions first, each after"
            + " the earlier answers (\"Is this a human? Animal? Object?\"; \"key: question\" names an answer). The"
            + " answers go to NAME.json and into the prompt's {qa}.")
    String ask;
    @Option(names = "--questions", paramLabel = "FILE", description = "As --ask, one question per line.")
    Path questionsFile;
    @Option(names = "--style", paramLabel = "sentence|concise", defaultValue = "sentence",
            description = "sentence, or concise: comma-separated keywords (default: ${DEFAULT-VALUE}).")
    String style;
    @Option(names = "--max-length", paramLabel = "CHARS", defaultValue = "0",
            description = "Cut captions to this length at a sentence, word or keyword (default: 0, no limit).")
    int maxLength;
    @Option(names = "--prefix", paramLabel = "TEXT", description = "Put this first in every caption (a trigger"
            + " word).")
    String prefix;
    @Option(names = "--tag-retries", paramLabel = "N", defaultValue = "1", description = "When the prompt uses"
            + " {tags} and the caption leaves some out, ask again naming them, up to N times (default:"
            + " ${DEFAULT-VALUE}); captions still missing tags are counted in the report.")
    int tagRetries;

    Optional<QaChain> questions(CliContext ctx) {
        if (ask != null && questionsFile != null) {
            throw new TaglineException("Give --ask or --questions, not both", "Put all questions in the file.");
        }
        if (ask != null) {
            return Optional.of(QaChain.parseAsk(ask));
        }
        return questionsFile == null ? Optional.empty() : Optional.of(QaChain.parseFile(ctx.existingFile(
                questionsFile)));
    }

    CaptionRequest request(String captioner, boolean questions, boolean tagger) {
        Set<String> known = questions ? Set.of("tags", "name", "folder", "qa") : Set.of("tags", "name", "folder");
        String text = prompt != null ? prompt : Captioners.defaultPrompt(captioner, tagger);
        if (questions && !text.contains("{qa}")) {
            text = "{qa} " + text;
        }
        if (tagRetries < 0 || tagRetries > 5) {
            throw new TaglineException("--tag-retries must be 0 to 5, got " + tagRetries, "");
        }
        GenerationSettings g;
        try {
            GenerationSettings d = Captioners.defaultGeneration(captioner);
            g = new GenerationSettings(or(maxTokens, d.maxTokens()), or(beams, d.beams()),
                    or(temperature, d.temperature()), or(topP, d.topP()), or(repetitionPenalty,
                    d.repetitionPenalty()), or(noRepeatNgram, d.noRepeatNgram()));
        } catch (IllegalArgumentException e) {
            throw new TaglineException(e.getMessage(), "Give a value in that range, or leave the option out for the"
                    + " captioner's default.", e);
        }
        Captioners.requireSupported(captioner, g);
        return new CaptionRequest(PromptTemplate.parseOption(text, known, questions), Optional.ofNullable(system), g);
    }

    CaptionCleanup cleanup() {
        return new CaptionCleanup(CaptionCleanup.Style.parse(style), maxLength, prefix);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
