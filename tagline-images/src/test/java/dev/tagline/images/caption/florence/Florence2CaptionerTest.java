package dev.tagline.images.caption.florence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.RgbImage;
import dev.tagline.core.TaglineException;
import dev.tagline.images.caption.Caption;
import dev.tagline.images.caption.CaptionInput;
import dev.tagline.images.caption.CaptionRequest;
import dev.tagline.images.caption.GenerationSettings;
import dev.tagline.images.caption.PromptTemplate;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.testkit.florence.SyntheticBpeTokenizer;
import dev.tagline.testkit.florence.SyntheticFlorence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Florence-2 end to end through ONNX Runtime on a tiny synthetic export with the real names and cache layout. */
class Florence2CaptionerTest {
    static final Pattern WORDS = Pattern.compile(" ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+");
    @TempDir
    static Path dir;
    static OnnxSessions sessions;
    static SyntheticFlorence.Model model;
    static Florence2Captioner florence;
    static float[] pixels;

    @BeforeAll
    static void open() {
        model = SyntheticFlorence.write(dir.resolve("fp32"), "", false, promptTexts());
        sessions = new OnnxSessions(m -> { });
        florence = Florence2Captioner.open("florence-test", model.dir(), "", sessions, config());
        pixels = FlorenceImages.tensor(gradient(40, 30), florence.config());
    }

    @AfterAll
    static void close() {
        florence.close();
        sessions.close();
    }

    static SessionConfig config() {
        return SessionConfig.defaults().withIntraOpThreads(1);
    }

    static List<String> promptTexts() {
        List<String> texts = new ArrayList<>();
        for (String task : FlorenceTasks.tokens()) {
            texts.add(FlorenceTasks.promptText(task + (FlorenceTasks.takesInput(task) ? " a cat" : "")));
        }
        return texts;
    }

    static RgbImage gradient(int w, int h) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            px[3 * i] = (byte) (i * 7);
            px[3 * i + 1] = (byte) (i * 3);
            px[3 * i + 2] = (byte) (255 - i);
        }
        return new RgbImage(w, h, px);
    }

    static GenerationSettings settings(int maxTokens, int beams, int noRepeat) {
        return new GenerationSettings(maxTokens, beams, 1.0, 1.0, 1.0, noRepeat);
    }

    Caption caption(int maxTokens, int beams, int noRepeat) {
        return florence.caption(pixels, "<CAPTION>", settings(maxTokens, beams, noRepeat));
    }

    @Test
    void preprocessingRescalesAndNormalisesRgbPlanesLikeTheReference() {
        byte[] px = new byte[768 * 768 * 3];
        px[0] = (byte) 255; // (0,0) pure red; the image is already 768x768, so the squash keeps it as it is
        px[3 * 769 + 1] = (byte) 128; // (1,1) green 128
        float[] t = FlorenceImages.tensor(new RgbImage(768, 768, px), FlorenceConfig.DEFAULTS);
        int plane = 768 * 768;
        assertEquals(3 * plane, t.length);
        assertEquals((1f - 0.485f) / 0.229f, t[0], 1e-6);                       // R plane first (not BGR)
        assertEquals((0f - 0.456f) / 0.224f, t[plane], 1e-6);
        assertEquals(((float) (128 / 255.0) - 0.456f) / 0.224f, t[plane + 769], 1e-6);
        assertEquals((0f - 0.406f) / 0.225f, t[2 * plane + 769], 1e-6);
        // a 4x2 solid image is squashed (not padded) to 768x768: every value is the colour's
        byte[] solid = new byte[4 * 2 * 3];
        for (int i = 0; i < solid.length; i += 3) {
            solid[i] = (byte) 200;
            solid[i + 1] = 100;
            solid[i + 2] = 50;
        }
        float[] s = FlorenceImages.tensor(new RgbImage(4, 2, solid), FlorenceConfig.DEFAULTS);
        assertEquals(((float) (200 / 255.0) - 0.485f) / 0.229f, s[plane - 1], 1e-6);
        assertEquals(((float) (50 / 255.0) - 0.406f) / 0.225f, s[2 * plane + 12345], 1e-6);
    }

    @Test
    void eachTaskPromptBecomesItsTextWrappedInBosAndEos() {
        SyntheticBpeTokenizer vocab = model.tokenizer();
        for (String task : FlorenceTasks.tokens()) {
            String text = FlorenceTasks.promptText(task + (FlorenceTasks.takesInput(task) ? " a cat" : ""));
            List<Long> expected = new ArrayList<>(List.of(0L));
            Matcher m = WORDS.matcher(text);
            while (m.find()) {
                expected.add((long) vocab.wordId(m.group()));
            }
            expected.add(2L);
            assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(),
                    florence.tokenizer().encode(text), task);
        }
        assertArrayEquals(new long[] {0, vocab.wordId("What"), vocab.wordId(" does"), vocab.wordId(" the"),
            vocab.wordId(" image"), vocab.wordId(" describe"), vocab.wordId("?"), 2},
                florence.tokenizer().encode(FlorenceTasks.promptText("<CAPTION>")));
        assertEquals("Describe with a paragraph what is shown in the image.", FlorenceTasks.promptText(" "));
        assertEquals("Locate a cat in the image.", FlorenceTasks.promptText("<OPEN_VOCABULARY_DETECTION>a cat"));
        assertEquals("<GENERATE_TAGS>", FlorenceTasks.promptText("<GENERATE_TAGS>"));
        TaglineException e = assertThrows(TaglineException.class, () -> FlorenceTasks.promptText("<CAPTION> a dog"));
        assertTrue(e.getMessage().contains("<CAPTION> takes no text"), e.getMessage());
    }

    @Test
    void decoderWithCacheEqualsDecoderWithoutCache() {
        long[] sequence = {2, 0, model.a(), model.b(), model.c(), model.a(), model.a()};
        long[] prompt = florence.tokenizer().encode("What does the image describe?");
        FlorenceGraphs graphs = florence.graphs();
        try (FlorenceGraphs.Encoded enc = graphs.encode(pixels, 768, 768, prompt);
             DecoderRun cached = graphs.decoderRun(enc, 1)) {
            float[] previous = null;
            for (int i = 0; i < sequence.length; i++) {
                float[] stepwise = cached.step(null, new long[] {sequence[i]})[0];
                try (DecoderRun fresh = graphs.decoderRun(enc, 1)) {
                    float[] whole = fresh.logitsWithoutCache(java.util.Arrays.copyOf(sequence, i + 1));
                    assertArrayEquals(whole, stepwise, 1e-4f, "step " + i);
                }
                if (previous != null && sequence[i] == sequence[i - 1]) {
                    // same token, longer history: the cache is really read (the logits move)
                    assertNotEquals(previous[model.a()], stepwise[model.a()], 1e-4f);
                }
                previous = stepwise;
            }
        }
    }

    @Test
    void imagesBatchedWithPromptsOfDifferentLengthsDecodeAsEachAlone() {
        FlorenceGraphs graphs = florence.graphs();
        float[] other = FlorenceImages.tensor(gradient(8, 20), florence.config());
        long[] shortPrompt = florence.tokenizer().encode(FlorenceTasks.promptText("<CAPTION>"));
        long[] longPrompt = florence.tokenizer().encode(FlorenceTasks.promptText("<MORE_DETAILED_CAPTION>"));
        assertNotEquals(shortPrompt.length, longPrompt.length);
        long[][] steps = {{2, 2}, {0, 0}, {model.a(), model.b()}, {model.b(), model.c()}};
        try (FlorenceGraphs.Encoded both = graphs.encode(List.of(pixels, other), 768, 768,
                List.of(shortPrompt, longPrompt));
             FlorenceGraphs.Encoded first = graphs.encode(pixels, 768, 768, shortPrompt);
             FlorenceGraphs.Encoded second = graphs.encode(other, 768, 768, longPrompt);
             DecoderRun batched = graphs.decoderRun(both, 1);
             DecoderRun one = graphs.decoderRun(first, 1);
             DecoderRun two = graphs.decoderRun(second, 1)) {
            assertArrayEquals(new int[] {shortPrompt.length + 16, longPrompt.length + 16}, both.lengths);
            for (long[] step : steps) {
                float[][] together = batched.step(null, step);
                assertArrayEquals(one.step(null, new long[] {step[0]})[0], together[0], 1e-4f);
                assertArrayEquals(two.step(null, new long[] {step[1]})[0], together[1], 1e-4f);
            }
        }
    }

    @Test
    void aBatchCaptionsAsImagesOneByOne() {
        List<float[]> images = List.of(pixels, FlorenceImages.tensor(gradient(8, 20), florence.config()),
                FlorenceImages.tensor(gradient(100, 3), florence.config()));
        List<String> prompts = List.of("<CAPTION>", "<MORE_DETAILED_CAPTION>", "<OCR>");
        for (GenerationSettings g : List.of(settings(20, 3, 3), settings(6, 1, 0), settings(20, 2, 0))) {
            List<Caption> together = florence.caption(images, prompts, g);
            for (int i = 0; i < images.size(); i++) {
                assertEquals(florence.caption(images.get(i), prompts.get(i), g), together.get(i), g + " image " + i);
            }
        }
        assertEquals(4, florence.maxBatch());
    }

    @Test
    void greedyRepeatsWithoutNoRepeatAndStopsAtTheTokenLimit() {
        Caption c = caption(6, 1, 0);
        assertEquals("aaaa", c.text());              // <s> a a a a </s>: the last token forced to EOS
        assertEquals("length", c.finishReason());
        assertEquals(6, c.completionTokens());
        assertEquals(8, c.promptTokens());
    }

    @Test
    void noRepeatNgramBlocksTheThirdRepeatAndEosStops() {
        Caption c = caption(20, 1, 3);
        assertEquals("aaac", c.text());             // a fourth 'a' would repeat the trigram "a a a"; then c → EOS
        assertEquals("stop", c.finishReason());
        assertEquals(6, c.completionTokens());      // <s> a a a c </s>, well under 20
        assertEquals(java.util.Set.of(7L), LogitsRules.bannedByNgram(new long[] {5, 6, 7, 5, 6}, 5, 3));
        assertEquals(java.util.Set.of(), LogitsRules.bannedByNgram(new long[] {5, 6, 7, 5, 6}, 5, 4));
    }

    @Test
    void beamSearchFindsTheBruteForceBestSequenceThatGreedyMisses() {
        int maxTokens = 6;
        Caption beam = caption(maxTokens, 3, 0);
        BruteForce best = bruteForce(maxTokens);
        assertEquals("bc", best.text);
        assertEquals(best.text, beam.text());
        assertEquals("stop", beam.finishReason());
        assertNotEquals(best.text, caption(maxTokens, 1, 0).text()); // beams matter on this model
        assertEquals("bc", florence.caption(pixels, "<CAPTION>", GenerationSettings.FLORENCE).text());
    }

    record BruteForce(String text, double score) {
    }

    /**
     * Every sequence of a/b/c up to the limit, scored as Hugging Face scores a finished hypothesis: the sum of its
     * log-probs (the forced BOS and a forced final EOS count 0) over its length without the EOS; logits from the
     * decoder run without a cache on the whole prefix.
     */
    BruteForce bruteForce(int maxTokens) {
        FlorenceGraphs graphs = florence.graphs();
        long[] prompt = florence.tokenizer().encode(FlorenceTasks.promptText("<CAPTION>"));
        long[] letters = {model.a(), model.b(), model.c()};
        BruteForce best = new BruteForce("", Double.NEGATIVE_INFINITY);
        try (FlorenceGraphs.Encoded enc = graphs.encode(pixels, 768, 768, prompt)) {
            List<long[]> frontier = List.of(new long[] {2, 0});
            java.util.Map<String, Double> sums = new java.util.HashMap<>();
            sums.put("", 0.0);
            for (int len = 0; len <= maxTokens - 2; len++) {
                List<long[]> next = new ArrayList<>();
                for (long[] ids : frontier) {
                    String key = text(ids);
                    float[] lp;
                    try (DecoderRun run = graphs.decoderRun(enc, 1)) {
                        lp = BeamSearch.logSoftmax(run.logitsWithoutCache(ids));
                    }
                    boolean forcedEos = len == maxTokens - 2;
                    double score = (sums.get(key) + (forcedEos ? 0 : lp[2])) / ids.length;
                    if (score > best.score) {
                        best = new BruteForce(key, score);
                    }
                    for (long t : letters) {
                        long[] longer = java.util.Arrays.copyOf(ids, ids.length + 1);
                        longer[ids.length] = t;
                        sums.put(text(longer), sums.get(key) + lp[(int) t]);
                        next.add(longer);
                    }
                }
                frontier = next;
            }
        }
        return best;
    }

    String text(long[] ids) {
        StringBuilder s = new StringBuilder();
        for (int i = 2; i < ids.length; i++) {
            s.append(ids[i] == model.a() ? 'a' : ids[i] == model.b() ? 'b' : 'c');
        }
        return s.toString();
    }

    @Test
    void captionerRendersThePromptPerImageAndPreparesOnWorkerThreads() {
        CaptionRequest request = new CaptionRequest(PromptTemplate.parse("<CAPTION>"), Optional.empty(),
                settings(20, 3, 3));
        List<Caption> captions = florence.caption(List.of(CaptionInput.of(gradient(40, 30), List.of()),
                CaptionInput.of(gradient(8, 8), List.of())), request);
        assertEquals(2, captions.size());
        assertEquals("bc", captions.get(0).text());
        assertTrue(florence.describe().contains("fp32 on CPU"), florence.describe());
        assertTrue(florence.describe().contains("2 layers x 2 heads of 4"), florence.describe());
    }

    @Test
    void float16GraphsGiveTheSameCaptions() {
        SyntheticFlorence.Model half = SyntheticFlorence.write(dir.resolve("fp16"), "_fp16", true, promptTexts());
        try (Florence2Captioner fp16 = Florence2Captioner.open("florence-test", half.dir(), "fp16", sessions,
                config())) {
            float[] px = FlorenceImages.tensor(gradient(40, 30), fp16.config());
            assertEquals("bc", fp16.caption(px, "<CAPTION>", settings(6, 3, 0)).text());
            assertEquals("aaac", fp16.caption(px, "<CAPTION>", settings(20, 1, 3)).text());
        }
    }

    @Test
    void aMissingGraphOrTokenizerIsAOneLineErrorNamingTheFile() throws IOException {
        Path broken = dir.resolve("broken");
        SyntheticFlorence.write(broken, "_q4", false, promptTexts());
        TaglineException noFp32 = assertThrows(TaglineException.class,
                () -> Florence2Captioner.open("florence-test", broken, "fp32", sessions, config()));
        assertTrue(noFp32.getMessage().contains("has no vision_encoder.onnx (precision fp32)"), noFp32.getMessage());
        assertTrue(noFp32.hint().contains("--precision"), noFp32.hint());
        Files.delete(broken.resolve("decoder_model_merged_q4.onnx"));
        TaglineException noDecoder = assertThrows(TaglineException.class,
                () -> Florence2Captioner.open("florence-test", broken, "q4", sessions, config()));
        assertTrue(noDecoder.getMessage().contains("decoder_model_merged_q4.onnx"), noDecoder.getMessage());
        Files.delete(broken.resolve("tokenizer.json"));
        SyntheticFlorence.write(dir.resolve("tmp"), "_q4", false, promptTexts());
        Files.move(dir.resolve("tmp/decoder_model_merged_q4.onnx"), broken.resolve("decoder_model_merged_q4.onnx"));
        TaglineException noTokenizer = assertThrows(TaglineException.class,
                () -> Florence2Captioner.open("florence-test", broken, "q4", sessions, config()));
        assertTrue(noTokenizer.getMessage().contains("has no tokenizer.json"), noTokenizer.getMessage());
        assertTrue(noTokenizer.hint().contains("onnx-community/Florence-2-"), noTokenizer.hint());
        for (TaglineException e : List.of(noFp32, noDecoder, noTokenizer)) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void openHeadDimsInTheCacheAreTakenFromConfigJsonOrNamedInTheError() throws IOException {
        Path open = dir.resolve("open-heads");
        SyntheticFlorence.write(open, "", false, promptTexts(), 0, true);
        try (Florence2Captioner fromConfig = Florence2Captioner.open("florence-test", open, "", sessions, config())) {
            assertTrue(fromConfig.describe().contains("2 layers x 2 heads of 4"), fromConfig.describe());
            assertEquals("bc", fromConfig.caption(pixels, "<CAPTION>", settings(6, 3, 0)).text());
        }
        Files.delete(open.resolve("config.json"));
        TaglineException e = assertThrows(TaglineException.class,
                () -> Florence2Captioner.open("florence-test", open, "", sessions, config()));
        assertTrue(e.getMessage().contains("decoder_model_merged.onnx has past_key_values.0.decoder.key float32 "
                + "[batch_size,heads,past_decoder_sequence_length,head_dim]"), e.getMessage());
    }

    @Test
    void precisionsMapToTheExportSuffixesAndCatalogIds() {
        assertEquals("_quantized", FlorencePrecision.parse("quantized").suffix());
        assertEquals("_q4", FlorencePrecision.parse("Q4").suffix());
        assertEquals("", FlorencePrecision.parse("").suffix());
        assertEquals("florence-2-base-q4", Florence2Captioner.catalogId("florence-2-base",
                FlorencePrecision.Q4));
        assertEquals("florence-2-large-ft", Florence2Captioner.catalogId("florence-2-large-ft-fp16",
                FlorencePrecision.FP32));
        assertEquals(FlorencePrecision.FP16, Florence2Captioner.precisionOf("florence-2-base-fp16", null));
        TaglineException e = assertThrows(TaglineException.class, () -> FlorencePrecision.parse("int4"));
        assertTrue(e.hint().contains("fp32, fp16, int8, uint8, q8, q4, q4f16, bnb4"), e.hint());
    }
}
