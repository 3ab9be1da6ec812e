package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WD preprocessing end to end through ONNX Runtime, with synthetic models of the real signature. */
class WdTaggerTest {
    static OnnxSessions sessions;
    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        sessions = new OnnxSessions(m -> { });
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    WdTagger tagger(Path folder, int batch) {
        return WdTagger.open("wd-test", "test", sessions.load(folder.resolve("model.onnx"), SessionConfig.defaults()),
                folder.resolve("selected_tags.csv"), batch);
    }

    static double score(ScoredTags tags, String name) {
        return tags.find(name).orElseThrow().score();
    }

    @Test
    void channelsReachTheModelAsBgr() {
        WdTagger wd = tagger(SyntheticTaggers.wdChannelMeans(dir, 32, "N"), 8);
        ScoredTags red = wd.tag(List.of(TaggerInput.of(SyntheticTaggers.solid(32, 32, 0xFF0000)))).get(0);
        assertEquals(1.0, score(red, "red"), 1e-5);
        assertEquals(0.0, score(red, "blue"), 1e-5);
        assertEquals(List.of("red"), TagRules.defaults().format(TagRules.defaults().select(List.of(red)))
                .lines().toList());
    }

    @Test
    void padIsWhiteAndScoresAreUsedAsProbabilitiesWithoutSigmoid() {
        WdTagger wd = tagger(SyntheticTaggers.wdChannelMeans(dir, 32, "N"), 8);
        // 32x16 black on a white 32x32 square: every channel's mean is 127.5 → 0.5 (0 with black padding,
        // 0.62 if a sigmoid were applied again)
        ScoredTags tags = wd.tag(List.of(TaggerInput.of(SyntheticTaggers.solid(32, 16, 0x000000)))).get(0);
        assertEquals(0.5, score(tags, "green"), 1e-4);
    }

    @Test
    void wholeInputMatchesPillowsPadResizeAndChannelOrder() throws IOException {
        WdTagger wd = tagger(SyntheticTaggers.wdIdentity(dir, 16), 8);
        assertEquals(16, wd.inputSize());
        ScoredTags tags = wd.tag(List.of(TaggerInput.of(SyntheticTaggers.pattern(37, 23)))).get(0);
        byte[] rgb = PilResampleTest.golden().get("wd_37x23_to_16");
        for (int i = 0; i < rgb.length; i += 3) {
            for (int c = 0; c < 3; c++) { // the model sees B, G, R
                double expected = (rgb[i + 2 - c] & 0xff) / 255.0;
                assertEquals(expected, score(tags, "p" + (i + c)), 1e-6, "value " + (i + c));
            }
        }
    }

    @Test
    void inputSizeAndDynamicBatchComeFromTheModel() {
        WdTagger v3 = tagger(SyntheticTaggers.wdChannelMeans(dir, 24, "N"), 8);
        assertEquals(24, v3.inputSize());
        assertEquals(8, v3.maxBatch());
        List<ScoredTags> out = v3.tag(List.of(TaggerInput.of(SyntheticTaggers.solid(10, 10, 0xFF0000)),
                TaggerInput.of(SyntheticTaggers.solid(10, 10, 0x0000FF))));
        assertEquals(1.0, score(out.get(0), "red"), 1e-5);
        assertEquals(1.0, score(out.get(1), "blue"), 1e-5);
    }

    @Test
    void fixedBatchOfOneLikeV2RunsImagesOneByOne() {
        WdTagger v2 = tagger(SyntheticTaggers.wdChannelMeans(dir, 24, 1), 8);
        assertEquals(1, v2.maxBatch());
        List<ScoredTags> out = v2.tag(List.of(TaggerInput.of(SyntheticTaggers.solid(10, 10, 0x00FF00)),
                TaggerInput.of(SyntheticTaggers.solid(10, 10, 0x0000FF)), TaggerInput.of(SyntheticTaggers.solid(
                        10, 10, 0xFF0000))));
        assertEquals(List.of(1.0, 1.0, 1.0), List.of(Math.rint(score(out.get(0), "green")),
                Math.rint(score(out.get(1), "blue")), Math.rint(score(out.get(2), "red"))));
    }

    @Test
    void outputSizeNotMatchingTheCsvNamesBothFiles() {
        SyntheticTaggers.wdChannelMeans(dir, 16, "N");
        SyntheticTaggers.csv(dir, List.of("blue,0", "green,0", "red,0", "extra,0"));
        TaglineException e = assertThrows(TaglineException.class, () -> tagger(dir, 8));
        assertTrue(e.getMessage().contains(dir.resolve("model.onnx").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("selected_tags.csv") + " lists 4 tags"), e.getMessage());
        assertTrue(e.getMessage().contains("gives 3 scores"), e.getMessage());
    }

    @Test
    void csvNamesWithCommasAndQuotesAreReadWhole() {
        SyntheticTaggers.wdChannelMeans(dir, 16, "N");
        SyntheticTaggers.write(dir.resolve("selected_tags.csv"), "tag_id,name,category,count\r\n"
                + "1,\"blue, navy\",0,5\r\n2,\"say \"\"green\"\"\",4,3\r\n3,red_(colour),0,1\r\n");
        WdTagger wd = tagger(dir, 8);
        ScoredTags tags = wd.tag(List.of(TaggerInput.of(SyntheticTaggers.solid(8, 8, 0xFFFFFF)))).get(0);
        assertEquals(List.of("blue, navy", "say \"green\"", "red_(colour)"),
                tags.tags().stream().sorted(java.util.Comparator.comparingInt(ScoredTag::vocabIndex))
                        .map(ScoredTag::name).toList());
        assertEquals(TagCategory.CHARACTER, tags.find("say \"green\"").orElseThrow().category());
    }

    @Test
    void csvWithoutTheHeaderIsRefusedNamingTheFile() {
        SyntheticTaggers.wdChannelMeans(dir, 16, "N");
        SyntheticTaggers.write(dir.resolve("selected_tags.csv"), "name,category\nblue,0\n");
        TaglineException e = assertThrows(TaglineException.class, () -> tagger(dir, 8));
        assertTrue(e.getMessage().contains("selected_tags.csv does not start with the header"), e.getMessage());
    }
}
