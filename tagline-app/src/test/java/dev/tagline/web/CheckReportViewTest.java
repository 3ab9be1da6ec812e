package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckReportViewTest {
    @TempDir
    Path dir;

    @Test
    void aConvertedFilesWhyIsWhatWasConverted() throws Exception {
        Path report = dir.resolve(JobKinds.CHECK_REPORT);
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{\"file\":\"32bit.png\",\"verdict\":\"converted\",\"conversions\":[\"transparency"
                + " composited on #FFFFFF\",\"16-bit to 8-bit\"],\"bytes\":100}\n"
                + "{\"file\":\"bad.jpg\",\"verdict\":\"corrupt\",\"detail\":\"truncated\",\"action\":\"quarantined\"}\n");
        String html = CheckReportView.of(dir, null).html("photos", "", java.util.List.of());
        assertTrue(html.contains("<td>32bit.png</td><td>converted</td><td>transparency composited on #FFFFFF; 16-bit"
                + " to 8-bit</td>"), html);
        assertTrue(html.contains("<td>bad.jpg</td><td>corrupt</td><td>truncated</td>"), html);
    }

    /** dogfooding F5: the report's warning about two images that would share a sidecar was not shown. */
    @Test
    void aWarningAboutASharedSidecarIsShownWithTheFileAndCounted() throws Exception {
        Path report = dir.resolve(JobKinds.CHECK_REPORT);
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{\"file\":\"a.jpg\",\"verdict\":\"ok\",\"action\":\"none\"}\n"
                + "{\"file\":\"same.jpg\",\"verdict\":\"ok\",\"action\":\"none\",\"warning\":\"would share the"
                + " sidecar same.txt and same.caption with same.png\"}\n");
        String html = CheckReportView.of(dir, null).html("photos", "", java.util.List.of());
        assertTrue(html.contains("<td>same.jpg</td><td>ok</td><td>would share the sidecar same.txt and same.caption"
                + " with same.png</td>"), html);
        assertTrue(html.contains("1 file would share a sidecar with another image of the same name"), html);
        assertTrue(html.indexOf("<td>same.jpg</td>") < html.indexOf("<td>a.jpg</td>"), "warned first: " + html);
    }
}
