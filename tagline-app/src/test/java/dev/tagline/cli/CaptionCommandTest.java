package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.images.caption.Captioners;
import dev.tagline.testkit.florence.SyntheticFlorence;
import dev.tagline.testkit.onnx.ElementType;
import dev.tagline.testkit.onnx.OnnxGraphBuilder;
import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagline caption} in process on generated images, against the fake OpenAI-compatible server; the fake
 * "sees" colours by decoding the JPEG it was sent, so a caption that names the right colour proves the image went.
 */
class CaptionCommandTest {
    @TempDir
    Path work;
    Path data;
    final FakeOpenAiServer server = FakeOpenAiServer.start().requireApiKey("sk-cap");

    @BeforeEach
    void folder() throws IOException {
        data = work.resolve("data");
        Files.createDirectories(data.resolve("sub"));
        TagCommandTest.png(data.resolve("red.png"), 0xFF0000, 640, 480);
        TagCommandTest.png(data.resolve("sub/blue.png"), 0x0000FF, 30, 40);
        Files.writeString(data.resolve("notes.md"), "not an image");
        server.answers(call -> "The image shows a " + colour(call) + " square.");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The colour of the centre pixel of the image sent (red, green, blue or grey). */
    static String colour(FakeOpenAiServer.ChatCall call) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(call.images().get(0)));
            int rgb = image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
            int r = rgb >> 16 & 0xff;
            int b = rgb & 0xff;
            return r > 200 ? "red" : b > 200 ? "blue" : "grey";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    CliTestSupport cli() {
        return new CliTestSupport(work, Map.of("TAGLINE_HOME", work.resolve("home").toString(), "HF_HUB_OFFLINE", "1",
                "TAGLINE_OPENAI_API_KEY", "sk-cap"));
    }

    int caption(CliTestSupport cli, String... more) {
        List<String> args = new ArrayList<>(List.of("caption", "data", "--captioner", "openai:llava",
                "--endpoint", server.baseUrl()));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    String read(String name) throws IOException {
        return Files.readString(data.resolve(name));
    }

    @Test
    void captionsEveryImageCleansTheAnswerAndResumes() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--prefix", "sks", "--system", "You caption images."), cli.err());
        assertEquals("sks A red square.", read("red.caption"));
        assertEquals("sks A blue square.", read("sub/blue.caption"));
        assertFalse(Files.exists(data.resolve("red.txt")), "no tagger, no tags sidecar");
        assertTrue(cli.err().contains("captioner openai:llava at " + server.baseUrl() + ", 4 requests in flight"),
                cli.err());
        assertTrue(cli.err().contains("jpeg decoder " + dev.tagline.images.load.ImageLoader.jpegDecoder()), cli.err());
        assertTrue(cli.out().contains("Captioned 2 images (.caption)"), cli.out());
        assertTrue(cli.out().matches("(?s).*Tokens: [\\d,]+ prompt \\+ [\\d,]+ completion = [\\d,]+ in 2 requests.*"),
                cli.out());
        assertEquals("You caption images.", server.chats().get(0).messages().get(0).content());
        assertEquals(Captioners.PROMPT, server.chats().get(0).lastUser());

        cli.clear();
        assertEquals(ExitCode.OK, caption(cli, "--prefix", "sks", "--system", "You caption images."));
        assertEquals(2, server.chats().size(), "a second run resumes from the journal");
        assertTrue(cli.out().contains("3 files were done by an earlier run"), cli.out());

        Files.delete(data.resolve("sub/blue.caption"));
        cli.clear();
        assertEquals(ExitCode.OK, caption(cli, "--prefix", "sks", "--system", "You caption images.", "--restart"));
        assertEquals(3, server.chats().size(), "red.caption exists: only blue is asked again");
        assertTrue(cli.out().contains("Captioned 1 image (.caption);"), cli.out());
        assertTrue(cli.out().contains("in 1 request (retries not counted)."), cli.out());

        server.withoutUsage();
        Files.delete(data.resolve("sub/blue.caption"));
        cli.clear();
        assertEquals(ExitCode.OK, caption(cli, "--prefix", "sks", "--system", "You caption images.", "--restart"));
        assertTrue(cli.out().contains("Tokens: not reported by the server, 1 request (retries not counted)."),
                cli.out());
    }

    @Test
    void tagsFromATaggerFeedThePromptAndAreKeptOrAskedForAgain() throws IOException {
        Path model = TagCommandTest.colourTagger(work.resolve("model"));
        server.answers(call -> call.lastUser().contains("must mention") ? "A " + colour(call)
                + " square with a red (colour) tag and blue sky." : "A " + colour(call) + " square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--tagger", "my-wd", "--tagger-model-path", model.toString(),
                "--general-threshold", "0.5", "--json"), cli.err());
        assertEquals("red (colour)", read("red.txt"));
        assertEquals("blue sky", read("sub/blue.txt"));
        assertTrue(cli.out().contains("Captioned 2 images (.caption, .txt, .json)"), cli.out());
        FakeOpenAiServer.ChatCall first = server.chats().stream().filter(c -> c.lastUser().contains("red (colour)"))
                .findFirst().orElseThrow();
        assertEquals("Write one fluent sentence that captions this image for training an image model. Use every one"
                + " of these tags: red (colour).", first.lastUser());
        assertEquals(4, server.chats().size(), "each caption left its tag out once and was asked again");
        assertTrue(server.chats().stream().anyMatch(c -> c.lastUser().endsWith("Use every one of these tags: red"
                + " (colour).\nThe caption must mention each of these tags: red (colour).")));
        assertTrue(read("red.caption").startsWith("A red square with a red (colour) tag"), read("red.caption"));
        JsonNode json = new ObjectMapper().readTree(read("red.json"));
        assertEquals("red (colour)", json.path("tags").path(0).asText());
        assertFalse(json.has("missing_tags"), json.toString());
    }

    /** Dogfood round 3: the tag retry asked the model to write an earlier run's trigger into the sentence. */
    @Test
    void theTagRetryDoesNotAskForALeadingTrigger() throws IOException {
        Files.writeString(data.resolve("red.txt"), "ohwx man, 1boy, smile");
        server.answers(call -> "A " + colour(call) + " square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--prompt", "Tags: {tags}", "--tag-retries", "1", "--include",
                "red.png"), cli.err());
        List<String> asked = server.chats().stream().map(FakeOpenAiServer.ChatCall::lastUser).toList();
        assertTrue(asked.stream().anyMatch(u -> u.endsWith("must mention each of these tags: smile.")),
                asked.toString());
    }

    @Test
    void tagsFromATagFileReachThePromptAsProseReadsThemAndOnlyAPromptWithTagsIsChecked() throws IOException {
        Files.writeString(data.resolve("red.txt"), "score_9, rating:general, (red hair:1.2), smile");
        Files.writeString(data.resolve("sub/blue.txt"), "general, blue sky, \\(cosplay\\)");
        server.answers(call -> "A " + colour(call) + " square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--prompt", "Tags: {tags}", "--tag-retries", "1", "--json"),
                cli.err());
        assertTrue(server.chats().stream().anyMatch(c -> c.lastUser().equals("Tags: red hair, smile")),
                server.chats().stream().map(FakeOpenAiServer.ChatCall::lastUser).toList().toString());
        assertTrue(server.chats().stream().anyMatch(c -> c.lastUser().equals("Tags: blue sky, cosplay")));
        assertTrue(server.chats().stream().anyMatch(c -> c.lastUser().endsWith("must mention each of these tags:"
                + " red hair, smile.")), "the retry names them as prose does too");
        assertEquals("red hair", new ObjectMapper().readTree(read("red.json")).path("missing_tags").path(0)
                .asText());

        CliTestSupport plain = cli();
        assertEquals(ExitCode.OK, caption(plain, "--existing", "overwrite", "--json"), plain.err());
        assertFalse(plain.out().contains("leave out some tags"), "the default prompt asks for no tags: "
                + plain.out());
        assertFalse(new ObjectMapper().readTree(read("red.json")).has("missing_tags"), read("red.json"));
    }

    @Test
    void captionsThatStillDropTagsAreReported() throws IOException {
        Path model = TagCommandTest.colourTagger(work.resolve("model"));
        server.answers(call -> "A square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--tagger", "my-wd", "--tagger-model-path", model.toString(),
                "--general-threshold", "0.5", "--tag-retries", "2", "--json"), cli.err());
        assertEquals(6, server.chats().size());
        assertTrue(cli.out().contains("2 captions still leave out some tags"), cli.out());
        assertEquals("red (colour)", new ObjectMapper().readTree(read("red.json")).path("missing_tags").path(0)
                .asText());
    }

    /**
     * Dogfood round 7 J9: the tag re-ask demanded "1girl" and "2boys" in a sentence (an extra request per image, and
     * the caption still "left out tags"), and "2 captions still leave out some tags" named no image.
     */
    @Test
    void countTagsCostAReAskAndTheCaptionsLeavingOutTagsWereNotNamed_nowNeitherIsSo() throws IOException {
        Files.writeString(data.resolve("red.txt"), "1girl, solo, smile");
        Files.writeString(data.resolve("sub/blue.txt"), "2boys, multiple boys, suit");
        server.answers(call -> colour(call).equals("red") ? "A woman, smiling." : "Two men in suits.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--prompt", "Tags: {tags}", "--tag-retries", "1"), cli.err());
        assertEquals(2, server.chats().size(), "no re-ask for a count tag: "
                + server.chats().stream().map(FakeOpenAiServer.ChatCall::lastUser).toList());
        assertFalse(cli.out().contains("leave out some tags"), cli.out());

        for (String name : List.of("a", "b", "c", "d", "e")) {
            TagCommandTest.png(data.resolve(name + ".png"), 0x808080, 64, 64);
            Files.writeString(data.resolve(name + ".txt"), "smile, umbrella");
        }
        Files.writeString(data.resolve("red.txt"), "smile, umbrella");
        server.answers(call -> "A square.");
        CliTestSupport missing = cli();
        assertEquals(ExitCode.OK, caption(missing, "--prompt", "Tags: {tags}", "--tag-retries", "0", "--existing",
                "overwrite", "--restart"), missing.err());
        assertTrue(missing.out().matches("(?s).*7 captions still leave out some tags: (\\S+\\.png, ){4}\\S+\\.png"
                + " and 2 more \\(missing_tags in the run's journal\\)\\..*"), missing.out());
    }

    @Test
    void questionsAreAskedInAChainStoredAndUsableAsAnExportFilter() throws IOException {
        server.answers(call -> {
            String prompt = call.lastUser();
            String colour = colour(call);
            if (prompt.endsWith("Question: Is this a human? Answer:")) {
                return "no";
            }
            if (prompt.endsWith("Question: Is it red? Answer:")) {
                return colour.equals("red") ? "Yes." : "No.";
            }
            return "A " + colour + " square, given: " + prompt;
        });
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--ask", "Is this a human? red: Is it red?"), cli.err());
        JsonNode red = new ObjectMapper().readTree(read("red.json"));
        assertEquals("no", red.path("qa").path("is_this_a_human").asText());
        assertEquals("yes", red.path("qa").path("red").asText());
        assertEquals("Is it red?", red.path("questions").path(1).path("question").asText());
        assertEquals("A red square, given: Question: Is this a human? Answer: no. Question: Is it red? Answer:"
                + " yes. " + Captioners.PROMPT, read("red.caption"));
        assertTrue(server.chats().stream().anyMatch(c -> c.lastUser().equals(
                "Question: Is this a human? Answer: no. Question: Is it red? Answer:")));
        assertEquals(24, server.chats().get(0).maxTokens(), "answers are short");

        cli.clear();
        assertEquals(ExitCode.OK, cli.run("export", "data", "--where", "red=yes"), cli.err());
        List<String> lines = Files.readAllLines(data.resolve("metadata.jsonl"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("{\"file_name\":\"red.png\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"qa\":{\"is_this_a_human\":\"no\",\"red\":\"yes\"}"), lines.get(0));
        assertTrue(cli.out().contains("1 not matching --where left out"), cli.out());
    }

    /**
     * re-check item 19: with gallery-dl's metadata in red.json, --ask asked and paid for its questions, threw the
     * answers away, kept the file, and the summary said "(.caption, .json)".
     */
    @Test
    void askWithSomeoneElsesJsonBesideAnImageIsRefusedBeforeAnyRequest() throws IOException {
        String metadata = "{\"category\": \"danbooru\", \"id\": 1234, \"tags\": \"1girl solo\"}";
        Files.writeString(data.resolve("sub/blue.json"), metadata);
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--ask", "Is this a human?"));
        assertTrue(cli.err().contains("error: " + data.resolve("sub/blue.json") + " is not a Tagline record"
                + " (gallery-dl metadata?), and --ask writes its answers to NAME.json; nothing was asked or written."
                + " Move the metadata files (*.json) out of the image folder, or run without --ask and --questions."),
                cli.err());
        assertEquals(1, cli.err().lines().filter(l -> l.startsWith("error:")).count(), cli.err());
        assertTrue(server.chats().isEmpty(), "nothing paid for");
        assertFalse(cli.out().contains(".json"), cli.out());
        assertEquals(metadata, read("sub/blue.json"));
        assertFalse(Files.exists(data.resolve("red.caption")));

        // a record Tagline wrote is its own: a later --ask run over it is no refusal
        Files.delete(data.resolve("sub/blue.json"));
        cli.clear();
        assertEquals(ExitCode.OK, caption(cli, "--json"), cli.err());
        Files.delete(data.resolve("red.caption"));
        cli.clear();
        assertEquals(ExitCode.OK, caption(cli, "--ask", "Is this a human?", "--existing", "overwrite"), cli.err());
        assertTrue(read("red.json").contains("is_this_a_human"), read("red.json"));
    }

    @Test
    void anUnknownModelStopsTheRunWithOneLineAndExitTwo() {
        server.models("llava:13b");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli));
        assertTrue(cli.err().contains("has no such model: The model `llava` does not exist"), cli.err());
        assertTrue(cli.err().contains("ollama pull"), cli.err());
        assertTrue(cli.err().contains("GET " + server.baseUrl() + "/models lists them"), "dogfood item 7, not"
                + " .../v1/chat/models: " + cli.err());
        assertFalse(Files.exists(data.resolve("red.caption")));
    }

    /** dogfood item 12: a plain file server (501 to POST, an HTML body) failed every image after 4 tries each. */
    @Test
    void aServerThatIsNoOpenAiApiStopsTheRunAtOnceNamingTheUrl() throws IOException {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger posts = new java.util.concurrent.atomic.AtomicInteger();
        http.createContext("/", exchange -> {
            posts.incrementAndGet();
            byte[] page = "<!DOCTYPE HTML>\n<html><head><title>Error response</title></head><body><p>Error code: 501</p>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(501, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/v1";
            CliTestSupport cli = cli();
            assertEquals(ExitCode.USAGE, cli.run("caption", "data", "--captioner", "openai:llava", "--endpoint", url,
                    "--concurrency", "1"));
            assertTrue(cli.err().contains("answered HTTP 501 with a web page, not as an OpenAI-compatible API does:"
                    + " Error code: 501. Check --endpoint " + url + ": is this the server's /v1 base URL?"),
                    cli.err());
            assertFalse(cli.err().contains("<!DOCTYPE"), cli.err());
            assertTrue(posts.get() <= 2, "not retried (4 tries an image before): at most the one batch's two requests,"
                    + " got " + posts.get());
        } finally {
            http.stop(0);
        }
    }

    /** dogfood item 6: {@code --endpoint 127.0.0.1:18001/v1} was an internal error. */
    @Test
    void anEndpointWithoutASchemeIsAOneLineUsageError() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("caption", "data", "--captioner", "openai:x", "--endpoint",
                "127.0.0.1:18001/v1"));
        assertTrue(cli.err().contains("error: Endpoint 127.0.0.1:18001/v1 is not an http(s) URL. Give the server's"
                + " base URL, e.g. --endpoint http://127.0.0.1:8080/v1."), cli.err());
        assertFalse(cli.err().contains("internal error"), cli.err());
    }

    @Test
    void twoImagesWithTheSameStemAreAFailureNotASilentlySharedSidecar() throws IOException {
        TagCommandTest.png(data.resolve("red.jpg"), 0x0000FF, 64, 64);
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, caption(cli));
        assertFalse(Files.exists(data.resolve("red.caption")), "neither writes the caption they would share");
        assertTrue(cli.err().contains("red.png: would share the sidecar red.caption with red.jpg"), cli.err());
        assertTrue(cli.err().contains("red.jpg: would share the sidecar red.caption with red.png"), cli.err());
        assertTrue(cli.err().contains("Rename one of the two images, e.g. red.png to red_png.png"), cli.err());
        assertEquals(1, server.chats().size(), "neither image is sent");
    }

    @Test
    void aFailedImageIsReportedAndTheOthersAreWritten() throws IOException {
        server.answers(call -> {
            if (colour(call).equals("blue")) {
                throw new IllegalStateException("out of memory");
            }
            return "A red square.";
        });
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, caption(cli, "--concurrency", "2"));
        assertEquals("A red square.", read("red.caption"));
        assertTrue(cli.err().contains("blue.png") && cli.err().contains("HTTP 500 after 4 tries"), cli.err());
        assertFalse(Files.exists(data.resolve("sub/blue.caption")));
    }

    @Test
    void aRefusalIsAFailureNotACaptionAndReasoningIsDropped() throws IOException {
        server.answers(call -> colour(call).equals("blue")
                ? "I'm sorry, but I can't help with identifying people in images."
                : "<think>\nA red square, plainly.\n</think>\nThe image shows a red square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, caption(cli));
        assertEquals("A red square.", read("red.caption"));
        assertTrue(cli.err().contains("failed      sub/blue.png: openai:llava refused to caption it (I'm sorry, but I can't"
                + " help with identifying people in images.)"), cli.err());
        assertFalse(Files.exists(data.resolve("sub/blue.caption")));
    }

    @Test
    void reasoningThatUsesUpMaxTokensSaysSoOnOneLine() throws IOException {
        server.answers(call -> "<think>\nThe user wants a caption.\nI see a square and I will now describe its colour,"
                + " its edges and its size at great length.\n</think>\nA square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, caption(cli, "--max-tokens", "12"));
        String line = cli.err().lines().filter(l -> l.startsWith("failed      red.png")).findFirst().orElse(cli.err());
        assertTrue(line.startsWith("failed      red.png: openai:llava reached --max-tokens before it gave a caption"
                + " (<think> The user wants a caption. I see"), line);
        assertTrue(line.contains("Raise --max-tokens, or turn the model's thinking off"), line);
        assertFalse(Files.exists(data.resolve("red.caption")));
    }

    /** Dogfood round 6 H3: llama.cpp started without --mmproj failed every image after 4 tries each, exit 1. */
    @Test
    void llamaCppWithoutItsVisionProjectorStopsTheRunWithExitTwoAndTheFix() {
        server.withoutVisionProjector();
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli));
        assertTrue(cli.err().contains("image input is not supported"), cli.err());
        assertTrue(cli.err().contains("The server cannot read images: start llama-server with --mmproj FILE"),
                cli.err());
        assertFalse(cli.err().contains("after 4 tries"), cli.err());
        assertTrue(server.chats().size() <= 2, "one request per image at most: " + server.chats().size());
        assertFalse(Files.exists(data.resolve("red.caption")));
    }

    /** Dogfood round 6 H3: LM Studio with no model loaded failed each image with a 400. */
    @Test
    void lmStudioWithNoModelLoadedStopsTheRunWithExitTwoAndTheFix() {
        server.noModelLoaded();
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli));
        assertTrue(cli.err().contains("LM Studio has no model loaded: load one (lms load MODEL"), cli.err());
    }

    /** Dogfood round 6 H1: vLLM's top-level error body showed as raw JSON with "Check --endpoint". */
    @Test
    void vllmsUnknownModelIsNamedAsSuchNotBlamedOnTheEndpoint() {
        server.vllmErrors().models("llava:13b");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli));
        assertTrue(cli.err().contains("has no such model: The model `llava` does not exist."), cli.err());
        assertTrue(cli.err().contains("GET " + server.baseUrl() + "/models lists them"), cli.err());
        assertFalse(cli.err().contains("Check --endpoint") || cli.err().contains("{\""), cli.err());
    }

    /**
     * Dogfood round 6 H3 and H1: an error no list names (vLLM's context-length 400), the same for the first three
     * images, none captioned, stops the run rather than failing the folder image by image; its message shows whole.
     */
    @Test
    void theFirstThreeImagesFailingAlikeStopTheRunWithExitTwo() throws IOException {
        for (String name : List.of("a", "b", "c", "d")) {
            TagCommandTest.png(data.resolve(name + ".png"), 0x808080, 64, 64);
        }
        server.vllmErrors().contextWindow(60);
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--concurrency", "1"));
        assertTrue(cli.err().contains("The first 3 images all failed the same way and none was captioned, so the rest"
                + " would too: Server "), cli.err());
        assertTrue(cli.err().contains("This model's maximum context length is 60 tokens. However, you requested"),
                cli.err());
        assertTrue(cli.err().contains("Please reduce the length of the messages or completion."), cli.err());
        assertFalse(cli.err().contains("{\""), cli.err());
        // each image is sent on its own (dogfood round 8, K3): the three, not the fourth of their batch of 2 × 1
        assertEquals(3, server.chats().size(), "the first three images, none after");
    }

    /**
     * A server loading its model was waited for with a logger's line ({@code [caption-http] WARN
     * dev.tagline.inference.openai.HttpCalls - Server … is not ready}); now the command says it in its own words.
     */
    @Test
    void aServerLoadingItsModelIsWaitedForWithALineOfItsOwnNotALoggersWarning() throws IOException {
        server.loadingModelFor(1);
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--concurrency", "1", "--include", "red.png"), cli.err());
        assertTrue(cli.err().lines().anyMatch(l -> l.equals("waiting for " + server.baseUrl()
                + ": Loading model (up to 120 s)")), cli.err());
        assertFalse(cli.err().contains("WARN dev.tagline"), cli.err());
        assertTrue(read("red.caption").contains("red square"));
    }

    /**
     * A 429 that every retry got on each of the first 3 images stopped the run with the per-image hint "try again
     * later or lower the request rate"; now it says the server is rate-limiting the run and what to do.
     */
    @Test
    void aRateLimitOnTheFirstThreeImagesStopsTheRunSayingToLowerConcurrencyOrWait() throws IOException {
        for (String name : List.of("a", "b", "c", "d")) {
            TagCommandTest.png(data.resolve(name + ".png"), 0x808080, 64, 64);
        }
        for (int i = 0; i < 32; i++) {
            server.failNext(429, Map.of("Retry-After", "0"));
        }
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--concurrency", "1"));
        assertTrue(cli.err().contains("The first 3 images all failed the same way and none was captioned, as the"
                + " server is rate-limiting this run (HTTP 429 after every retry): Server "), cli.err());
        assertTrue(cli.err().contains("answered HTTP 429 after 4 tries"), cli.err());
        assertTrue(cli.err().contains("Lower --concurrency (e.g. --concurrency 1), wait for the limit to reset, or"
                + " check the rate limits of your plan with the provider"), cli.err());
        assertEquals(12, server.chats().size(), "the first three images, 4 tries each, none after");
    }

    /** The same failures after an image was captioned stay with their images (the server did caption). */
    @Test
    void failuresAfterACaptionedImageDoNotStopTheRun() throws IOException {
        for (String name : List.of("a", "b", "c")) {
            TagCommandTest.png(data.resolve("sub/" + name + ".png"), 0x808080, 64, 64);
        }
        server.answers(call -> {
            if (colour(call).equals("grey")) {
                throw new IllegalArgumentException("no");
            }
            return "A " + colour(call) + " square.";
        });
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, caption(cli, "--concurrency", "4", "--include", "red.png", "--include",
                "sub/*.png"));
        assertTrue(Files.exists(data.resolve("red.caption")), cli.err());
        assertFalse(cli.err().contains("The first 3 images"), cli.err());
    }

    /**
     * Dogfood round 6 H2: vLLM's reasoning parser sends {@code content: null} and the thinking as
     * {@code reasoning_content} when it used up --max-tokens; that was "Is --endpoint an OpenAI-compatible chat
     * server?" for every image, and its tokens went uncounted.
     */
    @Test
    void aReasoningModelThatThinksThroughMaxTokensSaysSoAndCountsItsTokens() {
        server.reasoningParser("reasoning_content").answers(call -> "<think>Okay, the user wants a caption. Let me"
                + " look at the image carefully, then describe it.</think>A " + colour(call) + " square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, caption(cli, "--max-tokens", "10"));
        assertTrue(cli.err().contains("failed      red.png: openai:llava reached --max-tokens before it gave a caption"
                + " (<think>Okay, the user wants"), cli.err());
        assertTrue(cli.err().contains("the model used all 10 tokens reasoning and wrote no caption. Raise"
                + " --max-tokens, or turn the model's thinking off"), cli.err());
        assertFalse(cli.err().contains("OpenAI-compatible chat server"), cli.err());
        assertTrue(cli.out().contains(" + 20 completion = "), "both answers' tokens are counted: " + cli.out());
    }

    /** Dogfood round 6 H2: on the first three images it is the model's setting, so the run stops. */
    @Test
    void aReasoningModelThatThinksThroughMaxTokensOnTheFirstImagesStopsTheRun() throws IOException {
        for (String name : List.of("a", "b")) {
            TagCommandTest.png(data.resolve(name + ".png"), 0x808080, 64, 64);
        }
        server.reasoningParser("reasoning").answers(call -> "<think>Okay, the user wants a caption. Let me look at the"
                + " image carefully, then describe it.</think>A square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--max-tokens", "10"));
        assertTrue(cli.err().contains("The first 3 images all failed the same way"), cli.err());
        assertTrue(cli.err().contains("used all 10 tokens reasoning and wrote no caption"), cli.err());
    }

    /**
     * Dogfood round 7 J4: the "first 3 images failed alike" stop counted "2 failed" (the stopping image nowhere),
     * said "run again" three ways and "Finished chunks are kept" with none done, and printed no Tokens line although
     * the reasoning model's answers were charged; vLLM's context-length stop never named --max-side.
     */
    @Test
    void theFirstThreeAlikeStopCountedTwoSaidRunAgainThriceAndHidTheTokens_nowOneCoherentBlock() throws IOException {
        for (String name : List.of("a", "b")) {
            TagCommandTest.png(data.resolve(name + ".png"), 0x808080, 64, 64);
        }
        server.reasoningParser("reasoning").answers(call -> "<think>Okay, the user wants a caption. Let me look at the"
                + " image carefully, then describe it.</think>A square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--max-tokens", "10", "--concurrency", "1"));
        assertTrue(cli.err().matches("(?s).*caption: 0 done in [^\\n]*, 3 failed\\b.*"), cli.err());
        String error = cli.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElseThrow();
        assertEquals(1, error.split("run the same command again", -1).length - 1, error);
        assertFalse(error.contains("to retry this image") || error.contains("Finished chunks"), error);
        assertTrue(cli.out().matches("(?s).*Tokens: [\\d,]+ prompt \\+ 30 completion = [\\d,]+ in 3 requests.*"),
                cli.out());

        server.reasoningParser(null).answers(call -> "A square.").vllmErrors().contextWindow(60);
        CliTestSupport context = cli();
        assertEquals(ExitCode.USAGE, caption(context, "--concurrency", "1"));
        assertTrue(context.err().contains("send smaller images with --max-side (e.g. --max-side 512)"),
                context.err());
        assertTrue(context.err().matches("(?s).*caption: 0 done in [^\\n]*, 3 failed\\b.*"), context.err());
    }

    /** Dogfood round 6 H12: {tags} went empty without a word when no tags sidecar was there. */
    @Test
    void anEmptyTagsPlaceholderIsReportedWithTheFix() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--prompt", "Caption this; tags: {tags}"), cli.err());
        assertTrue(cli.out().contains("2 images had no tags for {tags} (no .txt beside them), so the prompt went"
                + " without: run tagline tag first, or pass --tagger."), cli.out());
    }

    /** Dogfood round 6 H12: the re-ask was glued to the tags ("blurry The caption…") and asked for lowres. */
    @Test
    void theTagRetryIsOnItsOwnLineAndAsksForNoQualityTags() throws IOException {
        Files.writeString(data.resolve("red.txt"), "portrait, smile, lowres, blurry, masterpiece, best quality");
        server.answers(call -> "A " + colour(call) + " square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--prompt", "Caption this; tags: {tags}", "--include", "red.png"),
                cli.err());
        List<String> asked = server.chats().stream().map(FakeOpenAiServer.ChatCall::lastUser).toList();
        assertEquals(List.of("Caption this; tags: portrait, smile, lowres, blurry, masterpiece, best quality",
                "Caption this; tags: portrait, smile, lowres, blurry, masterpiece, best quality\nThe caption must"
                        + " mention each of these tags: portrait, smile."), asked);
    }

    @Test
    void tagsThatNameNothingAreAFailureThatSaysSo() throws IOException {
        Files.writeString(data.resolve("red.txt"), "solo, general");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("caption", "data", "--captioner", "tags"));
        assertTrue(cli.err().contains("failed      red.png: its tags (solo, general) name nothing a caption can"
                + " describe"), cli.err());
        assertTrue(cli.err().contains("failed      sub/blue.png: no tags to compose a caption from (no .txt beside"
                + " it). Run with --tagger, tag the folder first (tagline tag), or name the extension its tags are in"
                + " with --tags-extension."), cli.err());
        assertFalse(Files.exists(data.resolve("red.caption")));
        assertTrue(cli.out().contains("Captioned 0 images (.caption)"), cli.out());
        // re-check item 17: "caption: 3 done …, 2 failed" for notes.md and two failed images
        assertTrue(cli.err().contains("caption: 0 done in "), cli.err());
        assertTrue(cli.err().matches("(?s).*caption: 0 done in [0-9.]+ s, 1 passed over, 2 failed.*"), cli.err());
    }

    @Test
    void theOfflineComposerCaptionsFromExistingTagSidecarsInConciseStyle() throws IOException {
        Files.writeString(data.resolve("red.txt"), "1girl, solo, red hair, smile, outdoors");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("caption", "data", "--captioner", "tags", "--style", "concise",
                "--prefix", "sks"));
        assertEquals("sks, girl, red hair, smiling, outdoors", read("red.caption"));
        assertTrue(cli.err().contains("failed      sub/blue.png: no tags to compose a caption from"), cli.err());
        assertTrue(server.chats().isEmpty());
        // the report counts what was written (it said "Captioned 2" and "Tokens … in 2 requests" before)
        assertTrue(cli.out().contains("Captioned 1 image (.caption)"), cli.out());
        assertFalse(cli.out().contains("Tokens:"), cli.out());
    }

    @Test
    void theComposerReadsScoredTagsKeepsTheTriggerFirstAndChecksNothingAgainstItsOwnWords() throws IOException {
        // written by tag --trigger sks --with-scores
        Files.writeString(data.resolve("red.txt"), "sks, 2girls:0.97, multiple girls:0.91, multiple people:0.6,"
                + " smile:0.55");
        Files.delete(data.resolve("sub/blue.png"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("caption", "data", "--captioner", "tags", "--json"), cli.err());
        assertEquals("sks, Two girls, smiling.", read("red.caption"));
        assertFalse(cli.out().contains("leave out some tags"), cli.out());
        assertFalse(new ObjectMapper().readTree(read("red.json")).has("missing_tags"), read("red.json"));
    }

    /**
     * Dogfood round 7 J8: {@code --trigger "zwx woman"} wrote "zwx woman A smiling man …" with no comma, so kohya's
     * {@code keep_tokens 1} (tokens split at commas) kept the whole first clause, not the trigger; a model that
     * wrote the trigger itself got it glued on too.
     */
    @Test
    void aTriggerGluedToTheSentenceMadeKeepTokensKeepTheWholeClause_nowItIsACommaSeparatedTokenOfItsOwn()
            throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--trigger", "zwx woman"), cli.err());
        assertEquals("zwx woman, A red square.", read("red.caption"));
        assertEquals("zwx woman", read("sub/blue.caption").split(",")[0], read("sub/blue.caption"));
        server.answers(call -> "zwx woman A " + colour(call) + " square.");
        CliTestSupport echoed = cli();
        assertEquals(ExitCode.OK, caption(echoed, "--trigger", "zwx woman", "--existing", "overwrite", "--restart"),
                echoed.err());
        assertEquals("zwx woman, A red square.", read("red.caption"), "the model's own trigger is written once");
    }

    /**
     * A prompt that gives the model the subject's name got "A photo of zwx woman beside a red
     * square." and wrote "zwx woman, A photo of zwx woman beside a red square.": the trigger twice; appended to an
     * existing caption, the same twice again.
     */
    @Test
    void aReplyNamingTheTriggerMidSentenceWroteItTwice_nowOnceAsTheLeadingToken() throws IOException {
        Files.delete(data.resolve("sub/blue.png"));
        server.answers(call -> "A photo of zwx woman beside a " + colour(call) + " square.");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--trigger", "zwx woman", "--prompt", "Describe zwx woman in one"
                + " sentence."), cli.err());
        assertEquals("Describe zwx woman in one sentence.", server.chats().get(0).lastUser());
        assertEquals("zwx woman, A photo of the woman beside a red square.", read("red.caption"));
        Files.writeString(data.resolve("red.caption"), "Zwx woman on stage.");
        CliTestSupport append = cli();
        assertEquals(ExitCode.OK, caption(append, "--trigger", "zwx woman", "--prompt", "Describe zwx woman.",
                "--existing", "append", "--restart"), append.err());
        assertEquals("zwx woman, on stage. A photo of the woman beside a red square.", read("red.caption"));
    }

    /**
     * dogfooding: of two triggers first in the tags ({@code tag --trigger "ohwx, sks"}), the second ended the composed
     * caption, capitalised ("ohwx A boy, smiling. Sks."); with {@code caption --trigger "ohwx, sks"} both did.
     */
    @Test
    void theComposerLeadsWithEveryTriggerAsWrittenWithOrWithoutTrigger() throws IOException {
        Files.writeString(data.resolve("red.txt"), "ohwx, sks, 1boy, smile");
        Files.delete(data.resolve("sub/blue.png"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("caption", "data", "--captioner", "tags"), cli.err());
        assertEquals("ohwx, sks, A boy, smiling.", read("red.caption"));
        CliTestSupport given = cli();
        assertEquals(ExitCode.OK, given.run("caption", "data", "--captioner", "tags", "--trigger", "ohwx, sks",
                "--existing", "overwrite"), given.err());
        assertEquals("ohwx, sks, A boy, smiling.", read("red.caption"));
    }

    /**
     * dogfooding F7: after {@code tag --trigger ohwx} with the default quality tagger, {@code caption --captioner tags
     * --trigger "ohwx man"} wrote "ohwx man An image. Ohwx." where {@code --trigger ohwx} had failed the image, and
     * "ohwx man A portrait. Lowres, ohwx.".
     */
    @Test
    void anOldTriggerInTheTagsBecameAWordOfTheCaption_nowItIsLeftOutAndACaptionOfNothingFails() throws IOException {
        Files.writeString(data.resolve("red.txt"), "ohwx, solo, lowres, portrait");
        Files.writeString(data.resolve("sub/blue.txt"), "ohwx, solo");
        for (String trigger : List.of("ohwx", "ohwx man")) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.SOME_FAILED, cli.run("caption", "data", "--captioner", "tags", "--trigger", trigger,
                    "--existing", "overwrite"), cli.err());
            assertEquals(trigger + ", A portrait. Lowres.", read("red.caption"), trigger);
            assertTrue(cli.err().contains("failed      sub/blue.png: its tags (" + (trigger.equals("ohwx") ? ""
                    : "ohwx, ") + "solo) name nothing a caption can describe"), cli.err());
            assertFalse(Files.exists(data.resolve("sub/blue.caption")), trigger);
        }
        Files.writeString(data.resolve("red.txt"), "ohwx, solo, lowres");
        CliTestSupport quality = cli();
        assertEquals(ExitCode.SOME_FAILED, quality.run("caption", "data", "--captioner", "tags", "--existing",
                "overwrite"), quality.err());
        assertTrue(quality.err().contains("failed      red.png: its tags (ohwx, solo, lowres) name nothing a caption"
                + " can describe"), quality.err());
    }

    /**
     * dogfooding F9, for captions: {@code --existing append --trigger "ohwx man"} on a caption that starts with the
     * trigger in another case ("Ohwx man on stage") wrote the trigger twice.
     */
    @Test
    void appendToACaptionStartingWithTheTriggerInAnotherCaseWroteItTwice_nowOnce() throws IOException {
        Files.writeString(data.resolve("red.txt"), "1boy, smile");
        Files.writeString(data.resolve("red.caption"), "Ohwx man on stage");
        Files.delete(data.resolve("sub/blue.png"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("caption", "data", "--captioner", "tags", "--trigger", "ohwx man",
                "--existing", "append"), cli.err());
        assertEquals("ohwx man, on stage. A boy, smiling.", read("red.caption"));
    }

    /**
     * dogfooding round 5, the caption side of F9: after {@code tag --trigger ohwx}, {@code caption --captioner tags
     * --existing append} on a hand caption wrote "a hand-written caption of two men. ohwx Several people.": the trigger
     * in the middle, where kohya's keep_tokens does not hold it.
     */
    @Test
    void appendAfterAHandCaptionPutTheTriggerInTheMiddle_nowTheMergedCaptionStartsWithItOnce() throws IOException {
        Files.delete(data.resolve("sub/blue.png"));
        for (String[] trigger : new String[][] {{"--trigger", "ohwx"}, {}}) {
            Files.writeString(data.resolve("red.txt"), "ohwx, 1boy, smile");
            Files.writeString(data.resolve("red.caption"), "a hand-written caption of two men.");
            CliTestSupport cli = cli();
            List<String> args = new ArrayList<>(List.of("caption", "data", "--captioner", "tags", "--existing",
                    "append", "--restart"));
            args.addAll(List.of(trigger));
            assertEquals(ExitCode.OK, cli.run(args.toArray(String[]::new)), cli.err());
            assertEquals("ohwx, a hand-written caption of two men. A boy, smiling.", read("red.caption"),
                    String.join(" ", trigger));
            Files.writeString(data.resolve("red.caption"), "a hand-written caption of two men.");
            CliTestSupport prepend = cli();
            args.set(args.indexOf("append"), "prepend");
            assertEquals(ExitCode.OK, prepend.run(args.toArray(String[]::new)), prepend.err());
            assertEquals("ohwx, A boy, smiling. a hand-written caption of two men.", read("red.caption"),
                    String.join(" ", trigger));
        }
    }

    /**
     * re-check item 13: {@code tag --trigger "ohwx man"} ended the caption as "Ohwx man.", {@code caption --trigger}
     * wrote the trigger to .txt only although its help says "first in every file", and ratings, Pony tags and emphasis
     * syntax went into the prose.
     */
    @Test
    void theComposerLeadsWithAMultiWordTriggerAndLeavesRatingsPonyTagsAndEmphasisOutOfTheProse() throws IOException {
        Files.writeString(data.resolve("red.txt"), "ohwx man, rating:general, solo, portrait, (masterpiece:1.2),"
                + " score_9, score_8_up, source_anime, [smile], american flag, general");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.SOME_FAILED, cli.run("caption", "data", "--captioner", "tags"), cli.err());
        assertEquals("ohwx man, A portrait, smiling. Masterpiece, american flag.", read("red.caption"));

        Path model = TagCommandTest.colourTagger(work.resolve("model"));
        CliTestSupport tagged = cli();
        assertEquals(ExitCode.OK, tagged.run("caption", "data", "--captioner", "tags", "--tagger", "my-wd",
                "--tagger-model-path", model.toString(), "--general-threshold", "0.5", "--trigger", "sks woman",
                "--tags-extension", ".tags", "--rating", "last", "--existing", "overwrite"), tagged.err());
        assertTrue(read("red.tags").startsWith("sks woman, red (colour)"), read("red.tags"));
        assertTrue(read("red.caption").startsWith("sks woman, "), read("red.caption"));
        assertTrue(read("sub/blue.caption").startsWith("sks woman, "), read("sub/blue.caption"));
        assertFalse(read("sub/blue.caption").contains("Sks"), read("sub/blue.caption"));
        cli.clear();
        assertEquals(ExitCode.OK, cli.run("caption", "--help"));
        assertTrue(cli.out().replaceAll("\\s+", " ").contains("first in every sidecar, tags and captions alike"),
                cli.out());
    }

    @Test
    void helpNamesTheCaptionersAndTheOptionsOfEveryStep() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("caption", "--help"));
        for (String option : List.of("--captioner", "--endpoint", "--concurrency", "--precision", "--tagger", "--prompt",
                "--ask", "--questions", "--style", "--max-length", "--prefix", "--existing", "--restart")) {
            assertTrue(cli.out().contains(option), option + " in:\n" + cli.out());
        }
    }

    @Test
    void usageErrorsExitTwoBeforeAnyWork() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("caption", "data"));
        assertTrue(cli.err().contains("Choose a captioner with --captioner"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, caption(cli, "--precision", "int8"));
        assertTrue(cli.err().contains("--precision does not apply to --captioner openai:llava"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, cli.run("caption", "data", "--captioner", "openai:llava"));
        assertTrue(cli.err().contains("needs --endpoint"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, caption(cli, "--prompt", "Describe {colour}"));
        assertTrue(cli.err().contains("{colour}"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, caption(cli, "--temperature", "3"));
        assertTrue(cli.err().contains("--temperature must be 0 to 2"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, caption(cli, "--worker-nice", "20"));
        assertTrue(cli.err().contains("--worker-nice 20 is out of range"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, cli.run("caption", "data", "--captioner", "blip-9"));
        assertTrue(cli.err().contains("'blip-9' is not one Tagline knows"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, cli.run("caption", "data", "--captioner", "florence-2-base", "--model-path",
                "nowhere"));
        assertTrue(cli.err().contains("nowhere"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, cli.run("caption", "no-such-folder", "--captioner", "florence-2-base",
                "--model-path", "nowhere"));
        assertTrue(cli.err().contains("no-such-folder does not exist"), "the folder before the model: " + cli.err());
        assertTrue(server.chats().isEmpty());
    }

    @Test
    void aHubRepoIdAsCaptionerWasRefusedWithAList_nowItIsTheCatalogModelAndANearMissGetsADidYouMean() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, cli.run("caption", "data", "--captioner", "microsoft/Florence-2-base-ft"));
        assertTrue(cli.err().contains("Cannot get model florence-2-base-ft (8 files missing: "), cli.err());
        assertFalse(cli.err().contains("is not one Tagline knows"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, cli.run("caption", "data", "--captioner", "florence-base-ft"));
        assertTrue(cli.err().contains("Did you mean 'florence-2-base-ft'?"), cli.err());
    }

    /** Dogfood round 3: --questions /dev/null said "no such file". */
    @Test
    void aQuestionsFileThatIsNoFileOrEmptySaysWhich() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--questions", "/dev/null"));
        assertTrue(cli.err().contains("Cannot read /dev/null: it is not a regular file"), cli.err());
        cli.clear();
        Path empty = Files.writeString(work.resolve("questions.txt"), "# none yet\n\n");
        assertEquals(ExitCode.USAGE, caption(cli, "--questions", empty.toString()));
        assertTrue(cli.err().contains("The questions file " + empty + " holds no question"), cli.err());
        assertTrue(server.chats().isEmpty());
    }

    /** dogfood item 18: "Invalid --max-tokens must be 1 to 4096, got 0. {qa} needs --ask or --questions." */
    @Test
    void aGenerationSettingOutOfRangeIsOneSentenceAndItsFix() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--max-tokens", "0"));
        assertTrue(cli.err().contains("error: --max-tokens must be 1 to 4096, got 0. Give a value in that range, or"
                + " leave the option out for the captioner's default."), cli.err());
        assertFalse(cli.err().contains("{qa}") || cli.err().contains("Invalid --max-tokens"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, caption(cli, "--temperature", "5"));
        assertTrue(cli.err().contains("error: --temperature must be 0 to 2, got 5.0. Give a value"), cli.err());
        assertFalse(cli.err().contains("{qa}"), cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, caption(cli, "--prompt", "Answers: {qa}"));
        assertTrue(cli.err().contains("{qa} needs --ask or --questions."), "still said where it applies: "
                + cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, caption(cli, "--prompt", "Describe {colour}"));
        assertFalse(cli.err().contains("needs --ask"), cli.err());
        assertTrue(server.chats().isEmpty());
    }

    /** dogfood item 8: --beams 3 with a chat server failed every image alike (exit 1) instead of the run. */
    @Test
    void beamsWithAChatServerIsAUsageErrorBeforeAnyRequest() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--beams", "3"));
        assertTrue(cli.err().contains("error: --beams 3 cannot be sent to a chat server"), cli.err());
        assertFalse(cli.err().contains("failed "), "not per image: " + cli.err());
        assertTrue(server.chats().isEmpty());
        assertFalse(Files.exists(data.resolve("red.caption")));
    }

    /** dogfood item 17: the taggui/OneTrainer layout was refused although no tags file is written without --tagger. */
    @Test
    void captionExtensionTxtWorksWithoutATagger() throws IOException {
        Files.writeString(data.resolve("sub/blue.txt"), "an old caption, not tags");
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--caption-extension", ".txt", "--existing", "overwrite",
                "--prompt", "Describe it."), cli.err());
        assertEquals("A red square.", read("red.txt"));
        assertEquals("A blue square.", read("sub/blue.txt"));
        assertTrue(server.chats().stream().noneMatch(c -> c.toString().contains("an old caption")),
                "the old caption is not sent as tags");
        CliTestSupport tagged = cli();
        assertEquals(ExitCode.USAGE, tagged.run("caption", "data", "--captioner", "tags", "--tagger", "quality",
                "--caption-extension", ".txt"));
        assertTrue(tagged.err().contains("--caption-extension and --tags-extension are both .txt"), tagged.err());
    }

    /**
     * round 3 finding 8: with a custom {@code --caption-extension .c2} the run's own sidecars counted as "not an
     * image" files in the progress totals and "passed over".
     */
    @Test
    void theRunsOwnCustomSidecarExtensionIsASidecarNotAnUnsupportedFile() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, caption(cli, "--caption-extension", ".c2"), cli.err());
        assertEquals("A red square.", read("red.c2"));
        assertTrue(cli.err().matches("(?s).*caption: 2 done in [0-9.]+ s.*, 1 passed over, none failed.*"),
                cli.err());
        CliTestSupport again = cli();
        assertEquals(ExitCode.OK, caption(again, "--caption-extension", ".c2", "--restart", "--existing",
                "overwrite"), again.err());
        assertTrue(again.err().matches("(?s).*caption: 2 done in [0-9.]+ s.*, 1 passed over, none failed.*"),
                "notes.md only, not red.c2 and blue.c2: " + again.err());
    }

    /**
     * round 3 finding 5: {@code --captioner tags --caption-extension .txt} in a tagged folder passed every image over
     * (exit 0), or with overwrite failed each with "tag the folder first"; a {tags} prompt got no tags. Refused up
     * front, naming where the tags come from and how to keep both.
     */
    @Test
    void captioningIntoTheFileTheTagsAreReadFromIsRefusedUpFront() throws IOException {
        Files.writeString(data.resolve("red.txt"), "1girl, solo, red hair");
        for (List<String> run : List.of(
                List.of("caption", "data", "--captioner", "tags", "--caption-extension", ".txt"),
                List.of("caption", "data", "--captioner", "tags", "--caption-extension", "txt", "--existing",
                        "overwrite"),
                List.of("caption", "data", "--captioner", "tags", "--caption-extension", ".tags", "--tags-extension",
                        ".tags"),
                List.of("caption", "data", "--captioner", "openai:llava", "--endpoint", server.baseUrl(),
                        "--prompt", "Tags: {tags}", "--caption-extension", ".txt"))) {
            CliTestSupport cli = cli();
            assertEquals(ExitCode.USAGE, cli.run(run.toArray(String[]::new)), run + ": " + cli.err());
            String ext = run.contains(".tags") ? ".tags" : ".txt";
            assertTrue(cli.err().contains("error: The tags are read from the " + ext + " sidecars, so captions cannot"
                    + " be written to " + ext + " too (--caption-extension " + ext + "). To keep both, caption into"
                    + " .caption (the default), or tag into another extension (tagline tag --extension .tags) and"
                    + " pass --tags-extension .tags."), cli.err());
            assertEquals(1, cli.err().strip().lines().count(), cli.err());
        }
        assertEquals("1girl, solo, red hair", read("red.txt"));
        assertTrue(server.chats().isEmpty());
        CliTestSupport apart = cli();
        assertEquals(ExitCode.SOME_FAILED, apart.run("caption", "data", "--captioner", "tags"), apart.err());
        assertEquals("A girl with red hair.", read("red.caption"));
    }

    /** dogfood item 3: image and video extensions are refused for either sidecar, before the captioner opens. */
    @Test
    void anImageOrVideoSidecarExtensionIsAUsageErrorBeforeAnyWork() {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--caption-extension", ".webp"));
        assertTrue(cli.err().contains("--caption-extension .webp is an image extension"), cli.err());
        assertFalse(cli.err().contains("captioner "), "nothing opened: " + cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, caption(cli, "--tags-extension", "mkv"));
        assertTrue(cli.err().contains("--tags-extension .mkv is a video extension"), cli.err());
        assertTrue(server.chats().isEmpty());
        assertFalse(Files.exists(data.resolve("red.webp")));
    }

    /**
     * re-check item 18: {@code .json} (the {@code --json} record, gallery-dl metadata) and {@code .toml} (trainer
     * configs) are refused for either sidecar; the {@code --json} record itself is still written.
     */
    @Test
    void aMetadataSidecarExtensionIsAUsageErrorAndTheJsonRecordStillWorks() throws IOException {
        CliTestSupport cli = cli();
        assertEquals(ExitCode.USAGE, caption(cli, "--caption-extension", ".json"));
        assertTrue(cli.err().contains("--caption-extension .json is a metadata extension"), cli.err());
        assertFalse(cli.err().contains("captioner "), "nothing opened: " + cli.err());
        cli.clear();
        assertEquals(ExitCode.USAGE, caption(cli, "--tags-extension", "toml"));
        assertTrue(cli.err().contains("--tags-extension .toml is a metadata extension"), cli.err());
        assertTrue(server.chats().isEmpty());
        cli.clear();
        assertEquals(ExitCode.OK, caption(cli, "--json"), cli.err());
        assertTrue(read("red.json").contains("\"caption\" : \"A red square.\""), read("red.json"));
    }

    @Test
    void florenceTwoRunsInProcessFromAnExportFolderAndWritesCaptionsAndTagsInOnePass() throws IOException {
        // the synthetic export's decoder writes "bc" with beams (greedy would take "a" first), whatever the image
        SyntheticFlorence.write(work.resolve("florence"), "", false, List.of(
                "Describe with a paragraph what is shown in the image.", "What does the image describe?"));
        CliTestSupport cli = cli();
        assertEquals(ExitCode.OK, cli.run("caption", "data", "--captioner", "florence-2-base", "--model-path",
                "florence", "--tagger", "quality", "--prompt", "<CAPTION>", "--max-tokens", "6",
                "--no-repeat-ngram", "0"), cli.err());
        assertTrue(cli.err().contains("captioner florence-2-base") && cli.err().contains("fp32 on CPU"), cli.err());
        for (String image : List.of("red", "sub/blue")) {
            assertEquals("Bc.", read(image + ".caption").strip(), image); // sentence style: capital, full stop
            assertTrue(Files.exists(data.resolve(image + ".txt")), image);
        }
        cli.clear();
        assertEquals(ExitCode.USAGE, cli.run("caption", "data", "--captioner", "florence-2-base", "--model-path",
                "florence", "--precision", "q4", "--existing", "overwrite"));
        assertTrue(cli.err().contains("vision_encoder_q4.onnx") || cli.err().contains("precision q4"), cli.err());
    }
}
