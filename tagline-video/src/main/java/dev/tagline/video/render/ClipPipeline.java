package dev.tagline.video.render;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.progress.Progress;
import dev.tagline.images.tag.ImageTagger;
import dev.tagline.images.tag.ScoredTag;
import dev.tagline.video.copy.ClipCopy;
import dev.tagline.video.copy.CopyInput;
import dev.tagline.video.copy.Copywriter;
import dev.tagline.video.copy.KeyframeTags;
import dev.tagline.video.copy.PlatformCopy;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import dev.tagline.video.transcript.Cue;
import dev.tagline.video.transcript.SidecarTranscripts;
import dev.tagline.video.transcript.Transcript;
import dev.tagline.video.transcript.Word;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns one {@link ClipCandidate} of {@code VIDEO.clips.json} into a ready-to-post clip folder: reframe analysis,
 * caption files, the one-graph render, the hook-frame thumbnail, keyframe tags, copy per platform and
 * {@code clip.json} with the files' SHA-256 (issue #8, point 6). Thread-safe. Over 200 lines because a re-run's
 * three ways (pass over, rewrite only the copy, render) share the copy and manifest steps of a render.
 */
public final class ClipPipeline {
    private final Ffmpeg ffmpeg;
    private final ClipRenderer renderer;
    private final ClipAnalyser analyser;
    private final Copywriter copywriter;
    private final List<ImageTagger> taggers;
    private final Progress.Factory progress;

    public ClipPipeline(Ffmpeg ffmpeg, ClipRenderer renderer, ClipAnalyser analyser, Copywriter copywriter,
                        List<ImageTagger> taggers) {
        this(ffmpeg, renderer, analyser, copywriter, taggers, Progress.Factory.NONE);
    }

    /**
     * @param progress one task per rendered clip ({@code Rendering talk-003}), counting seconds of the clip as FFmpeg
     *     encodes it, so a 30 s render is not silent
     */
    public ClipPipeline(Ffmpeg ffmpeg, ClipRenderer renderer, ClipAnalyser analyser, Copywriter copywriter,
                        List<ImageTagger> taggers, Progress.Factory progress) {
        this.ffmpeg = ffmpeg;
        this.renderer = renderer;
        this.analyser = analyser;
        this.copywriter = copywriter;
        this.taggers = List.copyOf(taggers);
        this.progress = progress;
    }

    /** The source video as probed once for all its clips, and its transcript (from the files beside it), if any. */
    public record Source(Path video, MediaInfo info, Optional<Transcript> transcript) {
    }

    public Source open(Path video) {
        return new Source(video.toAbsolutePath(), ffmpeg.probe(video), SidecarTranscripts.find(video));
    }

    /**
     * Refuses a clips file made for another video, before anything is rendered: its recorded duration differs from
     * the video's by more than a second, or a clip ends after the video does (FFmpeg would cut it from nothing and
     * leave a file without a video stream).
     */
    public void requireClipsOf(Source src, ClipsFile clips, Path clipsFile) {
        if (src.info().duration() == null) {
            return;
        }
        double video = src.info().duration().toMillis() / 1000.0;
        double recorded = clips.source().durationSeconds();
        String name = src.video().getFileName().toString();
        String hint = "Give the clips file of " + name + " with --clips FILE, or run 'tagline clips find " + name
                + "' to make one.";
        if (recorded > 0 && Math.abs(video - recorded) > 1.0) {
            throw new TaglineException(String.format(Locale.ROOT, "%s was made for a %.1f s video (%s), but %s is"
                    + " %.1f s long", clipsFile.getFileName(), recorded, clips.source().path(), name, video), hint);
        }
        for (ClipCandidate clip : clips.clips()) {
            if (clip.endSeconds() > video + 0.5) {
                throw new TaglineException(String.format(Locale.ROOT, "Clip %d of %s ends at %.1f s, after the end of"
                        + " %s (%.1f s)", clip.rank(), clipsFile.getFileName(), clip.endSeconds(), name, video), hint);
            }
        }
    }

    /** The FFmpeg commands for the clip, as shell lines, without running anything but the reframe analysis. */
    public List<String> plan(Source src, ClipCandidate clip, Path outDir, RenderOptions o) {
        ClipFiles files = ClipFiles.of(outDir, src.video(), clip.rank());
        return renderer.plan(job(src, clip, files, o, !words(src, clip).isEmpty() && o.captions()));
    }

    /**
     * What one render wrote.
     *
     * @param manifest the {@code clip.json} written
     * @param reviewKept whether the accepted flag and copy came from the clip's previous {@code clip.json}
     */
    public record Rendered(ClipManifest manifest, boolean reviewKept) {
    }

    /**
     * Renders the clip into {@code outDir/ID/} and returns the manifest it wrote there. Every file is written under a
     * temporary name first and renamed into place only when all steps worked, then {@code clip.json}; on failure the
     * temporary files are removed and a previous render of the clip stays as it was. A previous {@code clip.json} of
     * the same clip keeps its review unless {@link RenderOptions#keepReview()} is off ({@link ReviewCarryOver}).
     */
    public Rendered render(Source src, ClipCandidate clip, Path outDir, RenderOptions o) {
        ClipFiles target = ClipFiles.of(outDir, src.video(), clip.rank());
        boolean fresh = !Files.exists(target.dir());
        Path manifestFile = target.dir().resolve(ClipManifests.FILE_NAME);
        if (o.keepReview()) {
            ReviewCarryOver.requireReadable(manifestFile);
        }
        ClipFiles files = target.create().staged();
        boolean done = false;
        try (StagedSets.Held held = StagedSets.hold(files)) {
            Staged staged = renderStaged(src, clip, files, o);
            ClipManifest generated = staged.manifest();
            java.util.Optional<ClipManifest> previous = o.keepReview() ? ReviewCarryOver.previous(manifestFile,
                    generated) : java.util.Optional.empty();
            // a person's copy is kept; generated copy that a copywriter model given now would write otherwise (other
            // copy settings, or it fell back) is replaced, keeping the accepted flag
            ClipManifest manifest = previous.map(p -> ReviewCarryOver.copyEdited(p)
                    || !ReviewCarryOver.copyOutdated(p, copySettings()) ? kept(p, generated, staged.copyNote())
                    : ReviewCarryOver.accepted(generated, p.accepted())).orElse(generated);
            files.commit();
            ClipManifests.write(manifestFile, manifest);
            done = true;
            // "kept the review" only when there was one: a rejection or copy that differs from the generated copy
            return new Rendered(manifest, previous.filter(p -> !p.accepted() || !manifest.copy().equals(
                    generated.copy())).isPresent());
        } finally {
            files.discard();
            if (!done && fresh) {
                removeIfEmpty(target.dir());
            }
        }
    }

    /** The id of {@code clip}'s folder and files ({@code talk-003}). */
    public String id(Source src, ClipCandidate clip) {
        return ClipFiles.of(Path.of("."), src.video(), clip.rank()).id();
    }

    /** What a re-run does with a clip whose folder may hold an earlier render. */
    public enum Standing {
        /** Video and copy are up to date: passed over. */
        CURRENT,
        /** The video is up to date; the copy settings differ, but a person edited the copy, which is kept. */
        COPY_EDITED,
        /** The video is up to date; only the copy is written again ({@link #rewriteCopy}). */
        COPY_OUTDATED,
        /** Rendered (again). */
        RENDER
    }

    /**
     * @param reason why a clip rendered with these settings is rendered again ({@code talk-001.srt changed since it
     *     was rendered}); null otherwise
     */
    public record Check(Standing standing, String reason) {
    }

    /**
     * Whether {@code outDir} already holds a complete render of {@code clip} with these options (its {@code clip.json}
     * records the same settings fingerprint and every file matches its SHA-256: {@link RenderedClip}), and whether its
     * copy is current for this pipeline's copywriter. Removes what a stopped or killed render of the clip left there
     * when the video is up to date.
     */
    public Check check(Source src, ClipCandidate clip, Path outDir, RenderOptions o) {
        ClipFiles target = ClipFiles.of(outDir, src.video(), clip.rank());
        RenderedClip.State state = RenderedClip.state(target.dir(), target.id(), RenderedClip.fingerprint(src.video(),
                clip, o, words(src, clip)));
        if (!state.current()) {
            return new Check(Standing.RENDER, state.changed());
        }
        StagedSets.removeStale(target);
        ClipManifest m = state.manifest();
        if (o.keepReview() && !ReviewCarryOver.copyOutdated(m, copySettings())) {
            return new Check(Standing.CURRENT, null);
        }
        return new Check(o.keepReview() && ReviewCarryOver.copyEdited(m) ? Standing.COPY_EDITED
                : Standing.COPY_OUTDATED, null);
    }

    /**
     * Writes the copy of a clip whose video is up to date ({@link Standing#COPY_OUTDATED}) again and rewrites its
     * {@code clip.json} atomically, without rendering anything: the copy settings changed, or the copywriter model
     * fell back last time. The accepted flag is kept unless {@link RenderOptions#keepReview()} is off.
     */
    public Rendered rewriteCopy(Source src, ClipCandidate clip, Path outDir, RenderOptions o) {
        ClipFiles target = ClipFiles.of(outDir, src.video(), clip.rank());
        Path manifestFile = target.dir().resolve(ClipManifests.FILE_NAME);
        ClipManifest old = ClipManifests.read(manifestFile);
        ClipManifest.Render r = old.render();
        Copywriter.Written written = copywriter.writeTraced(copyInput(src, clip, words(src, clip),
                taggers.isEmpty() ? List.of() : KeyframeTags.of(taggers, Keyframes.of(ffmpeg, base(src, clip,
                        target.video(), o)))));
        List<String> notes = new java.util.ArrayList<>(r.notes());
        if (r.copy() != null && r.copy().fallback() != null) {
            notes.remove(r.copy().fallback());
        }
        if (written.fallback() != null) {
            notes.add(written.fallback());
        }
        Map<String, ClipManifest.Copy> variants = new LinkedHashMap<>();
        PlatformCopy.variants(written.copy()).forEach((p, c) -> variants.put(p.id(), manifestCopy(c)));
        ClipManifest manifest = new ClipManifest(old.schema(), old.version(), old.id(), old.video(), old.source(),
                old.durationSeconds(), old.width(), old.height(), old.score(), !o.keepReview() || old.accepted(),
                manifestCopy(written.copy()), variants, r.withCopy(notes, copySource(written)));
        ClipManifests.write(manifestFile, manifest);
        return new Rendered(manifest, false);
    }

    /**
     * {@code generated} with {@code previous}'s review ({@link ReviewCarryOver#keep}) and the record of where that copy
     * came from; the notes on the generated copy (no transcript, a fallback) go when it is not the copy kept.
     */
    private static ClipManifest kept(ClipManifest previous, ClipManifest generated, String copyNote) {
        ClipManifest manifest = ReviewCarryOver.keep(previous, generated);
        if (previous.copy().equals(generated.copy())) {
            return manifest;
        }
        ClipManifest.CopySource generatedSource = generated.render().copy();
        manifest = withoutCopyNote(withoutCopyNote(manifest, copyNote), generatedSource.fallback());
        ClipManifest.CopySource source = previous.render() != null && previous.render().copy() != null
                ? previous.render().copy() : new ClipManifest.CopySource(generatedSource.source(), null,
                generatedSource.settings(), generatedSource.generated());
        return manifest.withRender(manifest.render().withCopy(manifest.render().notes(), source));
    }

    /** The hash of the copywriter's settings, as {@code render.copy.settings} records it. */
    private String copySettings() {
        return ReviewCarryOver.sha256(copywriter.settings());
    }

    private ClipManifest.CopySource copySource(Copywriter.Written w) {
        return new ClipManifest.CopySource(w.source(), w.fallback(), copySettings(),
                ReviewCarryOver.copyHash(manifestCopy(w.copy())));
    }

    /** A staged render's manifest, and the note on where its copy came from (null when it had a transcript). */
    private record Staged(ClipManifest manifest, String copyNote) {
    }

    private Staged renderStaged(Source src, ClipCandidate clip, ClipFiles files, RenderOptions o) {
        List<Word> words = words(src, clip);
        List<CaptionPhrase> phrases = CaptionPhrases.phrases(words, CaptionLayout.MAX_CHARS,
                clip.end().minus(clip.start()));
        boolean subtitles = !phrases.isEmpty();
        if (subtitles) {
            files.write(files.ass(), AssCaptions.write(phrases, o.style(),
                    CaptionLayout.of(o.aspect().width(), o.aspect().height())));
            files.write(files.srt(), SubtitleFiles.srt(phrases));
            files.write(files.vtt(), SubtitleFiles.vtt(phrases));
        }
        Loudness loudness;
        RenderJob job;
        // whole seconds as the count shows them (0:45 for 45.7 s), so the final jump to it never exceeds FFmpeg's last
        // out_time; the millisecond keeps a 46.0 s span computed as 45.999… at 46
        long seconds = (long) Math.floor(clip.endSeconds() - clip.startSeconds() + 0.001);
        try (Progress p = progress.start("Rendering " + files.id(), seconds, Progress.Unit.SECONDS)) {
            try {
                job = job(src, clip, files, o, subtitles && o.captions());
                loudness = renderer.render(job, p);
            } catch (RuntimeException | Error e) {
                p.stopped(); // no "0:09 of media done" line for a clip that was not finished (dogfood round 9, L11)
                throw e;
            }
            // FFmpeg's last out_time is the last frame's start, whole seconds: a 46.0 s clip ended "0:45 of media done"
            p.jumpTo(seconds);
        }
        List<String> notes = new java.util.ArrayList<>(AudioChain.shortfall(loudness, loudness == null
                || loudness.silent() ? null : renderer.measureRendered(job.output())).stream().toList());
        renderer.thumbnail(job.output(), Keyframes.hook(words, job.length()), files.thumbnail());
        List<ScoredTag> tags = taggers.isEmpty() ? List.of() : KeyframeTags.of(taggers, Keyframes.of(ffmpeg, job));
        CopyInput copyInput = copyInput(src, clip, words, tags);
        Copywriter.Written written = copywriter.writeTraced(copyInput);
        ClipCopy copy = written.copy();
        String copyNote = copyNote(copyInput).orElse(null);
        if (copyNote != null) {
            notes.add(copyNote);
        }
        if (written.fallback() != null) {
            notes.add(written.fallback());
        }
        Map<String, ClipManifest.Copy> variants = new LinkedHashMap<>();
        PlatformCopy.variants(copy).forEach((p, c) -> variants.put(p.id(), manifestCopy(c)));
        ClipManifest.Render details = new ClipManifest.Render(o.aspect().label(), job.scenes().stream()
                .map(s -> new ClipManifest.SceneMode(CropPath.seconds(s.start()), CropPath.seconds(s.end()),
                        s.mode().id())).toList(), name(files.thumbnail()),
                subtitles ? new ClipManifest.Captions(name(files.ass()), name(files.srt()), name(files.vtt())) : null,
                files.sha256(files.video(), files.thumbnail(), subtitles ? files.ass() : null,
                        subtitles ? files.srt() : null, subtitles ? files.vtt() : null), notes,
                RenderedClip.fingerprint(src.video(), clip, o, words), copySource(written));
        return new Staged(ClipManifest.of(files.id(), name(files.video()), new ClipManifest.Source(
                        files.dir().toAbsolutePath().relativize(src.video()).toString().replace('\\', '/'),
                        clip.startSeconds(), clip.endSeconds()), CropPath.seconds(job.length()),
                o.aspect().width(), o.aspect().height(), clip.score() / 100.0, true, manifestCopy(copy), variants)
                .withRender(details), copyNote);
    }

    private static CopyInput copyInput(Source src, ClipCandidate clip, List<Word> words, List<ScoredTag> tags) {
        String clipText = words.isEmpty() ? clip.excerpt()
                : words.stream().map(Word::text).collect(Collectors.joining(" "));
        String videoText = src.transcript().map(t -> t.cues().stream().map(Cue::text)
                .collect(Collectors.joining(" "))).orElse(clip.excerpt());
        return new CopyInput(clipText, clip.hookText(), videoText, tags, clip.screenText(), clip.screenTitle(),
                src.video().getFileName().toString());
    }

    /**
     * {@code manifest} without {@code note} among its render notes: the note on where the generated copy came from says
     * nothing true once a reviewed copy is kept in its place (dogfood round 3).
     */
    private static ClipManifest withoutCopyNote(ClipManifest manifest, String note) {
        ClipManifest.Render r = manifest.render();
        if (note == null || r == null || !r.notes().contains(note)) {
            return manifest;
        }
        return manifest.withRender(r.withCopy(r.notes().stream().filter(n -> !n.equals(note)).toList(), r.copy()));
    }

    /**
     * What the render says when a clip has no transcript to write copy from (recheck item 19: a silent clip went out
     * titled "Watch this" with an empty description): what the copy came from instead, and that it wants a look.
     */
    static Optional<String> copyNote(CopyInput in) {
        if (!in.clipText().isEmpty() || !in.hookText().isEmpty()) {
            return Optional.empty();
        }
        if (!in.screenText().isEmpty()) {
            return Optional.of("No transcript to write copy from: the title, description and hashtags come from the"
                    + " on-screen text; check them before posting.");
        }
        return Optional.of("No transcript or on-screen text to write copy from: " + (in.sourceWords().isEmpty()
                ? "the title, description and hashtags are placeholders" : "the title, description and hashtags come"
                + " from the file name (" + in.sourceName() + ")") + "; write your own before posting.");
    }

    /** A clip folder this render created and could not fill goes again, so no empty folder looks like a clip. */
    private static void removeIfEmpty(Path dir) {
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(ClipPipeline.class).debug("left the empty folder {} after a failed"
                    + " render; harmless", dir, e);
        }
    }

    /** The clip's job with one centre-cropped scene: what the reframe analysis and the keyframes start from. */
    private static RenderJob base(Source src, ClipCandidate clip, Path output, RenderOptions o) {
        MediaInfo.VideoStream v = src.info().firstVideo().orElseThrow(() -> new dev.tagline.core.TaglineException(
                src.video() + " has no video stream", "Give the video that clips.json was made from."));
        return new RenderJob(src.video(), clip.start(), clip.end(), v.displayWidth(), v.displayHeight(),
                src.info().firstAudio().isPresent(), o.aspect(), List.of(Scene.of(Duration.ZERO, clip.length(),
                ReframeMode.CENTER)), Optional.empty(), o.encode(), output);
    }

    private RenderJob job(Source src, ClipCandidate clip, ClipFiles files, RenderOptions o, boolean burnIn) {
        RenderJob base = base(src, clip, files.video(), o);
        List<Scene> scenes = analyser.scenes(base, o.mode().orElse(null));
        Optional<RenderJob.BurnIn> captions = burnIn ? Optional.of(new RenderJob.BurnIn(files.ass(),
                o.fonts().orElse(null))) : Optional.empty();
        return new RenderJob(base.source(), base.start(), base.end(), base.sourceWidth(), base.sourceHeight(),
                base.hasAudio(), o.aspect(), scenes, captions, o.encode(), files.video());
    }

    private static List<Word> words(Source src, ClipCandidate clip) {
        return src.transcript().map(t -> CaptionPhrases.clipWords(t.words(), clip.start(), clip.end()))
                .orElse(List.of());
    }

    private static ClipManifest.Copy manifestCopy(ClipCopy c) {
        return new ClipManifest.Copy(c.title(), c.description(), c.hashtags());
    }

    /** The real file name, also for a staged file. */
    private static String name(Path p) {
        return ClipFiles.finalName(p);
    }
}
