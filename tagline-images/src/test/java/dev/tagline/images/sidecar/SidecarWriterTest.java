package dev.tagline.images.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.ItemFailedException;
import dev.tagline.images.sidecar.SidecarSettings.Existing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarWriterTest {
    @TempDir
    Path dir;

    private Path image() {
        return dir.resolve("photo.final.jpg");
    }

    private String sidecar(String ext) throws IOException {
        return Files.readString(dir.resolve("photo.final" + ext), StandardCharsets.UTF_8);
    }

    @Test
    void anEmptySidecarCountsAsMissing() throws Exception {
        Path image = dir.resolve("a.jpg");
        java.nio.file.Files.write(image, new byte[] {1});
        java.nio.file.Files.writeString(image.resolveSibling("a.txt"), " \n");
        SidecarWriter writer = new SidecarWriter(SidecarSettings.tags());
        org.junit.jupiter.api.Assertions.assertFalse(writer.keeps(image), "nothing to keep in a blank file");
        writer.write(image, "cat, indoors");
        org.junit.jupiter.api.Assertions.assertEquals("cat, indoors", java.nio.file.Files.readString(
                image.resolveSibling("a.txt")));
    }

    @Test
    void defaultsMatchKohyaCaptionAndTaggerExtensions() {
        assertEquals(".caption", SidecarSettings.captions().extension());
        assertEquals(".txt", SidecarSettings.tags().extension());
        assertEquals(dir.resolve("photo.final.cap"),
                new SidecarWriter(SidecarSettings.captions().withExtension("cap")).sidecarFor(image()));
    }

    @Test
    void writesUtf8WithoutTrailingNewlineAndLeavesNoTemporaryFile() throws IOException {
        new SidecarWriter(SidecarSettings.captions()).write(image(), "  a café in Zürich, 夜  \n");
        assertEquals("a café in Zürich, 夜", sidecar(".caption"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("photo.final.caption"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void skipIsTheDefaultSoAReRunKeepsExistingWork() throws IOException {
        Files.writeString(dir.resolve("photo.final.txt"), "hand, written");
        assertEquals(SidecarWriter.Outcome.SKIPPED, new SidecarWriter(SidecarSettings.tags()).write(image(), "new"));
        assertEquals("hand, written", sidecar(".txt"));
        new SidecarWriter(SidecarSettings.tags().withExisting(Existing.OVERWRITE)).write(image(), "new");
        assertEquals("new", sidecar(".txt"));
    }

    @Test
    void appendAndPrependMergeTagListsWithoutDuplicates() throws IOException {
        Files.writeString(dir.resolve("photo.final.txt"), "\uFEFF1girl, solo, smile");
        new SidecarWriter(SidecarSettings.tags().withExisting(Existing.APPEND)).write(image(), "Solo, outdoors, 1girl");
        assertEquals("1girl, solo, smile, outdoors", sidecar(".txt"));
        new SidecarWriter(SidecarSettings.tags().withExisting(Existing.PREPEND)).write(image(), "sky, smile");
        assertEquals("sky, smile, 1girl, solo, outdoors", sidecar(".txt"));
    }

    @Test
    void captionsAppendAsText() throws IOException {
        Files.writeString(dir.resolve("photo.final.caption"), "A cat.");
        new SidecarWriter(SidecarSettings.captions().withExisting(Existing.APPEND)).write(image(), "On a sofa.");
        assertEquals("A cat. On a sofa.", sidecar(".caption"));
    }

    @Test
    void appendedCaptionsAreJoinedInTheirStyleAndNotRepeated() throws IOException {
        Path caption = dir.resolve("photo.final.caption");
        SidecarWriter append = new SidecarWriter(SidecarSettings.captions().withExisting(Existing.APPEND));
        Files.writeString(caption, "ohwx man, wearing a suit");
        append.write(image(), "A man at a podium.");
        assertEquals("ohwx man, wearing a suit. A man at a podium.", sidecar(".caption"));
        assertEquals(SidecarWriter.Outcome.SKIPPED, append.write(image(), "A man at a podium."),
                "a second run does not repeat the caption");
        assertEquals("ohwx man, wearing a suit. A man at a podium.", sidecar(".caption"));
        Files.writeString(caption, "man, suit");
        append.write(image(), "podium, flag");
        assertEquals("man, suit, podium, flag", sidecar(".caption"), "concise keywords after a comma");
        Files.writeString(caption, "A woman in a white dress.");
        append.write(image(), "woman, beach, sunset");
        assertEquals("A woman in a white dress. woman, beach, sunset", sidecar(".caption"),
                "keywords after a finished sentence: no '.,'");
        Files.writeString(caption, "A man.");
        new SidecarWriter(SidecarSettings.captions().withExisting(Existing.PREPEND)).write(image(), "ohwx, suit");
        assertEquals("ohwx, suit, A man.", sidecar(".caption"));
    }

    @Test
    void aLeadingTriggerStaysFirstWhenCaptionsAreJoined() throws IOException {
        Path caption = dir.resolve("photo.final.caption");
        Files.writeString(caption, "A man on stage.");
        new SidecarWriter(SidecarSettings.captions().withExisting(Existing.APPEND)).write(image(),
                "ohwx man, A boy, smiling.", "ohwx man");
        assertEquals("ohwx man, A man on stage. A boy, smiling.", sidecar(".caption"),
                "kohya keep_tokens reads it first, as a token of its own");
        Files.writeString(caption, "ohwx man A man on stage.");
        new SidecarWriter(SidecarSettings.captions().withExisting(Existing.PREPEND)).write(image(),
                "ohwx man, A boy, smiling.", "ohwx man");
        assertEquals("ohwx man, A boy, smiling. A man on stage.", sidecar(".caption"), "and only once");
    }

    /**
     * dogfooding F9: {@code tag --existing append --trigger "ohwx man"} on the hand caption "ohwx man portrait" wrote
     * "ohwx man portrait, ohwx man, solo, portrait": the trigger twice, the second not first, which kohya's
     * {@code shuffle_caption} shuffles like any tag; prepend put the old text, trigger and all, last.
     */
    @Test
    void aFileStartingWithTheTriggerGotItTwiceWhenMerged_nowTheTriggerIsFirstOnce() throws IOException {
        Path tags = dir.resolve("photo.final.txt");
        SidecarWriter append = new SidecarWriter(SidecarSettings.tags().withExisting(Existing.APPEND));
        SidecarWriter prepend = new SidecarWriter(SidecarSettings.tags().withExisting(Existing.PREPEND));
        Files.writeString(tags, "ohwx man portrait");
        assertEquals(SidecarWriter.Outcome.MERGED, append.write(image(), "ohwx man, solo, portrait", "ohwx man"));
        assertEquals("ohwx man, portrait, solo", sidecar(".txt"));
        Files.writeString(tags, "ohwx man portrait");
        prepend.write(image(), "ohwx man, solo, portrait", "ohwx man");
        assertEquals("ohwx man, solo, portrait", sidecar(".txt"));
        Files.writeString(tags, "OHWX Man, smile");
        append.write(image(), "ohwx man, solo", "ohwx man");
        assertEquals("ohwx man, smile, solo", sidecar(".txt"), "in any case");
        Files.writeString(tags, "smile, ohwx man");
        append.write(image(), "ohwx man, solo", "ohwx man");
        assertEquals("ohwx man, smile, solo", sidecar(".txt"), "first even when the old text had it later");
        Files.writeString(tags, "ohwx manly portrait");
        append.write(image(), "ohwx man, solo", "ohwx man");
        assertEquals("ohwx man, ohwx manly portrait, solo", sidecar(".txt"), "a word prefix only");
        Files.writeString(tags, "ohwx, sks portrait");
        append.write(image(), "ohwx, sks, 1boy", "ohwx, sks");
        assertEquals("ohwx, sks, portrait, 1boy", sidecar(".txt"), "two triggers given as one");

        Path caption = dir.resolve("photo.final.caption");
        Files.writeString(caption, "Ohwx man on stage");
        new SidecarWriter(SidecarSettings.captions().withExisting(Existing.APPEND)).write(image(),
                "ohwx man, A boy, smiling.", "ohwx man");
        assertEquals("ohwx man, on stage. A boy, smiling.", sidecar(".caption"), "captions alike, in any case");
    }

    @Test
    void triggerWordComesFirstOnce() throws IOException {
        new SidecarWriter(SidecarSettings.tags().withPrefix("ohwx")).write(image(), "smile, ohwx, solo");
        assertEquals("ohwx, smile, solo", sidecar(".txt"));
        new SidecarWriter(SidecarSettings.captions().withPrefix("ohwx")).write(image(), "a woman smiling");
        assertEquals("ohwx a woman smiling", sidecar(".caption"));
    }

    @Test
    void aNonUtf8SidecarFailsOnlyThatItemAndNamesIt() throws IOException {
        Files.write(dir.resolve("photo.final.txt"), new byte[] {(byte) 0xC3, 0x28});
        SidecarWriter writer = new SidecarWriter(SidecarSettings.tags().withExisting(Existing.APPEND));
        ItemFailedException e = assertThrows(ItemFailedException.class, () -> writer.write(image(), "x"));
        assertTrue(e.getMessage().contains("photo.final.txt") && e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void anUnwritableFolderIsAClearErrorNotAnItemFailure() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        locked.toFile().setWritable(false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked),
                    "running as root: folder permissions are not enforced, so an unwritable folder cannot be made");
            TaglineException e = assertThrows(TaglineException.class,
                    () -> new SidecarWriter(SidecarSettings.tags()).write(locked.resolve("a.jpg"), "x"));
            assertTrue(!(e instanceof ItemFailedException) && e.getMessage().contains("a.txt"), e.getMessage());
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void badSettingsNameTheValue() {
        assertThrows(TaglineException.class, () -> SidecarSettings.Existing.parse("merge"));
        assertThrows(TaglineException.class, () -> SidecarSettings.tags().withExtension("a/b"));
    }
}
