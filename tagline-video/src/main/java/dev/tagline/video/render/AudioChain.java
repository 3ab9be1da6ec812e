package dev.tagline.video.render;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The audio side of a clip: two-pass EBU R128 normalisation to the short-video target, then short fades at both cut
 * points so a cut inside a sound does not click. Reads {@code [0:a]}, writes {@code [aout]}.
 */
final class AudioChain {
    /** Integrated loudness target of the platforms' players (YouTube, TikTok, Instagram normalise near −14 LUFS). */
    static final double TARGET_LUFS = -14;
    /** True-peak ceiling after AAC encoding headroom (issue #8: ≤ −1 dBTP). */
    static final double TARGET_TP = -1;
    /** Loudness range target; raised up to the measured range (≤ 20, loudnorm's maximum) so loudnorm stays linear. */
    static final double TARGET_LRA = 11;
    /** Fade at each cut: long enough to hide a click, short enough not to eat a word (pain point #3). */
    static final Duration FADE = Duration.ofMillis(50);
    static final String OUT = "[aout]";
    /** FFmpeg's EBU R128 meter with true peak: what the render is checked with, before and after. */
    static final String METER = "ebur128=peak=true";
    /**
     * How far below the target a clip may land unmentioned: the render reaches the target within it whenever the peaks
     * allow. Above it is not reported: the platforms turn loud clips down themselves, and a very short sound (a 100 ms
     * beep) measures a few LU high.
     */
    static final double TOLERANCE_LU = 0.5;
    /** A source quieter than this is "nearly silent" in the note (Tagline's wording rule; speech is −16 to −23). */
    static final double NEARLY_SILENT_LUFS = -30;

    private AudioChain() {
    }

    /** First pass: measure the clip's span (print_format=json). */
    static String measure() {
        return String.format(Locale.ROOT, "loudnorm=I=%s:TP=%s:LRA=%s:print_format=json", n(TARGET_LUFS),
                n(TARGET_TP), n(TARGET_LRA));
    }

    /**
     * The gain (dB) that takes audio measured as {@code after} (the render's audio chain, checked before the render)
     * to {@link #TARGET_LUFS}, or as near as its true peak allows ({@link #TARGET_TP}); 0 for silence. Negative when
     * the chain overshoots either. loudnorm's second pass is linear only when the gain to the target leaves the true
     * peak under the ceiling ({@code af_loudnorm.c} {@code init()}); otherwise it falls back to its dynamic mode
     * without a word, which on speech with sharp peaks (espeak-ng narration: −20 LUFS, peaks at −1.1 dBTP) stopped
     * 1.5 LU short of the target with the peaks 3 dB under the ceiling. And loudnorm's own measurement of a short clip
     * reads up to 0.5 LU low, so even its linear pass can overshoot; this gain corrects both.
     */
    static double gain(Loudness after) {
        if (after.silent()) {
            return 0;
        }
        double g = Math.min(TARGET_LUFS - after.integratedLufs(), TARGET_TP - after.truePeakDbtp());
        return Math.round(g * 100) / 100.0;
    }

    /**
     * Second pass with the first pass's numbers, linear when loudnorm can; then resample, {@code gainDb} (what loudnorm
     * left short of the target or over it, see {@link #gain}; 0 adds nothing) and fade. A null {@code m} (a dry run)
     * leaves {@code $I}, {@code $TP}, … and {@code $GAIN} where the loudness passes' numbers go.
     */
    static String normalise(Loudness m, double gainDb, Duration length, int sampleRate) {
        return "[0:a]" + chain(m, gainDb, length, sampleRate) + OUT;
    }

    /** {@link #normalise} without its labels: the audio filters of the render, for an audio-only pass. */
    static String chain(Loudness m, double gainDb, Duration length, int sampleRate) {
        double len = CropPath.seconds(length);
        double fade = Math.min(CropPath.seconds(FADE), len / 4);
        String fades = String.format(Locale.ROOT, "aformat=channel_layouts=stereo,afade=t=in:st=0:d=%.3f"
                + ",afade=t=out:st=%.3f:d=%.3f", fade, Math.max(0, len - fade), fade);
        if (m == null) {
            return String.format(Locale.ROOT, "loudnorm=I=%s:TP=%s:LRA=%s:measured_I=$I:measured_TP=$TP"
                    + ":measured_LRA=$LRA:measured_thresh=$THRESH:offset=$OFFSET:linear=true,aresample=%d"
                    + ",volume=${GAIN}dB,%s", n(TARGET_LUFS), n(TARGET_TP), n(TARGET_LRA), sampleRate, fades);
        }
        if (m.silent()) {
            return "aresample=" + sampleRate + "," + fades;
        }
        String volume = gainDb == 0 ? "" : String.format(Locale.ROOT, ",volume=%.2fdB", gainDb);
        return String.format(Locale.ROOT, "loudnorm=I=%s:TP=%s:LRA=%s:measured_I=%.2f:measured_TP=%.2f"
                + ":measured_LRA=%.2f:measured_thresh=%.2f:offset=%.2f:linear=true,aresample=%d%s,%s",
                n(TARGET_LUFS), n(TARGET_TP), n(lra(m)), m.integratedLufs(), m.truePeakDbtp(), m.rangeLu(),
                m.thresholdLufs(), m.offsetLu(), sampleRate, volume, fades);
    }

    /** The LRA target: {@link #TARGET_LRA}, raised to the measured range (≤ 20, loudnorm's maximum). */
    private static double lra(Loudness m) {
        return Math.max(TARGET_LRA, Math.min(20, Math.ceil(m.rangeLu())));
    }

    /**
     * What to tell the creator when the clip's audio stays more than {@link #TOLERANCE_LU} below {@link #TARGET_LUFS}:
     * a silent span is left as it is, and one whose peaks stand far above its loudness (a near-silent one with loud
     * clicks, speech with sharp peaks that loudnorm's dynamic mode could not tame) cannot be raised further without
     * clipping them. {@code rendered} is the finished clip's measurement; null when not measured.
     */
    static Optional<String> shortfall(Loudness source, Loudness rendered) {
        if (source == null) {
            return Optional.empty();
        }
        if (source.silent()) {
            return Optional.of(String.format(Locale.ROOT, "The audio is silent in this clip (below -70 LUFS), so it"
                    + " was left as it is, not raised to the %s LUFS target; add sound or post it as a silent clip.",
                    n(TARGET_LUFS)));
        }
        if (rendered == null || rendered.integratedLufs() >= TARGET_LUFS - TOLERANCE_LU) {
            return Optional.empty();
        }
        if (source.integratedLufs() < NEARLY_SILENT_LUFS) {
            return Optional.of(String.format(Locale.ROOT, "The audio measures %.1f LUFS, not the %s LUFS target: the"
                    + " source is nearly silent (%.1f LUFS) with peaks at %.1f dBTP, too quiet to raise further without"
                    + " clipping them; boost or re-record the sound, or expect the platforms to play it quietly.",
                    rendered.integratedLufs(), n(TARGET_LUFS), source.integratedLufs(), source.truePeakDbtp()));
        }
        return Optional.of(String.format(Locale.ROOT, "The audio measures %.1f LUFS, not the %s LUFS target: its"
                + " peaks reach %.1f dBTP (the source: %.1f LUFS, peaks at %.1f dBTP), so it cannot be raised further"
                + " without clipping them; compress or limit the sound before rendering, or expect the platforms to"
                + " play it a little quieter.", rendered.integratedLufs(), n(TARGET_LUFS), rendered.truePeakDbtp(),
                source.integratedLufs(), source.truePeakDbtp()));
    }

    private static String n(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
