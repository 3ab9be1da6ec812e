package dev.tagline.video.transcript;

import dev.tagline.core.TaglineException;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import dev.tagline.video.signal.SpeechSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Transcribes a long video in speech-bounded chunks: neighbouring speech segments are packed into chunks of at
 * most {@code maxChunk} (a longer segment is split), each chunk is cut out as 16 kHz mono WAV, sent to the
 * {@link SpeechToText}, and its times get the chunk's start added back (video.md §2: the offset bug of
 * AI-Youtube-Shorts-Generator PR #79). Only one chunk's WAV exists at a time.
 */
public final class ChunkedTranscriber {
    /** 10 min of 16 kHz 16-bit mono is 19.2 MB, under OpenAI's 25 MB upload limit. */
    public static final Duration DEFAULT_MAX_CHUNK = Duration.ofMinutes(10);

    /** A stretch of the video sent as one file. */
    public record Chunk(Duration start, Duration end) {
    }

    private final Ffmpeg ffmpeg;
    private final SpeechToText speechToText;
    private final Duration maxChunk;

    public ChunkedTranscriber(Ffmpeg ffmpeg, SpeechToText speechToText, Duration maxChunk) {
        this.ffmpeg = ffmpeg;
        this.speechToText = speechToText;
        this.maxChunk = maxChunk;
    }

    /** Packs speech segments (in time order) into chunks no longer than {@code maxChunk}. Pure. */
    public static List<Chunk> plan(List<SpeechSegment> speech, Duration maxChunk) {
        List<Chunk> chunks = new ArrayList<>();
        Duration start = null;
        Duration end = null;
        for (SpeechSegment s : speech) {
            Duration from = s.start();
            while (s.end().minus(from).compareTo(maxChunk) > 0) {
                if (start != null) {
                    chunks.add(new Chunk(start, end));
                    start = null;
                }
                chunks.add(new Chunk(from, from.plus(maxChunk)));
                from = from.plus(maxChunk);
            }
            if (start != null && s.end().minus(start).compareTo(maxChunk) > 0) {
                chunks.add(new Chunk(start, end));
                start = null;
            }
            start = start == null ? from : start;
            end = s.end();
        }
        if (start != null) {
            chunks.add(new Chunk(start, end));
        }
        return chunks;
    }

    /** Transcribes the speech of {@code media}; {@code speech} are its speech segments (VAD or pauses). */
    public Transcript transcribe(MediaInfo media, List<SpeechSegment> speech) {
        List<Cue> cues = new ArrayList<>();
        Path dir;
        try {
            dir = Files.createTempDirectory("tagline-stt-");
        } catch (IOException e) {
            throw new TaglineException("Cannot create a temporary folder for audio chunks: " + e.getMessage(),
                    "Check free space in " + System.getProperty("java.io.tmpdir") + ".", e);
        }
        String source = "speech-to-text";
        try {
            int n = 0;
            for (Chunk chunk : plan(speech, maxChunk)) {
                Path wav = dir.resolve(String.format("chunk-%04d.wav", ++n));
                List<String> command = ffmpeg.command().seek(chunk.start()).duration(chunk.end().minus(chunk.start()))
                        .input(media.file()).option("-map", "0:a:0", "-vn", "-ac", "1", "-ar", "16000",
                                "-c:a", "pcm_s16le", "-f", "wav", "-y").output(wav).build();
                ffmpeg.run(command, media.file(), "cutting audio chunk " + n + " of");
                Transcript part = speechToText.transcribe(wav);
                source = part.source();
                part.cues().forEach(c -> cues.add(c.shifted(chunk.start())));
                deleteQuietly(wav);
            }
        } finally {
            deleteQuietly(dir);
        }
        return new Transcript(source, cues);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ChunkedTranscriber.class)
                    .debug("could not remove temporary audio {}; the OS cleans its temp folder", file, e);
        }
    }
}
