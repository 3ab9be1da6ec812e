package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.video.copy.Copywriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dogfood round 9, L3: which earlier copy a re-run writes again. Only a copywriter model given now replaces generated
 * copy (after other copy settings or a fallback); a person's edit, and a model's copy under the built-in copywriter
 * (the web's render), stay.
 */
class ReviewCarryOverTest {
    private static final ClipManifest.Copy COPY = new ClipManifest.Copy("Title", "Caption.", List.of("aa", "bb"));
    private static final String BUILT_IN = ReviewCarryOver.sha256(Copywriter.BUILT_IN);
    private static final String MODEL = ReviewCarryOver.sha256("openai:m\nhttp://x/v1\n1024\nprompt");

    @Test
    void onlyACopywriterModelGivenNowRewritesGeneratedCopyAfterOtherSettingsOrAFallback() {
        ClipManifest fellBack = manifest(COPY, new ClipManifest.CopySource(Copywriter.BUILT_IN, "cut off", MODEL,
                ReviewCarryOver.copyHash(COPY)));
        assertTrue(ReviewCarryOver.copyOutdated(fellBack, MODEL), "the model fell back: asked again");
        assertFalse(ReviewCarryOver.copyOutdated(fellBack, BUILT_IN), "no model given: kept");
        ClipManifest builtIn = manifest(COPY, new ClipManifest.CopySource(Copywriter.BUILT_IN, null, BUILT_IN,
                ReviewCarryOver.copyHash(COPY)));
        assertTrue(ReviewCarryOver.copyOutdated(builtIn, MODEL), "a model given now");
        assertFalse(ReviewCarryOver.copyOutdated(builtIn, BUILT_IN));
        ClipManifest written = manifest(COPY, new ClipManifest.CopySource("openai:m", null, MODEL,
                ReviewCarryOver.copyHash(COPY)));
        assertFalse(ReviewCarryOver.copyOutdated(written, MODEL), "same settings, it answered");
        assertFalse(ReviewCarryOver.copyOutdated(written, BUILT_IN), "a model's copy is not replaced by the built-in");
        assertTrue(ReviewCarryOver.copyOutdated(manifest(COPY, null), MODEL), "recorded before the copy's source");
    }

    @Test
    void copyThatNoLongerMatchesWhatWasGeneratedIsAPersonsEdit() {
        ClipManifest.CopySource source = new ClipManifest.CopySource("openai:m", null, MODEL,
                ReviewCarryOver.copyHash(COPY));
        assertFalse(ReviewCarryOver.copyEdited(manifest(COPY, source)));
        assertTrue(ReviewCarryOver.copyEdited(manifest(new ClipManifest.Copy("My title", "Caption.", List.of("aa",
                "bb")), source)));
        assertTrue(ReviewCarryOver.copyEdited(manifest(COPY, null)), "unknown: taken as reviewed");
    }

    private static ClipManifest manifest(ClipManifest.Copy copy, ClipManifest.CopySource source) {
        return ClipManifest.of("talk-001", "talk-001.mp4", new ClipManifest.Source("../../talk.mp4", 0, 5), 5, 1080,
                1920, 0.8, true, copy, Map.of()).withRender(new ClipManifest.Render("9:16", List.of(), "t.jpg", null,
                Map.of(), List.of(), "abc", source));
    }
}
