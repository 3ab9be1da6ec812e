package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.video.copy.CopyInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recheck item 19: a silent clip's filler copy ("Watch this", no caption) was written without a word. */
class CopyNoteTest {
    @Test
    void aClipWithoutTranscriptSaysWhatItsCopyCameFrom() {
        assertEquals(Optional.empty(), ClipPipeline.copyNote(new CopyInput("Spoken words.", "", "", List.of())));
        assertEquals(Optional.of("No transcript or on-screen text to write copy from: the title, description and"
                + " hashtags come from the file name (man-on-green-screen.mp4); write your own before posting."),
                ClipPipeline.copyNote(new CopyInput("", "", "", List.of(), List.of(), "", "man-on-green-screen.mp4")));
        assertEquals(Optional.of("No transcript or on-screen text to write copy from: the title, description and"
                + " hashtags are placeholders; write your own before posting."),
                ClipPipeline.copyNote(new CopyInput("", "", "", List.of(), List.of(), "", "IMG_0042.MOV")));
        assertEquals(Optional.of("No transcript to write copy from: the title, description and hashtags come from the"
                + " on-screen text; check them before posting."),
                ClipPipeline.copyNote(new CopyInput("", "", "", List.of(), List.of("Rebasing"), "", "deck.mp4")));
    }
}
