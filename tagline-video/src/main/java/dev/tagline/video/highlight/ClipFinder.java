package dev.tagline.video.highlight;

import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.progress.Progress;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegException;
import dev.tagline.video.ffmpeg.MediaInfo;
import dev.tagline.video.signal.DecodeOptions;
import dev.tagline.video.signal.PauseAnalyser;
import dev.tagline.video.signal.ScreenTextAnalyser;
import dev.tagline.video.transcript.ChunkedTranscriber;
import dev.tagline.video.transcript.EmbeddedSubtitles;
import dev.tagline.video.transcript.SidecarTranscripts;
import dev.tagline.video.transcript.SpeechToText;
import dev.tagline.video.transcript.Transcript;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code tagline clips find}: probe, one decoding pass through the analysers, a transcript (subtitles next to the
 * video, then an embedded subtitle stream, then speech-to-text when configured), sentences, candidate windows,
 * boundary snapping, scoring and selection, then the kept clips' on-screen text read again from the source
 * ({@link SharpScreenText}), as a {@link ClipsFile}. Whatever could not be used is said in the file's notes. Constant
 * memory apart from the compact signals.
 */
public final class ClipFinder {
    /**
     * What to look for. {@code speechToText} is used only when no subtitles exist; {@code judge}, when given, picks
     * and scores clips from the transcript instead of the built-in scorer; {@code models} give speech activity,
     * on-screen text, sentences and the sentence embeddings for topic segments ({@link TextTiler});
     * {@code maxOverlap} is the share of the shorter of two kept clips they may have in common (0: no second in two
     * clips; {@link ClipSelector#MAX_OVERLAP} by default).
     */
    public record Options(DurationBand band, OptionalInt count, Optional<SpeechToText> speechToText,
                          Optional<String> subtitleLanguage, DecodeOptions decode, Optional<LlmJudge> judge,
                          FinderModels models, double maxOverlap) {
        public Options {
            checkOverlap(maxOverlap);
        }

        /** Refuses a {@code maxOverlap} outside [0, 1), naming the option. */
        public static void checkOverlap(double maxOverlap) {
            if (!(maxOverlap >= 0 && maxOverlap < 1)) {
                throw new TaglineException("--max-overlap " + maxOverlap + " is not a share from 0 to below 1",
                        "Give e.g. --max-overlap 0 for clips without a second in common, or 0.5 (the default).");
            }
        }

        /** Options with the default overlap between kept clips. */
        public Options(DurationBand band, OptionalInt count, Optional<SpeechToText> speechToText,
                       Optional<String> subtitleLanguage, DecodeOptions decode, Optional<LlmJudge> judge,
                       FinderModels models) {
            this(band, count, speechToText, subtitleLanguage, decode, judge, models, ClipSelector.MAX_OVERLAP);
        }
    }

    private final Ffmpeg ffmpeg;
    private final Clock clock;
    private final Progress.Factory progress;

    public ClipFinder(Ffmpeg ffmpeg, Clock clock, Progress.Factory progress) {
        this.ffmpeg = ffmpeg;
        this.clock = clock;
        this.progress = progress;
    }

    public ClipsFile find(Path video, Options options) {
        MediaInfo media = ffmpeg.probe(video);
        if (media.video().isEmpty()) {
            throw new FfmpegException(FfmpegException.Kind.NO_VIDEO, video + " has no video stream",
                    "Give a video file; clips are cut from pictures as well as sound.", null);
        }
        List<String> notes = new ArrayList<>();
        boolean audio = media.firstAudio().isPresent();
        FinderModels models = options.models();
        SignalPass a = SignalPass.run(ffmpeg, progress, media, options.decode(),
                audio ? models.speech() : Optional.empty(), models.screenText());
        PauseAnalyser pauses = a.pauses();
        notes.addAll(a.notes(audio));
        List<SpeechSegments.Unit> speech = a.speech().map(s -> SpeechSegments.of(s.segments()))
                .orElseGet(() -> SpeechSegments.between(pauses.pauses(), media.duration()));
        Transcript transcript = transcript(media, options, speech, notes, audio);
        boolean hasText = !transcript.isEmpty();
        List<Sentence> sentences = hasText ? models.sentences().split(transcript.words())
                : SpeechSegments.sentences(speech, pauses.pauses(), media.duration());
        Topics topics = hasText && !sentences.isEmpty() ? topics(sentences, models, notes) : Topics.NONE;
        ClipSignals signals = new ClipSignals(media.duration(), audio ? Optional.of(a.loudness().shortTerm())
                : Optional.empty(), Optional.of(a.motion()), pauses.pauses(), a.cuts(),
                a.textChanges().orElse(List.of()), topics.starts(), hasText, topics.asides());
        BoundarySnapper snapper = new BoundarySnapper(hasText ? transcript.words() : List.of(), pauses.pauses(),
                transcript.wordTimed(), media.duration());
        List<ScoredClip> scored = score(options, sentences, snapper, signals, notes);
        List<ScoredClip> chosen = ClipSelector.select(scored, media.duration(), options.count(),
                options.maxOverlap());
        if (scored.isEmpty()) {
            notes.add(noClips(options.band(), media.duration(), hasText));
        } else if (options.count().isPresent() && chosen.size() < options.count().getAsInt()) {
            notes.add(fewerThanAsked(options.count().getAsInt(), chosen.size(), options));
        }
        // also when the pass read no text: it finds none in an editor's small code that the source shows whole
        boolean sharper = a.textChanges().isPresent() && SharpScreenText.worthIt(media,
                options.decode().frameWidth());
        List<ClipSignals> textOf = sharper && models.sourceText().isPresent()
                ? new SharpScreenText(ffmpeg, models.sourceText().get()).reread(media, signals, chosen, progress,
                        notes)
                : java.util.Collections.nCopies(chosen.size(), signals);
        return ClipsFile.of(new ClipsFile.Source(video.getFileName().toString(), seconds(media.duration())),
                clock.instant(), hasText ? transcript.source() : null, notes, records(chosen, sentences, signals,
                        textOf));
    }

    /** Why no clip was found: a video shorter than the shortest clip, or no stretch between clip boundaries. */
    static String noClips(DurationBand band, Duration video, boolean hasText) {
        if (video.compareTo(band.min()) < 0) {
            return "The video is " + Progress.Unit.SECONDS.format(video.toSeconds()) + " long, shorter than the"
                    + " shortest clip (--min " + band.min().toSeconds() + ")" + (band.min().compareTo(DurationBand.FLOOR)
                    > 0 ? "; try a lower --min." : ", which is the lowest there is: the video is too short for a clip.");
        }
        return "No stretch of " + band.min().toSeconds() + "-" + band.max().toSeconds() + " s starts and ends "
                + (hasText ? "on a sentence" : "at a pause in the sound (there is no transcript)")
                + "; try another --min/--max.";
    }

    /** Why {@code --count N} gave fewer: the rest overlap better clips or do not fit the band. */
    static String fewerThanAsked(int asked, int found, Options options) {
        return "Asked for " + asked + " clips; only " + found + " of " + options.band().min().toSeconds() + "-"
                + options.band().max().toSeconds() + " s fit without sharing more than "
                + Math.round(options.maxOverlap() * 100) + " % with a better one: try a wider --min/--max, a higher"
                + " --max-overlap, or a longer video.";
    }

    /** Topic starts and asides, both read from the sentences' embeddings. */
    record Topics(List<Duration> starts, List<ClipSignals.Aside> asides) {
        static final Topics NONE = new Topics(List.of(), List.of());
    }

    /**
     * Topic starts by TextTiling over the sentences' embeddings, and the asides ({@link Asides}); none without an
     * embedder.
     */
    static Topics topics(List<Sentence> sentences, FinderModels models, List<String> notes) {
        Optional<SentenceEmbedder> embedder = models.embedder();
        if (embedder.isEmpty()) {
            notes.add("Topic segments need a sentence embedder (MiniLM), which is not available.");
            return Topics.NONE;
        }
        float[][] vectors = embedder.get().embed(sentences.stream().map(Sentence::text).toList());
        return new Topics(TextTiler.topicStarts(sentences, TextTiler.boundaries(vectors, TextTiler.DEFAULT_K,
                TextTiler.Cutoff.HIGH)), Asides.find(sentences, vectors));
    }

    private static List<ScoredClip> score(Options options, List<Sentence> sentences, BoundarySnapper snapper,
                                          ClipSignals signals, List<String> notes) {
        if (options.judge().isPresent() && signals.hasTranscript()) {
            LlmJudge.Result judged = options.judge().get().judge(sentences, snapper, signals);
            notes.addAll(judged.notes());
            return judged.clips();
        }
        if (options.judge().isPresent()) {
            notes.add("The LLM judge needs a transcript; the built-in scorer was used.");
        }
        return new HeuristicScorer(options.band()).score(new CandidateGenerator(options.band())
                .generate(sentences, snapper), sentences, signals);
    }

    private Transcript transcript(MediaInfo media, Options options, List<SpeechSegments.Unit> speech,
                                  List<String> notes, boolean audio) {
        Optional<Transcript> found = SidecarTranscripts.find(media.file())
                .or(() -> new EmbeddedSubtitles(ffmpeg).extract(media, options.subtitleLanguage()));
        if (found.isPresent() && !found.get().isEmpty()) {
            return found.get();
        }
        if (options.speechToText().isPresent() && audio) {
            Transcript heard = new ChunkedTranscriber(ffmpeg, options.speechToText().get(),
                    ChunkedTranscriber.DEFAULT_MAX_CHUNK).transcribe(media, SpeechSegments.segments(speech));
            if (heard.isEmpty()) {
                notes.add("No words were transcribed (no speech found in the sound, or the speech-to-text server"
                        + " heard none): clips follow pauses, loudness and the picture, without hook or payoff scores.");
            }
            return heard;
        }
        if (options.speechToText().isEmpty()) { // without sound, the note on the missing audio says it all
            notes.add("No transcript (no subtitles beside the video or inside it, and no speech-to-text --endpoint):"
                    + " clips follow pauses, loudness and the picture, without hook or payoff scores.");
        }
        return Transcript.empty("none");
    }

    /** On-screen lines kept per clip: enough for a title and hashtags, few enough to read in clips.json. */
    static final int SCREEN_LINES = 8;

    /** The kept clips as records; {@code textOf} holds each clip's signals with its on-screen text. */
    private static List<ClipCandidate> records(List<ScoredClip> chosen, List<Sentence> sentences, ClipSignals s,
                                               List<ClipSignals> textOf) {
        List<ClipCandidate> out = new ArrayList<>();
        for (ScoredClip c : chosen) {
            ClipSignals text = textOf.get(out.size());
            String excerpt = String.join(" ", c.candidate().sentences(sentences).stream().map(Sentence::text)
                    .filter(t -> !t.isBlank()).toList());
            excerpt = excerpt.length() <= 300 ? excerpt : excerpt.substring(0, 299) + "…";
            out.add(new ClipCandidate(out.size() + 1, seconds(c.candidate().start()), seconds(c.candidate().end()),
                    c.score(), c.subScores(), c.reason(), c.hookText(), excerpt, s.topicAt(c.candidate().start()),
                    text.screenTextWithin(c.candidate().start(), c.candidate().end(), SCREEN_LINES),
                    text.screenTitleWithin(c.candidate().start(), c.candidate().end())));
        }
        return out;
    }

    private static double seconds(Duration d) {
        return Math.round(d.toNanos() / 1e6) / 1000.0;
    }
}
