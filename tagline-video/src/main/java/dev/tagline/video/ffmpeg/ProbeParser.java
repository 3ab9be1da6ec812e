package dev.tagline.video.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns {@code ffprobe -of json -show_format -show_streams} output into a {@link MediaInfo}. Pure. */
final class ProbeParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeParser() {
    }

    static MediaInfo parse(Path file, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new TaglineException("ffprobe printed something other than JSON for " + file + ": " + e.getMessage(),
                    "Check that --ffmpeg points to a real FFmpeg build.", e);
        }
        List<MediaInfo.VideoStream> video = new ArrayList<>();
        List<MediaInfo.AudioStream> audio = new ArrayList<>();
        List<MediaInfo.SubtitleStream> subtitles = new ArrayList<>();
        Duration longestStream = Duration.ZERO;
        for (JsonNode s : root.path("streams")) {
            int index = s.path("index").asInt();
            String codec = s.path("codec_name").asText("unknown");
            Duration d = seconds(s.path("duration").asText(""));
            longestStream = d.compareTo(longestStream) > 0 ? d : longestStream;
            switch (s.path("codec_type").asText("")) {
                case "video" -> {
                    if (s.path("disposition").path("attached_pic").asInt(0) == 0) {
                        video.add(new MediaInfo.VideoStream(index, codec, s.path("width").asInt(),
                                s.path("height").asInt(), fps(s), rotation(s)));
                    }
                }
                case "audio" -> audio.add(new MediaInfo.AudioStream(index, codec,
                        s.path("sample_rate").asInt(0), s.path("channels").asInt(0), language(s)));
                case "subtitle" -> subtitles.add(new MediaInfo.SubtitleStream(index, subtitles.size(), codec,
                        language(s), tag(s, "title")));
                default -> { }
            }
        }
        JsonNode format = root.path("format");
        Duration duration = seconds(format.path("duration").asText(""));
        if (duration.isZero()) {
            duration = longestStream;
        }
        return new MediaInfo(file, format.path("format_name").asText("unknown"), duration, video, audio, subtitles);
    }

    /** Average frame rate, falling back to the real base rate; 0 when ffprobe does not know. */
    static double fps(JsonNode stream) {
        double avg = ratio(stream.path("avg_frame_rate").asText(""));
        return avg > 0 ? avg : ratio(stream.path("r_frame_rate").asText(""));
    }

    /**
     * Clockwise rotation. FFmpeg 5+ reports the display matrix as side data whose {@code rotation} is
     * counter-clockwise; older builds and some muxers report a clockwise {@code rotate} tag instead.
     */
    static int rotation(JsonNode stream) {
        for (JsonNode side : stream.path("side_data_list")) {
            if (side.has("rotation")) {
                return normalise(-side.path("rotation").asDouble());
            }
        }
        String tag = tag(stream, "rotate");
        return tag.isEmpty() ? 0 : normalise(Double.parseDouble(tag));
    }

    private static int normalise(double degrees) {
        int quarter = (int) Math.round(degrees / 90.0);
        return Math.floorMod(quarter * 90, 360);
    }

    private static double ratio(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                return text.isEmpty() ? 0 : Double.parseDouble(text);
            }
            double den = Double.parseDouble(text.substring(slash + 1));
            return den == 0 ? 0 : Double.parseDouble(text.substring(0, slash)) / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Duration seconds(String text) {
        try {
            return text.isEmpty() || text.equals("N/A") ? Duration.ZERO
                    : Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e9));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static String language(JsonNode stream) {
        String language = tag(stream, "language");
        return language.isEmpty() || language.equals("und") ? "" : language;
    }

    private static String tag(JsonNode stream, String key) {
        JsonNode tags = stream.path("tags");
        JsonNode value = tags.has(key) ? tags.get(key) : tags.path(key.toUpperCase(java.util.Locale.ROOT));
        return value.asText("");
    }
}
