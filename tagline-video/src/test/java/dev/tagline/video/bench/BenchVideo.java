package dev.tagline.video.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's 60-minute 1280×720 25 fps video: a 120 s piece (lavfi {@code testsrc2} whose hue jumps every 8 s,
 * i.e. a hard cut, with a "Part N" title changing every 30 s, and a 440 Hz tone on for 6 s and off for 4 s) encoded
 * once with libx264 {@code -preset ultrafast} and AAC, then joined 30 times with the concat demuxer without
 * re-encoding. Reused when already there.
 */
final class BenchVideo {
    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    static final int PIECE_SECONDS = 120;
    static final int PIECES = 30;

    private BenchVideo() {
    }

    static Path make(Path ffmpeg, Path dir, PrintStream log) throws IOException, InterruptedException {
        Path video = dir.resolve("bench-60min.mp4");
        if (Files.isRegularFile(video)) {
            log.println("reusing " + video);
            return video;
        }
        Files.createDirectories(dir);
        Path piece = dir.resolve("piece.mp4");
        long started = System.nanoTime();
        run(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=25:d=" + PIECE_SECONDS + ",hue=H=2*PI*floor(t/8)/7,"
                        + "drawtext=fontfile=" + FONT + ":text='Part %{eif\\:floor(t/30)\\:d}':fontsize=48"
                        + ":fontcolor=white:x=40:y=40",
                "-f", "lavfi", "-i", "sine=f=440:r=48000:d=" + PIECE_SECONDS
                        + ",volume='if(lt(mod(t\\,10)\\,6)\\,0.5\\,0)':eval=frame",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k",
                "-shortest", piece.toString()));
        Path list = dir.resolve("pieces.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PIECES; i++) {
            lines.add("file '" + piece.getFileName() + "'");
        }
        Files.write(list, lines);
        Path partial = dir.resolve("bench-60min.part.mp4");
        run(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "concat",
                "-safe", "0", "-i", list.toString(), "-c", "copy", "-f", "mp4", partial.toString()));
        Files.move(partial, video);
        Files.delete(piece);
        log.printf("made %s in %.1f s%n", video, (System.nanoTime() - started) / 1e9);
        return video;
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        int code = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited " + code);
        }
    }
}
