package dev.tagline.video.transcript;

import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Reads a text subtitle stream out of the video with ffmpeg ({@code -map 0:s:N -f srt pipe:1}); mov_text, WebVTT,
 * ASS and SubRip streams all convert to SRT. Bitmap subtitles (PGS, DVB) are skipped: they would need OCR.
 */
public final class EmbeddedSubtitles {
    private final Ffmpeg ffmpeg;

    public EmbeddedSubtitles(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** The first text subtitle stream, preferring {@code language} when given (ISO 639-2, e.g. "eng"). */
    public Optional<Transcript> extract(MediaInfo media, Optional<String> language) {
        Optional<MediaInfo.SubtitleStream> stream = media.subtitles().stream().filter(MediaInfo.SubtitleStream::isText)
                .filter(s -> language.isEmpty() || language.get().equalsIgnoreCase(s.language())).findFirst();
        if (stream.isEmpty() && language.isPresent()) {
            return extract(media, Optional.empty());
        }
        return stream.map(s -> extract(media, s));
    }

    public Transcript extract(MediaInfo media, MediaInfo.SubtitleStream stream) {
        List<String> command = ffmpeg.command().input(media.file())
                .option("-map", "0:s:" + stream.ordinal(), "-c:s", "srt", "-f", "srt").output("pipe:1").build();
        ByteArrayOutputStream srt = new ByteArrayOutputStream();
        ffmpeg.stream(command, media.file(), "extracting subtitles from", in -> in.transferTo(srt));
        return SrtParser.parse(srt.toString(StandardCharsets.UTF_8), "embedded subtitles #" + stream.ordinal()
                + (stream.language().isEmpty() ? "" : " (" + stream.language() + ")"));
    }
}
