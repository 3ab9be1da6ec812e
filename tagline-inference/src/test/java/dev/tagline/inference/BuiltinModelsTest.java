package dev.tagline.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.inference.ocr.TextReader;
import dev.tagline.inference.speech.SpeechDetector;
import dev.tagline.inference.store.Catalog;
import dev.tagline.inference.store.ModelFile;
import dev.tagline.inference.text.TextEmbedder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinModelsTest {
    @Test
    void everyFileTheBuiltInModelsOpenIsInTheCatalogWithAPinnedHash() {
        Map<String, List<String>> wanted = Map.of(
                BuiltinModels.FACES, List.of(FaceSettings.Model.FULL_RANGE.file(),
                        FaceSettings.Model.SHORT_RANGE.file()),
                BuiltinModels.OCR, List.of(TextReader.DETECTOR, TextReader.RECOGNISER, TextReader.ANGLE_CLASSIFIER,
                        TextReader.DICTIONARY),
                BuiltinModels.SPEECH, List.of(SpeechDetector.MODEL),
                BuiltinModels.EMBEDDINGS, List.of(TextEmbedder.MODEL, TextEmbedder.TOKENIZER));
        Catalog catalog = Catalog.builtIn();
        wanted.forEach((id, names) -> {
            var entry = catalog.find(id).orElseThrow(() -> new AssertionError(id + " is not in the catalog"));
            for (String name : names) {
                ModelFile file = entry.file(name).orElseThrow(() -> new AssertionError(id + " lacks " + name));
                assertTrue(file.pinnedSha256().isPresent() && file.sizeBytes() > 0, id + "/" + name);
            }
        });
    }
}
