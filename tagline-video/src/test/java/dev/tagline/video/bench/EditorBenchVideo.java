package dev.tagline.video.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A full-editor screencast for the benchmark: 1280×720 at 25 fps, a dark editor filled with 18 px DejaVu Sans Mono
 * code from the file tree to the status bar. A 120 s piece shows {@value #FILES} files, 30 s each (a hard cut between
 * them), each typed on in {@value #STAGES} stages, 10 s apart (four more lines each, so the text a clip ends on is not
 * the one it starts on); a 440 Hz tone is on for 6 s and off for 4 s (the pauses give the finder its candidates). The
 * piece is encoded once with libx264 {@code -preset ultrafast} and AAC, then joined with the concat demuxer without
 * re-encoding up to the length asked for. Reused when already there.
 */
final class EditorBenchVideo {
    static final String MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
    static final int PIECE_SECONDS = 120;
    static final int FILES = 4;
    static final int STAGES = 3;
    /** Code lines shown at the first stage; each later stage adds four. */
    static final int FIRST_LINES = 14;

    private EditorBenchVideo() {
    }

    static Path make(Path ffmpeg, Path dir, int minutes, PrintStream log) throws IOException, InterruptedException {
        Path video = dir.resolve("editor-" + minutes + "min.mp4");
        if (Files.isRegularFile(video)) {
            log.println("reusing " + video);
            return video;
        }
        Files.createDirectories(dir);
        Path piece = dir.resolve("editor-piece.mp4");
        long started = System.nanoTime();
        if (!Files.isRegularFile(piece)) {
            BenchVideo.run(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", "color=c=0x1e1e1e:s=1280x720:r=25:d=" + PIECE_SECONDS + "," + editor(dir),
                    "-f", "lavfi", "-i", "sine=f=440:r=48000:d=" + PIECE_SECONDS
                            + ",volume='if(lt(mod(t\\,10)\\,6)\\,0.5\\,0)':eval=frame",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "96k",
                    "-shortest", piece.toString()));
        }
        Path list = dir.resolve("editor-pieces.txt");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(1, minutes * 60 / PIECE_SECONDS); i++) {
            lines.add("file '" + piece.getFileName() + "'");
        }
        Files.write(list, lines);
        Path partial = dir.resolve("editor-" + minutes + "min.part.mp4");
        BenchVideo.run(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f",
                "concat", "-safe", "0", "-i", list.toString(), "-c", "copy", "-f", "mp4", partial.toString()));
        Files.move(partial, video);
        log.printf(Locale.ROOT, "made %s in %.1f s%n", video, (System.nanoTime() - started) / 1e9);
        return video;
    }

    /** The editor's filters: the file tree, the tab, each file's code stage by stage, the status bar. */
    private static String editor(Path dir) throws IOException {
        StringBuilder g = new StringBuilder("drawbox=x=0:y=0:w=220:h=720:color=0x252526:t=fill,"
                + "drawbox=x=0:y=692:w=1280:h=28:color=0x007acc:t=fill,");
        List<String> names = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            names.add(name(f));
        }
        g.append(text(dir, "tree", String.join("\n", names) + "\nREADME.md\nrequirements.txt", 16, 60, 16,
                "0xcccccc", "")).append(',');
        g.append(text(dir, "status", "main  Python 3.11  UTF-8  LF  Spaces: 4", 16, 698, 14, "0xffffff", ""));
        for (int f = 0; f < FILES; f++) {
            g.append(',').append(text(dir, "tab" + f, name(f), 240, 12, 16, "0xffffff",
                    String.format(Locale.ROOT, "between(t,%d,%d)", 30 * f, 30 * f + 30)));
            for (int k = 0; k < STAGES; k++) {
                int from = 30 * f + 10 * k;
                g.append(',').append(text(dir, "code" + f + "_" + k, code(f, FIRST_LINES + 4 * k), 240, 44, 18,
                        "0xd4d4d4", String.format(Locale.ROOT, "between(t,%d,%d)", from, from + 10)));
            }
        }
        return g.toString();
    }

    private static String name(int f) {
        return new String[] {"server.py", "models.py", "routes.py", "tests.py"}[f];
    }

    /** {@code lines} lines of plausible Python for file {@code f}, 26 px apart when drawn at 18 px. */
    private static String code(int f, int lines) {
        String[] words = {"request", "session", "payload", "response", "handler", "record", "cursor", "result"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String w = words[(i + f) % words.length];
            String v = words[(3 * i + f + 1) % words.length];
            out.add(switch (i % 4) {
                case 0 -> "def " + w + "_" + name(f).replace(".py", "") + "_" + i + "(" + v + ", timeout=30):";
                case 1 -> "    " + v + " = load_" + w + "(" + v + ".id, retries=" + (i + 2) + ")";
                case 2 -> "    if not " + v + ".ok:  # the " + w + " failed, say why and stop";
                default -> "        return {\"" + w + "\": " + v + ".json(), \"line\": " + i + "}";
            });
        }
        return String.join("\n", out);
    }

    /** A drawtext of {@code s} from a file (no escaping), shown while {@code enable} holds (always when empty). */
    private static String text(Path dir, String id, String s, int x, int y, int size, String colour, String enable)
            throws IOException {
        Path file = Files.writeString(dir.resolve("editor-" + id + ".txt"), s);
        return "drawtext=fontfile=" + MONO + ":textfile=" + file + ":x=" + x + ":y=" + y + ":fontsize=" + size
                + ":line_spacing=8:fontcolor=" + colour + (enable.isEmpty() ? "" : ":enable='" + enable + "'");
    }
}
