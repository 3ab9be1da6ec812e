package dev.tagline.video.render;

import dev.tagline.core.TaglineException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the first {@code loudnorm} pass measured over a clip's span (its {@code print_format=json} block), or what
 * FFmpeg's {@code ebur128} filter measured (its summary; offset 0).
 *
 * @param integratedLufs input integrated loudness
 * @param truePeakDbtp input true peak
 * @param rangeLu input loudness range
 * @param thresholdLufs input gating threshold
 * @param offsetLu target offset the second pass applies
 */
public record Loudness(double integratedLufs, double truePeakDbtp, double rangeLu, double thresholdLufs,
                       double offsetLu) {
    private static final Pattern FIELD = Pattern.compile("\"(input_i|input_tp|input_lra|input_thresh|target_offset)\""
            + "\\s*:\\s*\"([^\"]*)\"");

    /** Parses the JSON block loudnorm prints at the end of its log; {@code what} names the clip for errors. */
    static Loudness parse(String log, String what) {
        int start = log.lastIndexOf('{');
        if (start < 0) {
            throw new TaglineException("ffmpeg loudnorm printed no measurement for " + what,
                    "Re-run with --verbose; the audio stream may be empty.");
        }
        double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        Matcher m = FIELD.matcher(log.substring(start));
        while (m.find()) {
            int i = switch (m.group(1)) {
                case "input_i" -> 0;
                case "input_tp" -> 1;
                case "input_lra" -> 2;
                case "input_thresh" -> 3;
                default -> 4;
            };
            v[i] = number(m.group(2));
        }
        for (double d : v) {
            if (Double.isNaN(d)) {
                throw new TaglineException("ffmpeg loudnorm measurement for " + what + " is incomplete: "
                        + log.substring(start).replaceAll("\\s+", " "), "Re-run with --verbose.");
            }
        }
        return new Loudness(v[0], v[1], v[2], v[3], v[4]);
    }

    private static final Pattern SUMMARY = Pattern.compile("(?s)I:\\s*(\\S+) LUFS\\s*Threshold:\\s*(\\S+) LUFS.*?"
            + "LRA:\\s*(\\S+) LU\\s.*?Peak:\\s*(\\S+) dBFS");

    /**
     * Parses the summary {@code ebur128=peak=true} prints at the end of its log (integrated loudness, its threshold,
     * the loudness range and the true peak, one decimal each); {@code what} names the audio for errors. FFmpeg's
     * reference meter: {@code loudnorm}'s own measurement of a few seconds of speech reads up to 0.5 LU lower.
     */
    static Loudness parseSummary(String log, String what) {
        int start = log.lastIndexOf("Summary:");
        Matcher m = SUMMARY.matcher(start < 0 ? "" : log.substring(start));
        if (!m.find()) {
            throw new TaglineException("ffmpeg ebur128 printed no summary for " + what, "Re-run with --verbose; the"
                    + " audio stream may be empty.");
        }
        return new Loudness(number(m.group(1)), number(m.group(4)), number(m.group(3)), number(m.group(2)), 0);
    }

    /**
     * True when the span is digital silence (loudnorm says {@code -inf}, ebur128 −70, its absolute gate); the second
     * pass then skips loudnorm.
     */
    public boolean silent() {
        return integratedLufs <= -70;
    }

    private static double number(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.equals("-inf")) {
            return -99;
        }
        if (t.equals("inf") || t.equals("+inf")) {
            return 99;
        }
        return Double.parseDouble(t);
    }
}
