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
    /**
     * How far below the target a clip may land unmentioned (ClipRendererIT accepts ±1 LU). Above it is not reported:
     * the platforms turn loud clips down themselves, and a very short sound (a 100 ms beep) measures a few LU high.
     */
    static final double TOLERANCE_LU = 2;

    private AudioChain() {
    }

    /** First pass: measure the clip's span (print_format=json). */
    static String measure() {
        return String.format(Locale.ROOT, "loudnorm=I=%s:TP=%s:LRA=%s:print_format=json", n(TARGET_LUFS),
                n(TARGET_TP), n(TARGET_LRA));
    }

    /**
     * Second pass with the first pass's numbers, linear when loudnorm can; then resample and fade. A null
     * {@code m} (a dry run) leaves {@code $I}, {@code $TP}, … where pass 1's numbers go.
     */
    static String normalise(Loudness m, Duration length, int sampleRate) {
        double len = CropPath.seconds(length);
        double fade = Math.min(CropPath.seconds(FADE), len / 4);
        String fades = String.format(Locale.ROOT, "afade=t=in:st=0:d=%.3f,afade=t=out:st=%.3f:d=%.3f", fade,
                Math.max(0, len - fade), fade);
        if (m == null) {
            return String.format(Locale.ROOT, "[0:a]loudnorm=I=%s:TP=%s:LRA=%s:measured_I=$I:measured_TP=$TP"
                    + ":measured_LRA=$LRA:measured_thresh=$THRESH:offset=$OFFSET:linear=true,aresample=%d,aformat=channel_layouts=stereo,%s%s",
                    n(TARGET_LUFS), n(TARGET_TP), n(TARGET_LRA), sampleRate, fades, OUT);
        }
        if (m.silent()) {
            return "[0:a]aresample=" + sampleRate + ",aformat=channel_layouts=stereo," + fades + OUT;
        }
        double lra = Math.max(TARGET_LRA, Math.min(20, Math.ceil(m.rangeLu())));
        return String.format(Locale.ROOT, "[0:a]loudnorm=I=%s:TP=%s:LRA=%s:measured_I=%.2f:measured_TP=%.2f"
                + ":measured_LRA=%.2f:measured_thresh=%.2f:offset=%.2f:linear=true,aresample=%d,aformat=channel_layouts=stereo,%s%s",
                n(TARGET_LUFS), n(TARGET_TP), n(lra), m.integratedLufs(), m.truePeakDbtp(), m.rangeLu(),
                m.thresholdLufs(), m.offsetLu(), sampleRate, fades, OUT);
    }

    /**
     * What to tell the creator when the clip's audio stays below {@link #TARGET_LUFS}: a silent span is left as it is,
     * and a near-silent one with loud clicks cannot be raised far enough (linear gain would clip the peaks, and
     * loudnorm's dynamic mode stops short). {@code rendered} is the finished clip's measurement; null when not measured.
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
        return Optional.of(String.format(Locale.ROOT, "The audio measures %.1f LUFS, not the %s LUFS target: the"
                + " source is nearly silent (%.1f LUFS) with peaks at %.1f dBTP, too quiet to raise further without"
                + " clipping them; boost or re-record the sound, or expect the platforms to play it quietly.",
                rendered.integratedLufs(), n(TARGET_LUFS), source.integratedLufs(), source.truePeakDbtp()));
    }

    private static String n(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
