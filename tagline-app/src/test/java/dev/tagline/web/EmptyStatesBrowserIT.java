package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Dogfood round 6 H8 in headless Chromium: a first session with no channel dead-ended on every page. */
class EmptyStatesBrowserIT extends BrowserAndServer {
    @Test
    void withNoChannelTheChannelsPageAndAutoScheduleSaidNothing_nowTheyNameTheCommandThatAddsOne() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/channels");
        String empty = browser.await("#no-channels").getText();
        assertTrue(empty.contains("tagline publish channels add NAME --platform folder --option path=DIR"), empty);
        browser.driver.get(web.base() + "/calendar");
        browser.await("#auto-schedule").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"),
                "Auto-schedule placed 0 post(s). There is no channel yet: add one on the command line, e.g. 'tagline"
                        + " publish channels add NAME --platform folder --option path=DIR'"));
    }

    /**
     * Dogfood round 7 J7: the first-start password lands on the Calendar, which showed an empty month and "Nothing
     * queued." with no word of the channel that must come first.
     */
    @Test
    void theCalendarAfterFirstStartHadNoNextStep_nowItSaysToAddAChannel() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/calendar");
        String empty = browser.await("#no-channels").getText();
        assertTrue(empty.startsWith("No channel yet: add one on the command line"), empty);
        assertTrue(empty.contains("tagline publish channels add NAME --platform folder --option path=DIR"), empty);
    }
}
