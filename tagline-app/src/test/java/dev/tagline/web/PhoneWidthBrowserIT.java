package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.manifest.ClipCandidate;
import dev.tagline.core.manifest.ClipsFile;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import java.awt.Color;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Dogfood web #7 and #18: at phone width (390×844, a mobile viewport) pages scrolled sideways to 521–579 px, and a long
 * unbroken caption in the queue widened the calendar to 3710 px. Every page must fit: scrollWidth ≤ innerWidth.
 */
class PhoneWidthBrowserIT extends BrowserAndServer {
    Post queued;
    Post scheduled;

    @BeforeEach
    void start() throws Exception {
        Channel yt = web.channel("yt-main-channel", "youtube", "Europe/Berlin");
        Channel tt = web.channel("tiktok-brand-account", "tiktok", "America/New_York");
        scheduled = web.post(yt, "Keynote highlight with a fairly long title", "Why captions matter #talk",
                Instant.parse("2026-12-02T08:00:00Z"));
        web.post(tt, "Demo", "Live demo #demo", Instant.parse("2026-12-03T17:00:00Z"));
        queued = web.post(tt, "Unplanned", "https://example.com/" + "a-very-long-unbroken-path-segment".repeat(12),
                null);
        DatasetRoutesIT.image(web.media.resolve("photos/p0.png"), Color.RED);
        Files.writeString(web.media.resolve("photos/p0.txt"), "circle, warm, outdoors");
        ClipsFile.of(new ClipsFile.Source("talk.mp4", 1520), Instant.parse("2026-11-27T02:00:00Z"), "talk.srt",
                List.of(), List.of(new ClipCandidate(1, 95, 141, 87, new ClipCandidate.SubScores(92, 70, 81, 64, 40),
                        "Opens with a question and pays it off.", "Why does nobody read the manual?",
                        "Why does nobody read the manual? …", 3)))
                .write(web.media.resolve("talk.clips.json"));
        // a 390×844 viewport. Not mobile emulation: a mobile browser zooms out to fit a too-wide page, so innerWidth
        // grows with the overflow and the check could not fail
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 2, "mobile", false));
    }

    /** The page's width and the widest elements that stick out, for the failure message. */
    private String overflow(String page) {
        Object r = browser.driver.executeScript("const w = window.innerWidth;"
                + "const over = Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 0.5)"
                + ".slice(0, 6).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')"
                + " + ' right=' + Math.round(e.getBoundingClientRect().right));"
                + "return document.documentElement.scrollWidth <= w ? '' : 'scrollWidth ' + document.documentElement.scrollWidth + ' > innerWidth ' + w + ': ' + over.join(', ');");
        return r == null || r.toString().isEmpty() ? "" : page + ": " + r;
    }

    @Test
    void noPageScrollsSidewaysAtPhoneWidth() {
        List<String> problems = new ArrayList<>();
        browser.driver.get(web.base() + "/login");
        browser.await("#password");
        problems.add(overflow("login"));
        browser.login(web.base(), WebFixture.PASSWORD);
        for (String view : List.of("dayGridMonth", "timeGridWeek", "listMonth")) {
            browser.driver.get(web.base() + "/calendar?view=" + view + "&date=2026-12-02");
            browser.await("#calendar .fc-view");
            browser.await("#queue [data-post-id='" + queued.id() + "']");
            problems.add(overflow("calendar " + view));
        }
        browser.screenshot("phone-calendar");
        browser.driver.get(web.base() + "/calendar?view=dayGridMonth&date=2026-12-02");
        browser.await("#queue [data-post-id='" + queued.id() + "'] .open-post").click();
        browser.await("#ed-caption");
        problems.add(overflow("editor"));
        browser.screenshot("phone-editor");
        // a scheduled post's editor has the most buttons (Save, Publish now, Unschedule, Cancel post, Close)
        browser.driver.findElement(By.id("ed-close")).click();
        browser.await("[data-post-id='" + scheduled.id() + "']").click();
        browser.await("#ed-unschedule");
        problems.add(overflow("editor of a scheduled post"));
        // the buttons end on the right, so a row too wide sticks out on the left, which scrollWidth does not see
        Object cut = browser.driver.executeScript("const d = document.getElementById('editor').getBoundingClientRect();"
                + "return Array.from(document.querySelectorAll('#editor menu button')).filter(b => !b.hidden)"
                + ".filter(b => { const r = b.getBoundingClientRect(); return r.left < d.left || r.right > d.right; })"
                + ".map(b => b.textContent).join(', ');");
        problems.add(cut.toString().isEmpty() ? "" : "editor buttons cut off at the dialog's edge: " + cut);
        for (String page : List.of("/clips", "/datasets/clips", "/jobs", "/channels")) {
            browser.driver.get(web.base() + page);
            browser.await("main");
            problems.add(overflow(page));
            browser.screenshot("phone-" + page.substring(1).replace('/', '-'));
        }
        problems.removeIf(String::isEmpty);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Dogfood round 3 #7: at 390 px the week grid's days overlapped and its posts were unreadable slivers, so a phone
     * starts on the list; a view the user picks is kept. The week grid's hours read 24 h like the list's times.
     */
    @Test
    void aPhoneStartsOnTheListAndKeepsTheViewTheUserPicks() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/calendar?date=2026-12-02");
        browser.await("#calendar .fc-list");
        assertTrue(browser.driver.findElements(By.cssSelector("#calendar .fc-daygrid, #calendar .fc-timegrid")).isEmpty());
        browser.await(".fc-timeGridWeek-button").click();
        browser.await("#calendar .fc-timegrid");
        browser.driver.get(web.base() + "/calendar?date=2026-12-02");
        WebElement slot = browser.await("#calendar .fc-timegrid-slot-label-cushion");
        assertTrue(slot.getText().matches("\\d\\d:\\d\\d"), "24 h slot labels, not " + slot.getText());
    }

    /**
     * Dogfood round 3 #7: the Channels table was 454 px in a 371 px scroll box, cutting the posting rule form; on a phone
     * each channel is a card with the form full width; folder channels have nothing to connect and no account
     * repeating their name.
     */
    @Test
    void channelsAreStackedCardsWithTheRuleFormFullWidthAtPhoneWidth() {
        browser.login(web.base(), WebFixture.PASSWORD);
        Channel folder = web.publishing.channels().add("out", "folder", "out", java.time.ZoneId.of("UTC"),
                Map.of("path", dir.toString()));
        browser.driver.get(web.base() + "/channels");
        WebElement card = browser.await("tr[data-channel='" + folder.name() + "']");
        Object cut = browser.driver.executeScript("const w = window.innerWidth; const bad = [];"
                + "document.querySelectorAll('.channels form.rule input:not([type=hidden]), .channels form.rule button').forEach(e => {"
                + " const r = e.getBoundingClientRect(); if (r.right > w || r.left < 0 || r.width < 200) bad.push(e.name + ' ' + Math.round(r.left) + '-' + Math.round(r.right)); });"
                + "document.querySelectorAll('.channels table, .channels tbody, .channels tr').forEach(e => {"
                + " if (e.scrollWidth > e.clientWidth + 1) bad.push(e.tagName + ' scrolls ' + e.scrollWidth + '>' + e.clientWidth); });"
                + "return bad.join(', ');");
        assertEquals("", cut, "the posting rule form is cut or squeezed");
        String text = card.getText();
        assertFalse(text.contains("token"), text);
        assertTrue(text.contains("nothing to connect"), text);
        assertEquals("—", card.findElement(By.cssSelector("td[data-label='Account']")).getText().replace("Account", "").strip(), text);
        browser.screenshot("phone-channels-cards");
    }
}
