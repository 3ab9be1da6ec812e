package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.core.manifest.ClipsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Issue #10 point 7: the clip player seeks (served with range requests), and the clips page screenshot. */
class ClipsBrowserIT extends BrowserAndServer {

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0,
                "needs ffmpeg: apt-get install -y ffmpeg");
        Path folder = web.media.resolve("talk-001");
        Files.createDirectories(folder);
        Process ff = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=duration=8:size=270x480:rate=25", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "25",
                "-movflags", "+faststart", folder.resolve("clip.mp4").toString()).inheritIO().start();
        assertEquals(0, ff.waitFor());
        ClipManifests.write(folder.resolve("clip.json"), ClipManifest.of("talk-001", "clip.mp4",
                new ClipManifest.Source("../talk.mp4", 95, 103), 8, 270, 480, 0.87, true,
                new ClipManifest.Copy("Nobody reads the manual", "Why docs fail and what works instead",
                        List.of("talk", "docs")), Map.of()));
        web.channel("yt", "youtube", "Europe/Berlin");
        ClipsFile.of(new ClipsFile.Source("talk.mp4", 1520), java.time.Instant.parse("2026-11-27T02:00:00Z"),
                "talk.srt", List.of(), List.of(
                        new ClipCandidate(1, 95, 141, 87, new ClipCandidate.SubScores(92, 70, 81, 64, 40),
                                "Opens with a question and pays it off.", "Why does nobody read the manual?",
                                "Why does nobody read the manual? …", 3),
                        new ClipCandidate(2, 612, 655, 74, new ClipCandidate.SubScores(60, 80, 77, 58, 72),
                                "New on-screen text, steady speech.", "", "…", 5,
                                List.of("Writing docs people read", "docs/README.md"), "Writing docs people read")))
                .write(web.media.resolve("talk.clips.json"));
        Files.copy(folder.resolve("clip.mp4"), web.media.resolve("talk.mp4")); // the sources the find form offers
        Files.createDirectories(web.media.resolve("talks"));
        Files.copy(folder.resolve("clip.mp4"), web.media.resolve("talks/keynote.mp4"));
    }

    @Test
    void thePlayerSeeks() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/clips");
        browser.await("video");
        Object seeked = browser.driver.executeAsyncScript("const done = arguments[0]; const v = document.querySelector('video');"
                + "const go = () => { v.addEventListener('seeked', () => done(v.currentTime), {once: true}); v.currentTime = 5.5; };"
                + "if (v.readyState >= 1) { go(); } else { v.addEventListener('loadedmetadata', go, {once: true}); v.load(); }"
                + "setTimeout(() => done('timeout, readyState ' + v.readyState + ', error ' + (v.error && v.error.code)), 12000);");
        assertTrue(seeked instanceof Number, String.valueOf(seeked));
        assertEquals(5.5, ((Number) seeked).doubleValue(), 0.05);
        browser.driver.executeScript("window.scrollTo(0, 0)");
        List<org.openqa.selenium.WebElement> found = browser.driver.findElements(By.cssSelector(".found tbody tr"));
        assertEquals(2, found.size(), "the finder's clips");
        assertTrue(found.get(1).getText().contains("10:12–10:55 (43 s)"), "span in media time: " + found.get(1)
                .getText());
        assertEquals(1 + dev.tagline.video.render.ReframeMode.values().length, browser.driver.findElements(
                By.cssSelector(".render-form select[name=mode] option")).size(), "auto and every mode");
        browser.screenshot("clips");
        browser.driver.executeScript("document.querySelector('article.clip').scrollIntoView()");
        browser.screenshot("clips-review");
        browser.driver.findElement(By.cssSelector("input[name=title]")).clear();
        browser.driver.findElement(By.cssSelector("input[name=title]")).sendKeys("Edited in the browser");
        browser.driver.findElement(By.cssSelector("button.accept")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved"));
        assertEquals("Edited in the browser",
                ClipManifests.read(web.media.resolve("talk-001/clip.json")).copy().title());
    }

    @Test
    void htmxFormsFailSilentlyNoMore_theServersMessageShowsInTheCard() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/clips");
        browser.await("button.reject").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Rejected"));
        browser.driver.findElement(By.cssSelector(".queue-form input[value=yt]")).click();
        browser.driver.findElement(By.cssSelector(".queue-form button")).click();
        String error = browser.await("article.clip p.error").getText();
        assertEquals("Clip talk-001 is rejected. Accept it first (Save and accept), then queue it.", error);
        browser.driver.findElement(By.cssSelector("button.accept")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "accepted"));
        assertTrue(browser.driver.findElements(By.cssSelector("article.clip p.error")).isEmpty(), "a good answer clears it");
    }
}
