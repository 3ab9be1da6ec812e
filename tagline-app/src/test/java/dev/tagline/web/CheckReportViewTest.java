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
        String html = CheckReportView.of(dir).html("photos", "");
        assertTrue(html.contains("<td>32bit.png</td><td>converted</td><td>transparency composited on #FFFFFF; 16-bit"
                + " to 8-bit</td>"), html);
        assertTrue(html.contains("<td>bad.jpg</td><td>corrupt</td><td>truncated</td>"), html);
    }
}
