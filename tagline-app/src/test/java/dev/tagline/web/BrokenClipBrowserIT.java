package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In headless Chromium: a post whose clip details cannot be read is marked broken on its event, in the editor and in
 * the Unscheduled list (as the page renders it and as calendar.js rebuilds it), and is cancelled from the editor.
 */
class BrokenClipBrowserIT extends BrowserAndServer {
    @Test
    void aPostWhoseClipDetailsAreUnreadableShowsAsBrokenOnTheCalendarAndIsCancelledFromTheEditor() throws Exception {
        Channel yt = web.channel("yt", "youtube", "Europe/Berlin");
        Post fine = web.post(yt, "Fine talk", "c", Instant.parse("2026-12-02T08:00:00Z"));
        Post broken = web.post(yt, "Broken talk", "c", Instant.parse("2026-12-03T08:00:00Z"));
        Post queued = web.post(yt, "Broken queued", "c", null);
        for (Post p : new Post[] {broken, queued}) { // and clip.json a newer tagline's, so nothing mends the row
            web.publishing.database().jdbc().update("UPDATE media SET manifest_json = '{}' WHERE id = ?", p.mediaId());
            Files.writeString(web.publishing.media().manifestPath(p.mediaId()), "{\"version\":2}");
        }
        browser.login(web.base(), WebFixture.PASSWORD);
        WebElement event = browser.await("[data-post-id='" + broken.id() + "'][data-status='broken']");
        assertTrue(event.getAttribute("title").endsWith(" — " + BrokenClipIT.MARKER), event.getAttribute("title"));
        browser.await("[data-post-id='" + fine.id() + "'][data-status='scheduled']");
        WebElement rendered = browser.await("#queue [data-post-id='" + queued.id() + "'] .broken-reason");
        assertEquals(BrokenClipIT.MARKER, rendered.getText());
        browser.screenshot("calendar-broken-post");

        event.click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("ed-status"), "broken"));
        assertEquals(BrokenClipIT.MARKER, browser.driver.findElement(By.id("ed-reason")).getText());
        // dogfood round 9 L7: Publish now was offered, accepted, and the run then failed the post
        WebElement publish = browser.driver.findElement(By.id("ed-publish"));
        assertTrue(!publish.isEnabled() && publish.getAttribute("title").startsWith("A run would fail it"),
                publish.getAttribute("title"));
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ed-cancel"))).click();
        browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "is cancelled"));
        assertEquals(PostState.CANCELLED, web.publishing.posts().byId(broken.id()).state());
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(
                "[data-post-id='" + broken.id() + "']")));
        // the Unscheduled list as calendar.js rebuilt it after the cancel
        browser.wait.until(ExpectedConditions.stalenessOf(rendered));
        assertEquals(BrokenClipIT.MARKER, browser.await("#queue [data-post-id='" + queued.id() + "'] .broken-reason")
                .getText());
    }
}
