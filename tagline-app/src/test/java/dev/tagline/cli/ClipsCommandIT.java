package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.core.process.ProcessRunner;
import dev.tagline.core.process.ProcessSpec;
import dev.tagline.inference.BuiltinModels;
import dev.tagline.inference.TestModels;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tagline clips find} in process with the real built-in models, taken from the test model cache. */
class ClipsCommandIT {
    @TempDir
    Path dir;

    /** ffmpeg on PATH (else the test is skipped) and an 80 s test pattern with a tone as talk.mp4. */
    private String video() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            found |= !d.isBlank() && Files.isExecutable(Path.of(d, "ffmpeg"));
        }
        assumeTrue(found, "skipped: ffmpeg not on PATH (Debian/Ubuntu: sudo apt-get install ffmpeg)");
        new ProcessRunner().runChecked(ProcessSpec.of(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=d=80:s=160x120:r=10", "-f", "lavfi", "-i", "sine=d=80",
                "-c:v", "libx264", "-c:a", "aac", "-shortest", dir.resolve("talk.mp4").toString()),
                Duration.ofMinutes(2)));
        return path;
    }

    private CliTestSupport cli(String path) {
        Path home = TestModels.home(BuiltinModels.SPEECH, BuiltinModels.OCR, BuiltinModels.EMBEDDINGS);
        return new CliTestSupport(dir, Map.of("TAGLINE_HOME", home.toString(), "PATH", path));
    }

    private void transcript() throws IOException {
        StringBuilder srt = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            srt.append(i + 1).append("\n00:00:").append(String.format("%02d", i * 5)).append(",000 --> 00:00:")
                    .append(String.format("%02d", i * 5 + 4)).append(",000\n")
                    .append(i == 4 ? "Here's the trick nobody tells you." : "Step " + i + " of the setup.")
                    .append("\n\n");
        }
        Files.writeString(dir.resolve("talk.srt"), srt);
    }

    @Test
    void findWritesClipsJsonAndPrintsTheTable() throws IOException {
        String path = video();
        transcript();
        CliTestSupport cli = cli(path);
        assertEquals(ExitCode.OK, cli.run("clips", "find", "talk.mp4", "--count", "2"), cli.err());
        assertTrue(cli.out().contains("Wrote talk.clips.json (2 clips, transcript from talk.srt)."), cli.out());
        assertTrue(cli.out().contains("\"Here's the trick nobody tells you.\""), cli.out());
        ClipsFile clips = ClipsFile.read(dir.resolve("talk.clips.json"));
        assertEquals(2, clips.clips().size());
        assertEquals(1, clips.clips().get(0).rank());
        assertTrue(clips.notes().stream().noneMatch(n -> n.contains("not available")), clips.notes().toString());
    }

    /**
     * {@code --judge} sent no max_tokens, so the server's default applied; now it sends {@code --judge-max-tokens}, and
     * an answer cut off there is a note naming the option to raise.
     */
    @Test
    void theJudgeSentNoMaxTokens_nowTheOptionIsSentAndACutAnswerNamesIt() throws IOException {
        String path = video();
        transcript();
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            server.answers(call -> "{\"clips\": [{\"start_sentence\": 4, \"end_sentence\": 9, \"score\": 80,"
                    + " \"sub_scores\": {\"hook\": 90, \"payoff\": 70, \"coherence\": 80}, \"hook_text\": \"The"
                    + " trick\", \"reason\": \"A hook.\"}]}");
            CliTestSupport cli = cli(path);
            assertEquals(ExitCode.OK, cli.run("clips", "find", "talk.mp4", "--count", "2", "--judge", "openai:judge",
                    "--endpoint", server.baseUrl(), "--judge-max-tokens", "6"), cli.err());
            assertEquals(6, server.chats().get(0).maxTokens());
            assertEquals(1, server.chats().stream().filter(c -> c.model().equals("judge")).count(), "not asked again");
            assertTrue(cli.out().contains("was cut off at 6 tokens (the answer is not valid JSON"), cli.out());
            assertTrue(cli.out().replaceAll("\\s+", " ").contains("raise --judge-max-tokens (now 6) and, if it is"
                    + " lower, the server's own limit; the built-in scorer was used."), cli.out());
        }
    }

    @Test
    void withoutATranscriptTheModelsRunWithTheThreadsAsked() {
        CliTestSupport cli = cli(video());
        assertEquals(ExitCode.OK, cli.run("clips", "find", "talk.mp4", "--threads", "2", "--count", "1"), cli.err());
        assertTrue(cli.out().contains("note: No transcript"), cli.out());
        assertTrue(cli.out().contains("Wrote talk.clips.json (1 clip)."), cli.out());
        assertFalse(cli.err().contains("\r"), "no terminal, so log lines, not bars: " + cli.err());
        assertTrue(cli.err().matches("(?s).*Analysing talk\\.mp4: \\d+:\\d\\d of media done in .* real time\\).*"),
                cli.err());
        assertTrue(cli.err().matches("(?s).*silero_vad_16k_op15\\.onnx on CPU, 1 intra-op thread, loaded in \\d+ ms.*"),
                cli.err());
        assertTrue(cli.err().matches("(?s).*ch_PP-OCRv4_det_infer\\.onnx on CPU, 2 intra-op threads, loaded in.*"),
                cli.err());
        assertFalse(cli.err().contains("all-minilm-l6-v2.onnx"), "no transcript, so no embedder: " + cli.err());
        CliTestSupport byDefault = cli(video());
        assertEquals(ExitCode.OK, byDefault.run("clips", "find", "talk.mp4", "--verbose"), byDefault.err());
        int half = Math.max(1, dev.tagline.inference.onnx.SessionConfig.defaultIntraOpThreads() / 2);
        assertTrue(byDefault.err().matches("(?s).*ch_PP-OCRv4_det_infer\\.onnx on CPU, " + half + " intra-op threads?, "
                + "loaded in.*"), "OCR shares the cores with FFmpeg's decoder: " + byDefault.err());
    }

    @Test
    void thePackagedCommandPrintsNoLibraryLogLines() throws Exception {
        String path = video();
        transcript(); // a transcript brings in MiniLM, whose tokenizer library logs when it loads
        Path home = TestModels.home(BuiltinModels.SPEECH, BuiltinModels.OCR, BuiltinModels.EMBEDDINGS);
        ProcessBuilder pb = new ProcessBuilder(Path.of("..", "bin", "tagline").toAbsolutePath().normalize().toString(),
                "clips", "find", "talk.mp4", "--count", "1").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("TAGLINE_HOME", home.toString());
        pb.environment().put("PATH", path);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("all-minilm-l6-v2.onnx on CPU"), "the embedder ran: " + output);
        assertFalse(output.matches("(?s).*\\[main\\] (INFO|WARN).*"), "no library log lines: " + output);
    }
}
