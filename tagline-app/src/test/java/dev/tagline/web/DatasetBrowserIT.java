package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The dataset gallery and the first-start page in Chromium: edit a caption in the gallery; screenshots. */
class DatasetBrowserIT {
    @TempDir
    Path dir;
    WebFixture web;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
        web = WebFixture.start(dir);
        Color[] colors = {Color.RED, Color.ORANGE, Color.YELLOW, Color.GREEN, Color.CYAN, Color.BLUE, Color.MAGENTA,
            Color.PINK};
        for (int i = 0; i < colors.length; i++) {
            DatasetRoutesIT.image(web.media.resolve("portraits/p" + i + ".png"), colors[i]);
            Files.writeString(web.media.resolve("portraits/p" + i + ".txt"), "circle, " + (i % 2 == 0 ? "warm" : "cool")
                    + (i < 3 ? ", outdoors" : ""));
            if (i % 3 != 0) {
                Files.writeString(web.media.resolve("portraits/p" + i + ".caption"), "a white circle on a plain background");
            }
        }
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
    }

    @Test
    void editACaptionInTheGallery() throws Exception {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/datasets/clips");
        browser.wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"));
        browser.screenshot("datasets");
        WebElement card = browser.driver.findElement(By.xpath("//article[.//p[text()='portraits/p0.png']]"));
        WebElement caption = card.findElement(By.name("caption"));
        caption.sendKeys("a red disc, studio light");
        card.findElement(By.tagName("button")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//article[.//p[text()='portraits/p0.png']]//p[@class='notice']"), "Saved"));
        assertEquals("a red disc, studio light", Files.readString(web.media.resolve("portraits/p0.caption")));
        browser.driver.findElement(By.id("render-thumbnails")).click();
        browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("li.job"), "data-state", "done"));
        browser.screenshot("jobs");
    }

    @Test
    void checkTheFolderFromThePageFollowItsProgressAndReadTheReport() throws Exception {
        Files.write(web.media.resolve("portraits/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/datasets/clips");
        browser.driver.findElement(By.name("quarantine")).click();
        browser.driver.findElement(By.id("start-check")).click();
        browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("li.job"), "data-state", "done"));
        String message = browser.driver.findElement(By.cssSelector("li.job .message")).getText();
        assertTrue(message.startsWith("9 files checked, 1 corrupt or unreadable, 1 moved"), message);
        browser.screenshot("jobs-check");
        browser.driver.get(web.base() + "/datasets/clips?view=check");
        WebElement row = browser.await("tr.verdict-corrupt");
        assertTrue(row.getText().contains("portraits/broken.png") && row.getText().contains("quarantined"), row.getText());
        browser.screenshot("dataset-check-report");
        browser.driver.get(web.base() + "/datasets/clips?verdict=ok");
        assertEquals(8, browser.driver.findElements(By.cssSelector("article.image")).size());
    }

    /** dogfooding G6 in Chromium: thumbnails of {@code take#1.png}, {@code why?.png} and {@code 50%off.png} were blank. */
    @Test
    void thumbnailsOfFilesNamedWithHashQuestionMarkOrPercentWereBlank_nowEveryImageLoads() throws Exception {
        for (String name : new String[] {"take#1.png", "why?.png", "50%off.png"}) {
            DatasetRoutesIT.image(web.media.resolve("portraits/" + name), Color.GRAY);
        }
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/datasets/clips");
        assertEquals(11, browser.driver.findElements(By.cssSelector("article.image img")).size());
        browser.wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return Array.from(document.images).every(i => i.complete)"));
        Object broken = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "return Array.from(document.images).filter(i => i.naturalWidth === 0).map(i => i.alt)");
        assertEquals(java.util.List.of(), broken);
    }

    @Test
    void htmxFormsFailSilentlyNoMore_aSaveOfADeletedImageShowsTheServersMessage() throws Exception {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/datasets/clips");
        WebElement card = browser.driver.findElement(By.xpath("//article[.//p[text()='portraits/p1.png']]"));
        Files.delete(web.media.resolve("portraits/p1.png"));
        card.findElement(By.name("caption")).sendKeys(" again");
        card.findElement(By.tagName("button")).click();
        String error = browser.await("article.image p.error").getText();
        assertTrue(error.contains("No file 'portraits/p1.png'"), error);
    }

    @Test
    void firstStartPage(@TempDir Path other) {
        try (WebFixture fresh = new WebFixture(other, null)) {
            browser.driver.get(fresh.base() + "/");
            browser.await("#code");
            browser.screenshot("setup");
        }
    }
}
