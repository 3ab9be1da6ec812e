package dev.tagline.images.caption.florence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlorenceConfigTest {
    @TempDir
    Path dir;

    @Test
    void tokenIdsComeFromGenerationConfigThenTheModelsTextConfigThenFlorenceDefaults() throws IOException {
        // as onnx-community/Florence-2-large: a generation config without token ids
        Path gen = Files.writeString(dir.resolve("generation_config.json"),
                "{\"_from_model_config\": true, \"length_penalty\": 0.5}");
        Path model = Files.writeString(dir.resolve("config.json"),
                "{\"text_config\": {\"forced_eos_token_id\": 7, \"eos_token_id\": 7, \"forced_bos_token_id\": null}}");
        Path pre = Files.writeString(dir.resolve("preprocessor_config.json"),
                "{\"size\": {\"height\": 384, \"width\": 512}, \"image_mean\": [0.5, 0.5, 0.5]}");
        FlorenceConfig c = FlorenceConfig.read(Optional.of(gen), Optional.of(model), Optional.of(pre));
        assertEquals(7, c.forcedEos());
        assertEquals(7, c.eos());
        assertEquals(0, c.forcedBos());        // null in the file: the Florence-2 default
        assertEquals(2, c.decoderStart());
        assertEquals(0.5, c.lengthPenalty());
        assertEquals(384, c.imageHeight());
        assertEquals(512, c.imageWidth());
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, c.mean());
        assertArrayEquals(FlorenceConfig.DEFAULTS.std(), c.std());
        FlorenceConfig none = FlorenceConfig.read(Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(FlorenceConfig.DEFAULTS.forcedBos(), none.forcedBos());
        assertEquals(768, none.imageHeight());
    }

    @Test
    void decodedTextLosesSpecialTokensAndTransformersCleanUpSpaces() {
        assertEquals("A cat isn't on the mat, it's here.",
                FlorenceTokenizer.clean("</s><s>A cat is n't on the mat , it 's here .</s><pad><pad>"));
        assertEquals("car<loc_12><loc_40><loc_300><loc_500>",
                FlorenceTokenizer.clean("</s><s>car<loc_12><loc_40><loc_300><loc_500></s>"));
    }
}
