package dev.tagline.images.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RamTaggerTest {
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

    RamTagger tagger(OptionalDouble threshold) {
        return RamTagger.open("ram-test", "test", sessions.load(dir.resolve("model.onnx"), SessionConfig.defaults()),
                dir.resolve("tags.txt"), dir.resolve("thresholds.txt"), threshold, 1);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    ScoredTags redImage(RamTagger ram) {
        // 64x16: squashed (not padded) to 16x16 it stays pure red
        return ram.tag(List.of(TaggerInput.of(SyntheticTaggers.solid(64, 16, 0xFF0000)))).get(0);
    }

    @Test
    void squashResizeImagenetNormalisationRgbOrderAndSigmoid() {
        SyntheticTaggers.ramChannelMeans(dir, 16);
        ScoredTags tags = redImage(tagger(OptionalDouble.of(0.0)));
        assertEquals(sigmoid((1 - 0.485) / 0.229), tags.find("red").orElseThrow().score(), 1e-5);
        assertEquals(sigmoid((0 - 0.456) / 0.224), tags.find("green").orElseThrow().score(), 1e-5);
        assertEquals(sigmoid((0 - 0.406) / 0.225), tags.find("blue").orElseThrow().score(), 1e-5);
    }

    @Test
    void withoutThresholdsFileTheGlobalDefaultApplies() {
        SyntheticTaggers.ramChannelMeans(dir, 16);
        assertEquals(List.of("red"), redImage(tagger(OptionalDouble.empty())).names()); // 0.90 > 0.68
    }

    @Test
    void classThresholdsComeFromTheFile() {
        SyntheticTaggers.ramChannelMeans(dir, 16);
        // probabilities: red 0.905, green 0.116, blue 0.141
        SyntheticTaggers.write(dir.resolve("thresholds.txt"), "0.95\n0.10\n0.15\n");
        ScoredTags tags = redImage(tagger(OptionalDouble.empty()));
        assertEquals(List.of("green"), tags.names());
        assertTrue(tagger(OptionalDouble.empty()).describe().contains("class thresholds from thresholds.txt"));
    }

    @Test
    void anExplicitThresholdReplacesTheFile() {
        SyntheticTaggers.ramChannelMeans(dir, 16);
        SyntheticTaggers.write(dir.resolve("thresholds.txt"), "0.95\n0.10\n0.10\n");
        assertEquals(List.of("red", "blue"), redImage(tagger(OptionalDouble.of(0.13))).names());
    }

    @Test
    void tagListOrThresholdsOfAnotherSizeAreRefusedNamingTheFile() {
        SyntheticTaggers.ramChannelMeans(dir, 16);
        SyntheticTaggers.write(dir.resolve("thresholds.txt"), "0.5\n0.5\n");
        TaglineException e = assertThrows(TaglineException.class, () -> tagger(OptionalDouble.empty()));
        assertTrue(e.getMessage().contains("thresholds.txt has 2 thresholds for 3 tags"), e.getMessage());
        SyntheticTaggers.write(dir.resolve("tags.txt"), "a\nb\nc\nd\n");
        e = assertThrows(TaglineException.class, () -> tagger(OptionalDouble.of(0.5)));
        assertTrue(e.getMessage().contains("tags.txt lists 4 tags"), e.getMessage());
    }

    @Test
    void separatorOfTheReferenceOutput() {
        SyntheticTaggers.ramChannelMeans(dir, 16);
        TagRules rules = TagRules.defaults().withText(false, false, false, " | ");
        assertEquals("red | blue | green", rules.format(rules.select(List.of(redImage(tagger(OptionalDouble.of(0)))))));
    }
}
