package dev.tagline.video.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What ffprobe says about a media file: container, duration and the streams Tagline uses. Cover art (attached
 * pictures) is not counted as video.
 */
public record MediaInfo(Path file, String formatName, Duration duration, List<VideoStream> video,
                        List<AudioStream> audio, List<SubtitleStream> subtitles) {
    public MediaInfo {
        video = List.copyOf(video);
        audio = List.copyOf(audio);
        subtitles = List.copyOf(subtitles);
    }

    public Optional<VideoStream> firstVideo() {
        return video.stream().findFirst();
    }

    public Optional<AudioStream> firstAudio() {
        return audio.stream().findFirst();
    }

    /** A video stream. {@code rotationDegrees} is clockwise, 0/90/180/270, from the display matrix or rotate tag. */
    public record VideoStream(int index, String codec, int width, int height, double fps, int rotationDegrees) {
        /** Width as shown to a viewer, after rotation. */
        public int displayWidth() {
            return rotationDegrees % 180 == 0 ? width : height;
        }

        /** Height as shown to a viewer, after rotation. */
        public int displayHeight() {
            return rotationDegrees % 180 == 0 ? height : width;
        }
    }

    /** An audio stream. */
    public record AudioStream(int index, String codec, int sampleRate, int channels, String language) {
    }

    /**
     * A subtitle stream. {@code ordinal} is its position among the file's subtitle streams, as in ffmpeg's
     * {@code -map 0:s:ORDINAL}.
     */
    public record SubtitleStream(int index, int ordinal, String codec, String language, String title) {
        private static final List<String> TEXT_CODECS = List.of("subrip", "srt", "ass", "ssa", "webvtt", "mov_text",
                "text");

        /** True for text subtitles ffmpeg can turn into SRT; bitmap ones (PGS, DVB) would need OCR. */
        public boolean isText() {
            return TEXT_CODECS.contains(codec);
        }
    }
}
