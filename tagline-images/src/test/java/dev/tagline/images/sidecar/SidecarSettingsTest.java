package dev.tagline.images.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import org.junit.jupiter.api.Test;

class SidecarSettingsTest {
    /** round 3 finding 13: --extension .jpg.json overwrote gallery-dl's NAME.jpg.json metadata. */
    @Test
    void anExtensionWhoseLastPartIsRefusedIsRefusedToo() {
        for (String ext : new String[] {".jpg.json", ".txt.json", "txt.JSON", ".q8.toml"}) {
            TaglineException e = assertThrows(TaglineException.class, () -> SidecarSettings.extension(ext,
                    "--extension"), ext);
            assertTrue(e.getMessage().contains("is a metadata extension"), e.getMessage());
        }
        TaglineException image = assertThrows(TaglineException.class, () -> SidecarSettings.extension(".txt.png",
                "--caption-extension"));
        assertTrue(image.getMessage().contains("--caption-extension .txt.png is an image extension"),
                image.getMessage());
        assertEquals(".q8.caption", SidecarSettings.extension(".q8.caption", "--caption-extension"));
        assertEquals(".json.txt", SidecarSettings.extension("json.txt", "--extension"));
    }

    /** check --sidecar-ext: other tools' files beside the images, read or moved, never written; media refused. */
    @Test
    void otherToolsSidecarExtensionsMayBeMetadataOrCachesButNoMedia() {
        assertEquals(".wd14", SidecarSettings.companionExtension("wd14", "--sidecar-ext"));
        assertEquals(".json", SidecarSettings.companionExtension(".json", "--sidecar-ext"));
        assertEquals(".npz", SidecarSettings.companionExtension(" .npz ", "--sidecar-ext"));
        for (String ext : new String[] {".png", ".tags.JPG", "avif", ".mp4"}) {
            TaglineException e = assertThrows(TaglineException.class,
                    () -> SidecarSettings.companionExtension(ext, "--sidecar-ext"), ext);
            assertTrue(e.getMessage().contains("extension: such files are"), e.getMessage());
        }
        for (String ext : new String[] {"", ".", "a/b", "*.tags", ".ta gs"}) {
            TaglineException e = assertThrows(TaglineException.class,
                    () -> SidecarSettings.companionExtension(ext, "--sidecar-ext"), ext);
            assertEquals("Invalid --sidecar-ext '" + ext + "'", e.getMessage());
        }
    }
}
