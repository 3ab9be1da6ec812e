package dev.tagline.video.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Stderr recorded from FFmpeg 5.1.9 (Debian 12). */
class FfmpegErrorsTest {
    private static final Path TALK = Path.of("/videos/talk.mp4");

    @Test
    void mapWithoutAudioIsNoAudio() {
        FfmpegException e = FfmpegErrors.classify("ffmpeg", "decoding", TALK, 1,
                "Stream map '0:a:0' matches no streams.\nTo ignore this, add a trailing '?' to the map.");
        assertEquals(FfmpegException.Kind.NO_AUDIO, e.kind());
        assertEquals("/videos/talk.mp4 has no audio stream. Use a file with sound, or a video-only analysis.",
                e.oneLine());
    }

    @Test
    void mapWithoutVideoIsNoVideo() {
        assertEquals(FfmpegException.Kind.NO_VIDEO, FfmpegErrors.classify("ffmpeg", "decoding", TALK, 1,
                "Stream map '0:v:0' matches no streams.").kind());
    }

    @Test
    void missingMoovAtomIsUnreadableAndStaysOnOneLine() {
        FfmpegException e = FfmpegErrors.classify("ffprobe", "probing", TALK, 1,
                "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55b11cd048c0] moov atom not found\n"
                        + "/videos/talk.mp4: Invalid data found when processing input");
        assertEquals(FfmpegException.Kind.UNREADABLE, e.kind());
        assertEquals("talk.mp4 is an unfinished MP4: it has no index ('moov'), as when a recording or download stops"
                + " before its end", e.getMessage());
        assertFalse(e.oneLine().contains("\n"));
        assertFalse(e.oneLine().contains("0x"), e.oneLine());
    }

    @Test
    void theToolsWordsLoseTheirComponentAddressesAndTheFilesPath() {
        FfmpegException e = FfmpegErrors.classify("ffprobe", "probing", TALK, 1,
                "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55b11cd048c0] stream 1, offset 0x30: partial file\n"
                        + "/videos/talk.mp4: Invalid data found when processing input");
        assertEquals("talk.mp4 is not a readable media file (stream 1, offset 0x30: partial file | Invalid data"
                + " found when processing input)", e.getMessage());
    }

    @Test
    void missingFile() {
        assertEquals(FfmpegException.Kind.UNREADABLE, FfmpegErrors.classify("ffprobe", "probing", TALK, 1,
                "/videos/talk.mp4: No such file or directory").kind());
    }

    @Test
    void missingDecoderIsUnsupportedCodec() {
        FfmpegException e = FfmpegErrors.classify("ffmpeg", "decoding", TALK, 1,
                "[matroska,webm @ 0x1] Could not find codec parameters for stream 0 (Video: none (V_QUICKTIME)):"
                        + " unknown codec\nConsider increasing the value for the 'analyzeduration'\n"
                        + "Decoder (codec none) not found for input stream #0:0");
        assertEquals(FfmpegException.Kind.UNSUPPORTED_CODEC, e.kind());
        assertTrue(e.hint().contains("--ffmpeg"));
    }

    @Test
    void anythingElseKeepsTheToolsLastWords() {
        FfmpegException e = FfmpegErrors.classify("ffmpeg", "decoding", TALK, 69, "something odd\nreally odd");
        assertEquals(FfmpegException.Kind.FAILED, e.kind());
        assertEquals("ffmpeg exited 69 decoding talk.mp4: something odd | really odd", e.getMessage());
    }
}
