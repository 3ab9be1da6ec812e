package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.progress.Progress;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.openai.AnswerLimit;
import dev.tagline.inference.openai.ChatClient;
import dev.tagline.inference.openai.OpenAiEndpoint;
import dev.tagline.inference.openai.TranscriptionClient;
import dev.tagline.inference.store.ModelStore;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegLocator;
import dev.tagline.video.highlight.ClipFinder;
import dev.tagline.video.highlight.DurationBand;
import dev.tagline.video.highlight.FinderModels;
import dev.tagline.video.highlight.LlmJudge;
import dev.tagline.video.signal.DecodeOptions;
import dev.tagline.video.transcript.OpenAiSpeechToText;
import dev.tagline.video.transcript.SpeechToText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline clips}: the long-video-to-clips pipeline: {@code find} (issue #7) and {@code render} (issue #8). */
@Command(name = "clips", mixinStandardHelpOptions = true,
        description = "Find short clips in a long video and render them ready to post.")
final class ClipsCommand extends CommandGroup {
    /** A bad preset is a usage error, so a value from tagline.toml or the environment names where it came from. */
    static final class LengthConverter implements picocli.CommandLine.ITypeConverter<DurationBand> {
        @Override
        public DurationBand convert(String value) {
            try {
                return DurationBand.preset(value);
            } catch (TaglineException e) {
                throw new picocli.CommandLine.TypeConversionException(e.oneLine().replaceFirst("\\.$", ""));
            }
        }
    }

    /** {@code tagline clips find VIDEO}: writes {@code VIDEO.clips.json} and prints the ranked table. */
    @Command(name = "find", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Find the moments worth posting in a long video and list them in a clips file.",
                "The clips file is VIDEO.clips.json, beside the video.",
                "Transcript: VIDEO.srt/.vtt/.json beside the video, else an embedded subtitle stream, else "
                    + "--endpoint (an OpenAI-compatible speech-to-text server), else none (sound and picture only).",
                "Built-in models (Silero VAD, PaddleOCR, MiniLM) are fetched into the model cache on first use."})
    static final class FindCommand implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(paramLabel = "VIDEO", description = "The long video.")
        Path video;

        @Option(names = "--min", paramLabel = "SECONDS", defaultValue = "30", description = "Shortest clip (default 30).")
        int minSeconds;

        @Option(names = "--max", paramLabel = "SECONDS", defaultValue = "60", description = "Longest clip (default 60).")
        int maxSeconds;

        @Option(names = "--length", paramLabel = "PRESET", converter = LengthConverter.class,
                description = "short (15-30 s), medium (30-60 s) or long (60-90 s); replaces --min/--max.")
        DurationBand preset;

        @Option(names = "--count", paramLabel = "N", description = "N clips instead of the automatic count (fewer, with a"
                + " note saying why, when fewer fit).")
        Integer count;

        @Option(names = "--max-overlap", paramLabel = "SHARE", defaultValue = "0.5",
                description = "Share of the shorter of two clips they may have in common (default 0.5; 0 for clips"
                        + " that repeat nothing, when every clip gets posted).")
        double maxOverlap;

        @Option(names = "--ffmpeg", paramLabel = "PATH", description = "ffmpeg program or its folder (default: PATH).")
        Path ffmpeg;

        @Option(names = "--endpoint", paramLabel = "URL",
                description = "OpenAI-compatible server: speech-to-text when there are no subtitles, and --judge.")
        String endpoint;

        @Option(names = "--stt-model", paramLabel = "MODEL", defaultValue = "whisper-1",
                description = "Model name sent to --endpoint (default whisper-1).")
        String sttModel;

        @Option(names = "--language", paramLabel = "CODE",
                description = "Spoken language hint for speech-to-text (ISO 639-1, e.g. en).")
        String language;

        @Mixin
        DeviceOptions device;

        @Option(names = "--sharp-text", description = "Read the kept clips' on-screen text at 1280 px with a larger"
                + " text detector: a screencast's code and small text come out nearly whole (about 3 s more per hour"
                + " of video).")
        boolean sharpText;

        @Option(names = "--judge", paramLabel = "openai:MODEL",
                description = "Let an LLM at --endpoint pick and score clips (falls back to the built-in scorer).")
        String judge;

        @Option(names = "--judge-max-tokens", paramLabel = "N", defaultValue = "" + LlmJudge.DEFAULT_MAX_TOKENS,
                description = "Longest answer the --judge model may write, its reasoning included, sent as max_tokens"
                        + " (default ${DEFAULT-VALUE}; raise it for a reasoning model).")
        int judgeMaxTokens;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        FindCommand(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ClipFinder.Options.checkOverlap(maxOverlap);
            AnswerLimit judgeLimit = new AnswerLimit("--judge-max-tokens", judgeMaxTokens);
            if (judge == null && spec.commandLine().getParseResult().hasMatchedOption("--judge-max-tokens")) {
                ctx.err().println("note: --judge-max-tokens has no effect without --judge; the built-in scorer picks"
                        + " the clips");
            }
            Path file = ctx.existingFile(video);
            DurationBand band = preset != null ? preset
                    : DurationBand.of(Duration.ofSeconds(minSeconds), Duration.ofSeconds(maxSeconds));
            if (count != null && count < 1) {
                throw new TaglineException("--count must be at least 1 (got " + count + ")", "");
            }
            Optional<LlmJudge> llm = judge(band, judgeLimit);
            Progress.Factory progress = TerminalProgress.forContext(ctx);
            ClipsFile clips;
            try (OnnxSessions sessions = device.openSessions(ctx.err()); // a GPU that cannot be used fails here
                    FinderModels models = FinderModels.builtin(BuiltinModels.open(ModelStore.fromEnvironment(
                            ctx.env(), TerminalProgress.forContext(ctx)), sessions, device.sessionConfig()),
                            device.threadsChosen(), sharpText)) {
                Ffmpeg tools = new Ffmpeg(new FfmpegLocator(ctx.env()).locate(Optional.ofNullable(ffmpeg)
                        .map(ctx::resolve)), new ProcessRunner(), Duration.ofHours(12));
                Optional<SpeechToText> stt = Optional.ofNullable(endpoint).map(url -> new OpenAiSpeechToText(
                        new TranscriptionClient(OpenAiEndpoint.of(url, ctx.env().get("OPENAI_API_KEY")),
                                Duration.ofMinutes(10), ctx.err()::println), sttModel, Optional.ofNullable(language)));
                ClipFinder.Options options = new ClipFinder.Options(band, count == null ? OptionalInt.empty()
                        : OptionalInt.of(count), stt, Optional.empty(), DecodeOptions.DEFAULT, llm, models,
                        maxOverlap);
                clips = new ClipFinder(tools, ctx.clock(), progress).find(file, options);
            }
            Path out = ClipsFile.pathFor(file);
            clips.write(out);
            print(ctx.out(), clips, out);
            return ExitCode.OK;
        }

        private Optional<LlmJudge> judge(DurationBand band, AnswerLimit limit) {
            if (judge == null) {
                return Optional.empty();
            }
            if (!judge.startsWith("openai:") || judge.length() == "openai:".length()) {
                throw new TaglineException("--judge " + judge + " is not of the form openai:MODEL",
                        "Write e.g. --judge openai:gpt-4o-mini --endpoint https://api.openai.com/v1.");
            }
            if (endpoint == null) {
                throw new TaglineException("--judge needs --endpoint", "Give the chat server's base URL, e.g."
                        + " --endpoint http://127.0.0.1:8080/v1.");
            }
            ChatClient chat = new ChatClient(OpenAiEndpoint.of(endpoint, ctx.env().get("OPENAI_API_KEY")),
                    Duration.ofMinutes(5), ctx.err()::println);
            return Optional.of(new LlmJudge(chat, judge.substring("openai:".length()), band, limit));
        }

        static void print(PrintWriter out, ClipsFile clips, Path file) {
            clips.notes().forEach(n -> out.println("note: " + n));
            if (clips.clips().isEmpty()) {
                out.println("No clips found in " + clips.source().path() + ". Wrote " + file.getFileName() + ".");
                return;
            }
            out.println(String.format(Locale.ROOT, "%-4s %-9s %-9s %6s %5s  %s", "#", "in", "out", "length", "score",
                    "hook / reason"));
            for (ClipCandidate c : clips.clips()) {
                out.println(String.format(Locale.ROOT, "%-4d %-9s %-9s %5.1fs %5d  %s", c.rank(),
                        clock(c.startSeconds()), clock(c.endSeconds()), c.endSeconds() - c.startSeconds(), c.score(),
                        hook(c) + c.reason()));
            }
            out.println("Wrote " + file.getFileName() + " (" + Counts.of(clips.clips().size(), "clip")
                    + (clips.transcript() == null ? "" : ", transcript from " + clips.transcript()) + ").");
        }

        /**
         * What tells the clip apart in the table: its hook line in quotes, or without a transcript the title shown on
         * screen, marked as such; empty when it has neither.
         */
        static String hook(ClipCandidate c) {
            if (!c.hookText().isEmpty()) {
                return "\"" + c.hookText() + "\" ";
            }
            return c.screenTitle().isEmpty() ? "" : "\"" + c.screenTitle() + "\" (on screen) ";
        }

        private static String clock(double seconds) {
            long tenths = Math.round(seconds * 10);
            return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
        }
    }
}
