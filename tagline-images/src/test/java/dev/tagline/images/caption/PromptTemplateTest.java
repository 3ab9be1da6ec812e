package dev.tagline.images.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.RgbImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
    private static final RgbImage PIXEL = new RgbImage(1, 1, new byte[3]);

    @Test
    void fillsTagsNameAndFolderOfTheImage() {
        CaptionInput input = CaptionInput.of(PIXEL, Path.of("/data/cats/img_01.final.png"), List.of("cat", "sofa"));
        PromptTemplate t = PromptTemplate.parse("Describe {name} from {folder}; it shows {tags}.");
        assertEquals("Describe img_01.final from cats; it shows cat, sofa.", t.render(input.vars()));
        assertEquals(List.of("name", "folder", "tags"), t.variables());
    }

    @Test
    void tagsReachThePromptAsProseReadsThem() {
        CaptionInput input = CaptionInput.of(PIXEL, Path.of("/data/cats/a.png"), List.of("score_9", "general",
                "cat:0.93", "(masterpiece:1.2)", "sofa", "rating:general"));
        assertEquals("it shows cat, masterpiece, sofa", PromptTemplate.parse("it shows {tags}").render(input.vars()));
        assertEquals(6, input.tags().size(), "the tags themselves stay as the tagger wrote them");
    }

    @Test
    void directoryIsAnAliasOfFolderAsInTaggui() {
        CaptionInput input = CaptionInput.of(PIXEL, Path.of("/data/dogs/a.jpg"), List.of());
        assertEquals("in dogs", PromptTemplate.parse("in {directory}").render(input.vars()));
    }

    @Test
    void doubledBracesAreLiteralAndTaskTokensArePlainText() {
        PromptTemplate t = PromptTemplate.parse("<CAPTION> {{\"tags\": \"{tags}\"}}");
        assertEquals("<CAPTION> {\"tags\": \"x\"}", t.render(Map.of("tags", "x")));
    }

    @Test
    void anUnknownPlaceholderIsRejectedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PromptTemplate.parse("Describe {nmae}"));
        assertTrue(e.getMessage().contains("{nmae}") && e.getMessage().contains("{name}"), e.getMessage());
    }

    @Test
    void extraVariablesCanBeAllowedAndAddedPerImage() {
        CaptionInput input = CaptionInput.of(PIXEL, List.of("dog")).with("context", "question: a? answer: b.");
        PromptTemplate t = PromptTemplate.parse("{context} question: {tags}?", java.util.Set.of("tags", "context"));
        assertEquals("question: a? answer: b. question: dog?", t.render(input.vars()));
        assertEquals(Optional.empty(), input.file());
    }

    @Test
    void generationSettingsRejectOutOfRangeValuesByFlagName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GenerationSettings(100, 0, 0, 1, 1, 3));
        assertTrue(e.getMessage().startsWith("--beams"), e.getMessage());
    }
}
