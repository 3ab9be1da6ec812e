package dev.tagline.video.signal;

import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.FfmpegCommand;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The FFmpeg commands of the {@link DecodingPass} and the readers of their raw output: the first audio stream as
 * 16 kHz mono {@code s16le} in {@link AudioBlock}s, and the first video stream (or a stretch of it) as small
 * {@code yuv420p} {@link VideoFrame}s.
 */
final class DecodeSources {
    private static final int AUDIO_BLOCK_SAMPLES = 1600;

    private DecodeSources() {
    }

    /** One FFmpeg process and the reader of its stdout, which hands what it decoded to a {@link Sink}. */
    interface Source {
        List<String> command();

        void read(InputStream in, Sink sink) throws IOException;
    }

    @FunctionalInterface
    interface Sink {
        void put(Object item) throws IOException;
    }

    /** The first audio stream, mono at the options' sample rate, in blocks of 1600 samples (0.1 s at 16 kHz). */
    static Source audio(Ffmpeg ffmpeg, DecodeOptions options, MediaInfo media) {
        List<String> command = ffmpeg.command().input(media.file())
                .option("-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1", "-ar", Integer.toString(options.sampleRate()),
                        "-c:a", "pcm_s16le", "-f", "s16le").output("pipe:1").build();
        int rate = options.sampleRate();
        return new Source() {
            @Override
            public List<String> command() {
                return command;
            }

            @Override
            public void read(InputStream in, Sink sink) throws IOException {
                byte[] bytes = new byte[AUDIO_BLOCK_SAMPLES * 2];
                long position = 0;
                int n;
                while ((n = in.readNBytes(bytes, 0, bytes.length)) > 1) {
                    float[] samples = new float[n / 2];
                    for (int i = 0; i < samples.length; i++) {
                        samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
                    }
                    sink.put(new AudioBlock(Duration.ofNanos(Math.round(position * 1e9 / rate)), samples, rate));
                    position += samples.length;
                }
            }
        };
    }

    /**
     * The video from {@code from} to {@code to} (the end when empty), decoded with {@code threads} threads (FFmpeg's
     * choice when 0). A later segment starts at the frame nearest {@code from} and numbers its frames from that
     * frame's index: it seeks 1 ms before the frame's time, so that FFmpeg's millisecond seek cannot skip the frame,
     * and the frame's time after the seek (1 ms) rounds to the fps filter's first tick, which keeps the filter's ticks
     * on the source's frames (half a frame early, the ticks fell between frames and the filter added a frame).
     */
    static Source video(Ffmpeg ffmpeg, DecodeOptions options, MediaInfo media, MediaInfo.VideoStream stream,
                        double fps, Duration from, Optional<Duration> to, int threads) {
        int width = options.frameWidth();
        int height = options.frameHeight(stream.displayWidth(), stream.displayHeight());
        // fast_bilinear: two taps, like the cv2.INTER_LINEAR PySceneDetect downscales with (scene_manager.py); the
        // default bicubic filter spans the whole 5x footprint and cost more CPU than decoding 720p H.264 itself
        // yuv420p, not rgb24: half the bytes through the pipe and no RGB conversion of every frame in FFmpeg (its
        // CPU for the pass fell by a third of what it spends beyond decoding); VideoFrame converts where needed
        String filter = String.format(Locale.ROOT, "fps=%.6f,scale=%d:%d:flags=fast_bilinear,format=yuv420p", fps,
                width, height);
        long first = Math.round(from.toNanos() * fps / 1e9);
        FfmpegCommand command = ffmpeg.command();
        if (threads > 0) {
            command.option("-threads", Integer.toString(threads));
        }
        Duration seek = Duration.ofNanos(Math.round(first * 1e9 / fps)).minusMillis(1);
        boolean seeking = first > 0 && seek.compareTo(Duration.ZERO) > 0;
        if (seeking) {
            command.seek(seek);
        }
        to.ifPresent(end -> command.duration(end.minus(seeking ? seek : Duration.ZERO)));
        List<String> arguments = command.input(media.file())
                .option("-map", "0:v:0", "-an", "-sn", "-dn", "-vf", filter, "-f", "rawvideo").output("pipe:1").build();
        return new Source() {
            @Override
            public List<String> command() {
                return arguments;
            }

            @Override
            public void read(InputStream in, Sink sink) throws IOException {
                long index = seeking ? first : 0;
                int size = VideoFrame.yuvSize(width, height);
                while (true) {
                    // into an array of the frame's size: readNBytes(size) gathers 8 KiB buffers and copies them into
                    // a new array, twice the garbage (over 100 MB/s of it when two stretches run at 50x real time)
                    byte[] yuv = new byte[size];
                    if (in.readNBytes(yuv, 0, size) < size) {
                        return;
                    }
                    sink.put(VideoFrame.yuv420(index, Duration.ofNanos(Math.round(index * 1e9 / fps)), width,
                            height, yuv));
                    index++;
                }
            }
        };
    }
}
