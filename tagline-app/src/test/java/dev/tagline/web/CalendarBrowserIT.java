package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.plan.PostingRule;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Issue #10 point 7 in headless Chromium: login, drag and drop, caption edit, escaping, CSRF, media 404. */
class CalendarBrowserIT extends BrowserAndServer {
    Post talk;
    Post evil;
    Post failed;
    Post unplanned;

    @BeforeEach
    void start() throws Exception {
        Channel yt = web.channel("yt", "youtube", "Europe/Berlin");
        Channel tt = web.channel("tt", "tiktok", "Europe/Berlin");
        Channel out = web.channel("archive", "folder", "Europe/Berlin");
        web.publishing.rules().set(yt.id(), new PostingRule(PostingRule.parseDays("mon-fri"),
                PostingRule.parseTimes("09:00,18:00"), 2, 10, Duration.ofHours(3), Set.of()));
        talk = web.post(yt, "Keynote highlight", "Why captions matter #talk", Instant.parse("2026-12-02T08:00:00Z"));
        web.post(tt, "Demo in 30 s", "Live demo #demo #tagline", Instant.parse("2026-12-02T17:00:00Z"));
        web.post(yt, "Q&A best bits", "Questions from the floor", Instant.parse("2026-12-09T17:00:00Z"));
        web.post(out, "Archive copy", "kept on disk", Instant.parse("2026-12-10T10:00:00Z"));
        web.finish(web.post(yt, "Launch teaser", "Out now", Instant.parse("2026-12-01T07:00:00Z")),
                "https://youtu.be/teaser", null);
        failed = web.post(tt, "Too long", "c", Instant.parse("2026-12-01T07:30:00Z"));
        web.finish(failed, null, "video longer than the creator's max_video_post_duration_sec (60)");
        evil = web.post(tt, "Script <b>test</b>", "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">",
                Instant.parse("2026-12-11T16:00:00Z"));
        unplanned = web.post(yt, "Unplanned", "<script>window.pwned=3</script> waiting in the queue", null);
        Files.writeString(dir.resolve("secret.txt"), "outside");
    }

    @Test
    void logInDragAPostToAnotherDayAndFindItMovedAfterAReload() {
        browser.driver.get(web.base() + "/calendar");
        browser.await("#password");
        browser.screenshot("login");
        browser.login(web.base(), WebFixture.PASSWORD);
        assertTrue(browser.driver.getCurrentUrl().endsWith("/calendar"));
        WebElement event = browser.await("[data-post-id='" + talk.id() + "']");
        browser.screenshot("calendar-month");
        WebElement target = browser.driver.findElement(By.cssSelector("td.fc-daygrid-day[data-date='2026-12-04']"));
        new Actions(browser.driver).clickAndHold(event).pause(Duration.ofMillis(200)).moveByOffset(5, 5)
                .pause(Duration.ofMillis(100)).moveToElement(target).pause(Duration.ofMillis(200)).release().perform();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "moved to 2026-12-04"));
        browser.screenshot("calendar-moved-undo");
        browser.driver.navigate().refresh();
        browser.await("td.fc-daygrid-day[data-date='2026-12-04'] [data-post-id='" + talk.id() + "']");
        assertEquals(Instant.parse("2026-12-04T08:00:00Z"), web.publishing.posts().byId(talk.id()).scheduledAt());
    }

    /** The posts of {@link #threePlannedPosts}, queued in this order: c has the best clip score, a the lowest. */
    record Planned(Post a, Post b, Post c) {
    }

    /**
     * The toast tests' channel: "plan" in {@code zone}, one post a day at 09:00 or 18:00 with no gap, holding posts a,
     * b and c, which Auto-schedule placed (c, the best clip, first).
     */
    private Planned threePlannedPosts(String zone) {
        Channel plan = web.channel("plan", "folder", zone);
        web.publishing.rules().set(plan.id(), new PostingRule(PostingRule.parseDays("daily"),
                PostingRule.parseTimes("09:00,18:00"), 1, 7, Duration.ZERO, Set.of()));
        Planned planned = new Planned(web.post(plan, "Plan a", "a", null), web.post(plan, "Plan b", "b", null),
                web.post(plan, "Plan c", "c", null));
        web.publishing.scheduler().schedule(plan);
        return planned;
    }

    /**
     * Dogfood round 6 H5: a move re-planned the channel and moved its other auto-placed posts unannounced (the toast
     * named only the moved post). Now only an auto-placed post the new time breaks the rule for moves, the toast names
     * it and where it went, and Undo puts both back.
     */
    @Test
    void aMoveSilentlyMovedTheChannelsOtherPosts_nowTheToastNamesEachOneAndUndoRestoresThem() {
        Planned planned = threePlannedPosts("Europe/Berlin");
        Post a = planned.a();
        Post b = planned.b();
        Post c = planned.c();
        // the clock is 2026-12-01 09:00 in Berlin: the best clip (c) today 18:00, then b and a on the next days at 09:00
        Instant today18 = Instant.parse("2026-12-01T17:00:00Z");
        Instant dec2 = Instant.parse("2026-12-02T08:00:00Z");
        Instant dec3 = Instant.parse("2026-12-03T08:00:00Z");
        assertEquals(java.util.List.of(today18, dec2, dec3), java.util.List.of(web.publishing.posts().byId(c.id())
                .scheduledAt(), web.publishing.posts().byId(b.id()).scheduledAt(),
                web.publishing.posts().byId(a.id()).scheduledAt()));

        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("[data-post-id='" + c.id() + "']").click();
        browser.await("#ed-title");
        typeTime("2026-12-02", "20:00");
        browser.driver.findElement(By.id("ed-save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "It also moved"));
        assertTrue(browser.driver.findElement(By.id("toast-text")).getText().contains("It also moved post " + b.id()
                + " to 2026-12-01 18:00 Europe/Berlin to keep the posting rule of plan."),
                browser.driver.findElement(By.id("toast-text")).getText());
        assertEquals(today18, web.publishing.posts().byId(b.id()).scheduledAt(), "b shared c's new day");
        assertEquals(dec3, web.publishing.posts().byId(a.id()).scheduledAt(), "a did not move");
        browser.driver.findElement(By.id("undo")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "Move undone."));
        assertEquals(java.util.List.of(today18, dec2, dec3), java.util.List.of(web.publishing.posts().byId(c.id())
                .scheduledAt(), web.publishing.posts().byId(b.id()).scheduledAt(),
                web.publishing.posts().byId(a.id()).scheduledAt()), "Undo put both back");
        assertEquals(Post.PlannedBy.AUTO, web.publishing.posts().byId(b.id()).plannedBy());
    }

    /**
     * Dogfood round 7 J3: with the calendar in UTC and the channel in New York, the save toast gave the moved post's
     * time in UTC and the other post's in New York, under one "(times in America/New_York)" for both. Now every time
     * names its zone: the calendar's first, the channel's clock in parentheses.
     */
    @Test
    void aToastGaveTheMovedPostInUtcAndTheOtherInNewYork_nowEachTimeNamesTheCalendarsZoneAndTheChannelsClock() {
        Planned planned = threePlannedPosts("America/New_York");
        Post a = planned.a();
        Post b = planned.b();
        Post c = planned.c();
        // the clock is 2026-12-01 03:00 in New York: c today 09:00 (14:00 UTC), then b and a on the next days at 09:00
        assertEquals(Instant.parse("2026-12-01T14:00:00Z"), web.publishing.posts().byId(c.id()).scheduledAt());
        assertEquals(Instant.parse("2026-12-02T14:00:00Z"), web.publishing.posts().byId(b.id()).scheduledAt());

        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/calendar?view=month&date=2026-12-01&tz=UTC");
        browser.await("[data-post-id='" + c.id() + "']").click();
        browser.await("#ed-title");
        typeTime("2026-12-02", "20:00");
        browser.driver.findElement(By.id("ed-save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "It also moved"));
        String toast = browser.driver.findElement(By.id("toast-text")).getText();
        assertTrue(toast.startsWith("Post " + c.id() + " saved and moved to 2026-12-02 20:00 UTC (15:00 in"
                + " America/New_York). It also moved post " + b.id() + " to 2026-12-01 14:00 UTC (09:00 in"
                + " America/New_York) to keep the posting rule of plan."), toast);
        assertFalse(toast.contains("times in"), toast);
        assertEquals(Instant.parse("2026-12-01T14:00:00Z"), web.publishing.posts().byId(b.id()).scheduledAt());
        assertEquals(Instant.parse("2026-12-03T14:00:00Z"), web.publishing.posts().byId(a.id()).scheduledAt());
    }

    /**
     * Dogfood round 6 H9: with the calendar in UTC and a channel in New York, the editor showed only "Time (UTC)" in a
     * datetime-local field that follows the browser's locale (12 h AM/PM in en-US), never the channel's own 09:00, and
     * the toasts gave a time without a zone. Now a date and a 24 h HH:MM field, the channel's clock beside them as it
     * is typed, and toasts that name the calendar's zone and the channel's clock.
     */
    @Test
    void theEditorShowedOnlyTheCalendarsZoneIn12Hours_nowA24HourFieldWithTheChannelsClockAndToastsNameTheZone() {
        browser.close();
        browser = Browser.start("en-US");
        Channel ny = web.channel("ny", "folder", "America/New_York");
        web.publishing.rules().set(ny.id(), new PostingRule(PostingRule.parseDays("mon-fri"),
                PostingRule.parseTimes("09:00,18:00"), 2, 10, Duration.ofHours(3), Set.of()));
        Post p = web.post(ny, "For New York", "c", Instant.parse("2026-12-07T14:00:00Z"));
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/calendar?view=month&date=2026-12-07&tz=UTC");
        browser.await("[data-post-id='" + p.id() + "']").click();
        WebElement clock = browser.await("#ed-clock");
        assertEquals("UTC", browser.driver.findElement(By.id("ed-zone")).getText());
        assertEquals("2026-12-07", browser.driver.findElement(By.id("ed-date")).getAttribute("value"));
        assertEquals("14:00", clock.getAttribute("value"), "24 h in an en-US browser");
        assertEquals("09:00 Mon 7 Dec 2026 in America/New_York (ny's clock)", channelTime());

        clock.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        clock.sendKeys("25:00");
        assertEquals("Type the time as HH:MM, 24 h (e.g. 09:00 or 18:30).", channelTime());
        browser.driver.findElement(By.id("ed-save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ed-error"), "HH:MM, 24 h"));
        assertEquals(Instant.parse("2026-12-07T14:00:00Z"), web.publishing.posts().byId(p.id()).scheduledAt());
        clock.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        clock.sendKeys("1500");
        assertEquals("10:00 Mon 7 Dec 2026 in America/New_York (ny's clock)", channelTime(), "updated as typed");
        clock.sendKeys(Keys.TAB);
        assertEquals("15:00", clock.getAttribute("value"));
        browser.driver.findElement(By.id("ed-save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "saved and moved"));
        String saved = browser.driver.findElement(By.id("toast-text")).getText();
        assertTrue(saved.startsWith("Post " + p.id() + " saved and moved to 2026-12-07 15:00 UTC (10:00 in"
                + " America/New_York). Warning: "), saved);
        assertEquals(Instant.parse("2026-12-07T15:00:00Z"), web.publishing.posts().byId(p.id()).scheduledAt());

        WebElement event = browser.await("td.fc-daygrid-day[data-date='2026-12-07'] [data-post-id='" + p.id() + "']");
        WebElement target = browser.driver.findElement(By.cssSelector("td.fc-daygrid-day[data-date='2026-12-08']"));
        new Actions(browser.driver).clickAndHold(event).pause(Duration.ofMillis(200)).moveByOffset(5, 5)
                .pause(Duration.ofMillis(100)).moveToElement(target).pause(Duration.ofMillis(200)).release().perform();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"),
                "Post " + p.id() + " moved to 2026-12-08 15:00 UTC (10:00 in America/New_York)."));
    }

    /**
     * The channel's clock beside the time fields is worked out in the browser: it must be the moment the server
     * saves, also for a wall time that does not exist in the calendar's zone (Berlin's clocks skip 02:00–03:00).
     */
    @Test
    void theChannelsClockBesideTheFieldsIsTheMomentTheServerSaves_alsoInADaylightSavingGap() {
        Channel ny = web.channel("ny", "folder", "America/New_York");
        Post p = web.post(ny, "Spring", "c", Instant.parse("2026-12-07T14:00:00Z"));
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/calendar?view=month&date=2026-12-07&tz=Europe/Berlin");
        browser.await("[data-post-id='" + p.id() + "']").click();
        browser.await("#ed-clock");
        assertEquals("09:00 Mon 7 Dec 2026 in America/New_York (ny's clock)", channelTime());
        typeTime("2027-03-28", "02:30");
        assertEquals("21:30 Sat 27 Mar 2027 in America/New_York (ny's clock). 02:30 does not exist in Europe/Berlin"
                + " (the clocks go forward): it is 03:30 there.", channelTime());
        browser.driver.findElement(By.id("ed-save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "Post " + p.id()
                + " saved and moved to 2027-03-28 03:30 Europe/Berlin (2027-03-27 21:30 in America/New_York)."));
        assertEquals(Instant.parse("2027-03-28T01:30:00Z"), web.publishing.posts().byId(p.id()).scheduledAt());
    }

    /** The editor's time fields: the date set as the date picker would, the 24 h time typed key by key. */
    private void typeTime(String date, String hhmm) {
        browser.driver.executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input'));", browser.driver.findElement(By.id("ed-date")), date);
        WebElement clock = browser.driver.findElement(By.id("ed-clock"));
        clock.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        clock.sendKeys(hhmm);
    }

    private String channelTime() {
        return browser.driver.findElement(By.id("ed-channel-time")).getText();
    }

    @Test
    void theXCounterCountedPlainCharacters_nowXsWeightedCount() {
        Post x = web.post(web.channel("xx", "x", "Europe/Berlin"), "X post", "short", Instant.parse("2026-12-03T10:00:00Z"));
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("[data-post-id='" + x.id() + "']").click();
        WebElement caption = browser.await("#ed-caption");
        browser.driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
                caption, "漢".repeat(150) + "🎬🎬🎬 https://example.com/a/very/long/path/that/x/counts/as/23");
        WebElement count = browser.driver.findElement(By.id("ed-caption-count"));
        assertEquals("330 / 280 weighted characters", count.getText(), "150 CJK x2, 3 emoji x2, a space, a URL 23");
        assertTrue(count.getAttribute("class").contains("over"));
    }

    @Test
    void editACaptionWithLiveCountsAndSeeScriptsAsText() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("[data-post-id='" + evil.id() + "']").click();
        WebElement caption = browser.await("#ed-caption");
        assertEquals("<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">", caption.getAttribute("value"));
        caption.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        caption.sendKeys("New caption #one #two");
        assertEquals("21 / 2200 characters", browser.driver.findElement(By.id("ed-caption-count")).getText());
        assertEquals("2 hashtags", browser.driver.findElement(By.id("ed-hashtags")).getText());
        browser.screenshot("post-editor");
        browser.driver.findElement(By.id("ed-save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "saved"));
        assertEquals("New caption #one #two", web.publishing.posts().byId(evil.id()).caption());
        String queue = browser.driver.findElement(By.id("queue")).getText();
        assertTrue(queue.contains("<script>window.pwned=3</script> waiting in the queue"), queue);
        assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.pwned === undefined"));
    }

    /** Dogfood web #2: a failed post showed its reason with every field disabled; now it can be edited and retried. */
    @Test
    void aFailedPostIsEditedAndRetriedFromTheEditorUnlessThePlatformTookIt() {
        Post taken = web.post(web.publishing.channels().byName("yt"), "Taken", "c", Instant.parse("2026-12-01T07:45:00Z"));
        web.finish(taken, null, "thumbnail refused", Post.Step.CREATED, java.util.Map.of("external_id", "vid-3"));
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("[data-post-id='" + taken.id() + "']").click();
        WebElement why = browser.await("#ed-retry-why");
        assertTrue(why.getText().startsWith("Retry is not offered: it failed after youtube had taken the video"),
                why.getText());
        assertTrue(!browser.driver.findElement(By.id("ed-retry")).isDisplayed());
        assertTrue(!browser.driver.findElement(By.id("ed-caption")).isEnabled());
        browser.driver.findElement(By.id("ed-close")).click();

        browser.await("[data-post-id='" + failed.id() + "']").click();
        WebElement caption = browser.await("#ed-caption");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ed-retry")));
        assertTrue(caption.isEnabled());
        assertEquals("", browser.driver.findElement(By.id("ed-date")).getAttribute("value"), "no past time offered");
        assertEquals("", browser.driver.findElement(By.id("ed-clock")).getAttribute("value"), "no past time offered");
        caption.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        caption.sendKeys("Cut to 60 s #fixed");
        browser.screenshot("post-editor-retry");
        browser.driver.findElement(By.id("ed-retry")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "back in the queue"));
        Post now = web.publishing.posts().byId(failed.id());
        assertEquals(dev.tagline.publish.store.PostState.QUEUED, now.state());
        assertEquals("Cut to 60 s #fixed", now.caption());
    }

    /**
     * Dogfood round 8 K5: on a webhook that dedupes by Idempotency-Key, the editor asked the user to check the platform
     * (Posted / Not posted) for a post Tagline re-sends by itself. It now says when it is retried and why that is safe,
     * and offers no Posted / Not posted.
     */
    @Test
    void anIdempotentWebhookPostAskedForACheckInTheEditor_nowItSaysRetryingAtATime() {
        Channel hook = web.publishing.channels().add("hook2", "webhook", "hook2", java.time.ZoneId.of("UTC"),
                java.util.Map.of("url", "http://127.0.0.1:9/hook", "media-base-url", "http://127.0.0.1:8080",
                        "idempotent", "true"));
        Post lost = web.post(hook, "Resent", "c", Instant.parse("2026-12-01T07:35:00Z"));
        web.unconfirm(lost);
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("[data-post-id='" + lost.id() + "']").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ed-resolve-why"), "Retrying at"));
        String why = browser.driver.findElement(By.id("ed-resolve-why")).getText();
        assertTrue(why.contains("(safe: the receiver dedupes by Idempotency-Key tagline-post-" + lost.id() + ")")
                && why.contains("Nothing to check."), why);
        assertTrue(!browser.driver.findElement(By.id("ed-posted")).isDisplayed()
                && !browser.driver.findElement(By.id("ed-not-posted")).isDisplayed(), "no resolve to offer");
        assertTrue(!browser.driver.findElement(By.id("ed-save")).isDisplayed(), "nothing to save");
    }

    /**
     * Dogfood round 5 G4: an unconfirmed post had no way out in the editor. It now says the outcome is unknown and
     * offers Posted (with an optional link) and Not posted (sent again), each after a confirmation.
     */
    @Test
    void anUnconfirmedPostIsResolvedFromTheEditorAfterConfirming() {
        Channel yt = web.publishing.channels().byName("yt");
        Post lost = web.post(yt, "Lost answer", "c", Instant.parse("2026-12-01T07:40:00Z"));
        web.unconfirm(lost);
        Post found = web.post(yt, "Found there", "c", Instant.parse("2026-12-01T07:45:00Z"));
        web.unconfirm(found);
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("[data-post-id='" + lost.id() + "']").click();
        WebElement notPosted = browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ed-not-posted")));
        assertTrue(browser.driver.findElement(By.id("ed-resolve-why")).getText().contains("whether youtube has this"
                + " post is not known"), browser.driver.findElement(By.id("ed-resolve-why")).getText());
        assertTrue(!browser.driver.findElement(By.id("ed-save")).isDisplayed(), "nothing to save");
        assertTrue(!browser.driver.findElement(By.id("ed-cancel")).isDisplayed(), "cancel refuses it");
        browser.screenshot("post-editor-unconfirmed");
        notPosted.click();
        browser.wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals(dev.tagline.publish.store.PostState.UNCONFIRMED, web.publishing.posts().byId(lost.id()).state());
        browser.driver.findElement(By.id("ed-not-posted")).click();
        org.openqa.selenium.Alert confirm = browser.wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(confirm.getText().startsWith("Post " + lost.id() + " is not on youtube? It will be sent again now."),
                confirm.getText());
        confirm.accept();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "is sent again"));
        assertEquals(dev.tagline.publish.store.PostState.SCHEDULED, web.publishing.posts().byId(lost.id()).state());

        browser.await("[data-post-id='" + found.id() + "']").click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ed-posted"))).click();
        org.openqa.selenium.Alert prompt = browser.wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(prompt.getText().startsWith("Post " + found.id() + " is on youtube?"), prompt.getText());
        prompt.sendKeys("https://youtu.be/found");
        prompt.accept();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "is marked"
                + " published"));
        Post published = web.publishing.posts().byId(found.id());
        assertEquals(dev.tagline.publish.store.PostState.PUBLISHED, published.state());
        assertEquals("https://youtu.be/found", published.externalUrl());
    }

    /** Dogfood web #5: Cancel in the editor, after a confirmation; dismissing it changes nothing. */
    @Test
    void aPostIsCancelledFromTheEditorAfterConfirming() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("[data-post-id='" + talk.id() + "']").click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ed-cancel"))).click();
        browser.wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals(dev.tagline.publish.store.PostState.SCHEDULED, web.publishing.posts().byId(talk.id()).state());
        browser.driver.findElement(By.id("ed-cancel")).click();
        org.openqa.selenium.Alert confirm = browser.wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(confirm.getText().startsWith("Cancel post " + talk.id() + " on yt?"), confirm.getText());
        confirm.accept();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "is cancelled"));
        assertEquals(dev.tagline.publish.store.PostState.CANCELLED, web.publishing.posts().byId(talk.id()).state());
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(
                "[data-post-id='" + talk.id() + "']")));
    }

    /**
     * A post whose text was edited here never followed its clip again. The editor shows the clip's copy beside the
     * post's own text, and "Use the clip's copy" gives it that copy: the editor then shows it following the clip.
     */
    @Test
    void anEditedPostHadNoWayBack_nowTheEditorShowsTheClipsCopyAndUsesItOnRequest() {
        assertTrue(web.publishing.copies().editCopy(talk.id(), "My own title", "My own caption"));
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("[data-post-id='" + talk.id() + "']").click();
        WebElement use = browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ed-follow-clip")));
        assertEquals("My own caption", browser.driver.findElement(By.id("ed-caption")).getAttribute("value"));
        assertEquals("Keynote highlight", browser.driver.findElement(By.id("ed-clip-title")).getText());
        assertEquals("Why captions matter #talk", browser.driver.findElement(By.id("ed-clip-caption")).getText());
        browser.screenshot("post-editor-clip-copy");
        use.click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"),
                "Post " + talk.id() + " on yt follows its clip's copy again"));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("ed-clip-copy")));
        assertEquals("Keynote highlight", browser.driver.findElement(By.id("ed-title")).getAttribute("value"));
        assertEquals("Why captions matter #talk", browser.driver.findElement(By.id("ed-caption")).getAttribute("value"));
        assertTrue(browser.driver.findElement(By.id("ed-copy-note")).getText().startsWith("Text from the clip"));
        Post back = web.publishing.posts().byId(talk.id());
        assertTrue(!back.copyEdited());
        assertEquals("Keynote highlight", back.title());

        browser.driver.findElement(By.id("ed-close")).click();
        browser.await("[data-post-id='" + evil.id() + "']").click();
        browser.await("#ed-caption");
        assertTrue(!browser.driver.findElement(By.id("ed-clip-copy")).isDisplayed(), "a post that follows: no offer");
    }

    /**
     * Dogfood web: a scheduled post could not go back to the Unscheduled list without being cancelled. Unschedule in
     * the editor (offered only for a post with a time), and Undo gives it its time back.
     */
    @Test
    void aScheduledPostCouldNotBeUnscheduled_nowTheEditorSendsItToTheUnscheduledListWithUndo() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("#queue [data-post-id='" + unplanned.id() + "'] .open-post").click();
        browser.await("#ed-title");
        assertTrue(!browser.driver.findElement(By.id("ed-unschedule")).isDisplayed(), "a queued post has no time");
        browser.driver.findElement(By.id("ed-close")).click();

        browser.await("[data-post-id='" + talk.id() + "']").click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ed-unschedule"))).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"),
                "Post " + talk.id() + " on yt is back in the Unscheduled list"));
        browser.await("#queue [data-post-id='" + talk.id() + "']");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(
                "#calendar [data-post-id='" + talk.id() + "']")));
        Post back = web.publishing.posts().byId(talk.id());
        assertEquals(dev.tagline.publish.store.PostState.QUEUED, back.state());
        assertEquals(null, back.scheduledAt());
        browser.screenshot("calendar-unscheduled-undo");

        browser.driver.findElement(By.id("undo")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"), "Unschedule undone."));
        browser.await("td.fc-daygrid-day[data-date='2026-12-02'] [data-post-id='" + talk.id() + "']");
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(
                "#queue [data-post-id='" + talk.id() + "']"), 0));
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), web.publishing.posts().byId(talk.id()).scheduledAt());

        // a worker takes the post while its editor is open: the editor says why, in one line, and nothing changes
        browser.await("[data-post-id='" + talk.id() + "']").click();
        WebElement unschedule = browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ed-unschedule")));
        Post scheduled = web.publishing.posts().byId(talk.id());
        web.publishing.jobs().claim(new dev.tagline.publish.store.JobStore.Due(talk.id(), scheduled.scheduleVersion(),
                talk.channelId(), "youtube"), "w", scheduled.dueAt(), scheduled.dueAt().plusSeconds(60)).orElseThrow();
        unschedule.click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ed-error"), "Post " + talk.id()
                + " is being published by a worker and cannot be unscheduled. Only scheduled posts that have not"
                + " started publishing can be unscheduled."));
        assertEquals(dev.tagline.publish.store.PostState.PUBLISHING, web.publishing.posts().byId(talk.id()).state());
        browser.driver.findElement(By.id("ed-close")).click();

        Post published = web.publishing.posts().inState(dev.tagline.publish.store.PostState.PUBLISHED).get(0);
        browser.await("[data-post-id='" + published.id() + "']").click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ed-status"), "published"));
        assertTrue(!browser.driver.findElement(By.id("ed-unschedule")).isDisplayed(), "nothing to take from a sent post");
    }

    /** Dogfood web #5: a queued post (no time) was a dead end; the Unscheduled list opens it in the editor. */
    @Test
    void aQueuedPostIsOpenedFromTheUnscheduledListAndGivenATime() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("#queue [data-post-id='" + unplanned.id() + "'] .open-post").click();
        WebElement title = browser.await("#ed-title");
        assertEquals("Unplanned", title.getAttribute("value"));
        WebElement time = browser.driver.findElement(By.id("ed-clock"));
        assertEquals("", time.getAttribute("value"));
        assertEquals("", browser.driver.findElement(By.id("ed-date")).getAttribute("value"));
        assertTrue(time.isEnabled());
        typeTime("2026-12-07", "09:00");
        browser.driver.findElement(By.id("ed-save")).click();
        // its caption holds <script>, which YouTube refuses: the editor says so and keeps the dialog open
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ed-error"), "YouTube refuses"));
        assertEquals(null, web.publishing.posts().byId(unplanned.id()).scheduledAt(), "a refused Save changes nothing");
        WebElement caption = browser.driver.findElement(By.id("ed-caption"));
        caption.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        caption.sendKeys("Waiting no more");
        browser.driver.findElement(By.id("ed-save")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"),
                "saved and moved to 2026-12-07 09:00"));
        assertEquals(Instant.parse("2026-12-07T08:00:00Z"), web.publishing.posts().byId(unplanned.id()).scheduledAt());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("queue"), "Nothing queued."));
        browser.await("td.fc-daygrid-day[data-date='2026-12-07'] [data-post-id='" + unplanned.id() + "']");
    }

    /** Dogfood web #5: the toast said only "placed 3 post(s)" and never why a channel's posts got no time. */
    @Test
    void autoScheduleSaysWhichChannelsItSkippedAndWhyAndEmptiesTheUnscheduledList() {
        web.post(web.channel("xx", "x", "UTC"), "For X", "c", null);
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("#queue [data-post-id='" + unplanned.id() + "']");
        browser.driver.findElement(By.id("auto-schedule")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"),
                "xx skipped (1 queued): no posting rule"));
        assertTrue(browser.driver.findElement(By.id("toast-text")).getText().startsWith("Auto-schedule placed 1 post(s)."));
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#queue [data-post-id]"), 1));
        assertEquals("xx · For X", browser.driver.findElement(By.cssSelector("#queue .open-post")).getText());
    }

    /** Dogfood web #8: Publish now with no worker running looked done. */
    @Test
    void publishNowWithNoWorkerSaysTheCalendarIsWaitingForOne() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.await("[data-post-id='" + talk.id() + "']").click();
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("ed-publish"))).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast-text"),
                "Due now, but not sent yet. Waiting for a worker: none has ever run on this database"));
        WebElement event = browser.await("[data-post-id='" + talk.id() + "'][data-status='waiting for worker']");
        assertTrue(event.getAttribute("title").contains("start 'tagline publish run'"), event.getAttribute("title"));
    }

    @Test
    void aRequestWithoutTheCsrfTokenGets403AndDotDotInAMediaPathGets404() {
        browser.login(web.base(), WebFixture.PASSWORD);
        Object noToken = browser.driver.executeAsyncScript("const done = arguments[0];"
                + "fetch('/api/auto-schedule', {method: 'POST', credentials: 'same-origin'}).then(r => done(r.status));");
        assertEquals(403L, noToken);
        Object withToken = browser.driver.executeAsyncScript("const done = arguments[0];"
                + "window.tagline.api('POST', '/api/auto-schedule').then(() => done(200), e => done(e.message));");
        assertEquals(200L, withToken);
        Object dotDot = browser.driver.executeAsyncScript("const done = arguments[0];"
                + "fetch('/media/clips/..%2Fsecret.txt').then(r => done(r.status));");
        assertEquals(404L, dotDot);
    }

    @Test
    void aDenseDayShowsItsFirstThreePostsAndAMoreLinkThatOpensTheWholeDay() {
        Channel yt = web.publishing.channels().byName("yt");
        for (int i = 0; i < 5; i++) {
            web.post(yt, "Dense " + i, "c", Instant.parse("2026-12-16T08:00:00Z").plusSeconds(3600L * i));
        }
        browser.login(web.base(), WebFixture.PASSWORD);
        WebElement more = browser.await("td.fc-daygrid-day[data-date='2026-12-16'] [data-more-date='2026-12-16']");
        assertEquals("+2 more", more.getText());
        assertEquals(3, browser.driver.findElements(By.cssSelector(
                "td.fc-daygrid-day[data-date='2026-12-16'] [data-post-id]")).size());
        browser.screenshot("calendar-dense-day");
        more.click();
        try {
            browser.wait.until(d -> d.findElements(By.cssSelector(".fc-list [data-post-id]")).size() == 5);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("debug-dense");
            throw new AssertionError(browser.driver.findElement(By.id("calendar")).getText() + " / "
                    + browser.driver.manage().logs().get("browser").getAll(), e);
        }
    }

    @Test
    void theChannelsPageOffersConnectForOAuthPlatforms() {
        web.publishing.channels().setState(web.publishing.channels().byName("tt").id(),
                Channel.State.NEEDS_RECONNECT, "refresh token revoked");
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/channels");
        WebElement tt = browser.await("tr[data-channel='tt']");
        assertTrue(tt.getText().contains("needs reconnect — refresh token revoked"), tt.getText());
        assertEquals(1, tt.findElements(By.cssSelector("form.connect")).size());
        assertEquals(0, browser.driver.findElements(By.cssSelector("tr[data-channel='archive'] form.connect")).size());
        browser.screenshot("channels");
    }

    /** Dogfood round 6 H10: {@code ?view=week} and {@code ?view=list}, the toolbar's names, opened the month view. */
    @Test
    void viewWeekAndViewListOpenedTheMonth_nowTheToolbarsNamesPickTheView() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/calendar?view=week&date=2026-12-02");
        browser.await(".fc-timeGridWeek-view [data-post-id='" + talk.id() + "']");
        browser.driver.get(web.base() + "/calendar?view=list&date=2026-12-02");
        browser.await(".fc-list [data-post-id='" + talk.id() + "']");
        browser.driver.get(web.base() + "/calendar?view=month&date=2026-12-02");
        browser.await(".fc-dayGridMonth-view [data-post-id='" + talk.id() + "']");
        browser.driver.get(web.base() + "/calendar?view=timeGridWeek&date=2026-12-02");
        browser.await(".fc-timeGridWeek-view [data-post-id='" + talk.id() + "']");
    }

    /** Dogfood round 6 H13: the calendar's prev/next buttons had a title but no accessible name. */
    @Test
    void prevAndNextHadNoAccessibleName_nowEachHasAnAriaLabelInEveryView() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/calendar?view=month&date=2026-12-02");
        browser.await(".fc-dayGridMonth-view");
        assertEquals("Previous month", browser.await(".fc-prev-button").getAttribute("aria-label"));
        assertEquals("Next month", browser.await(".fc-next-button").getAttribute("aria-label"));
        browser.await(".fc-timeGridWeek-button").click();
        browser.await(".fc-timeGridWeek-view");
        assertEquals("Previous week", browser.await(".fc-prev-button").getAttribute("aria-label"));
    }

    @Test
    void weekAndListViewsAndTheTimeZoneSelector() {
        browser.login(web.base(), WebFixture.PASSWORD);
        browser.driver.get(web.base() + "/calendar?view=timeGridWeek&date=2026-12-02&tz=America/New_York");
        WebElement event = browser.await("[data-post-id='" + talk.id() + "']");
        assertTrue(event.getText().contains("03:00"), event.getText());
        browser.screenshot("calendar-week");
        browser.driver.get(web.base() + "/calendar?view=listMonth&tz=Europe/Berlin");
        browser.await(".fc-list [data-post-id='" + talk.id() + "']");
        browser.screenshot("calendar-list");
        // "today" is the chosen zone's date, not UTC's: a zone whose date differs from UTC's now (the browser's real
        // clock, not the fixture's): UTC+14 from 10:00 UTC, UTC-11 before 11:00 UTC
        java.time.ZoneId zone = java.time.ZoneId.of(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour() >= 10
                ? "Pacific/Kiritimati" : "Pacific/Pago_Pago");
        java.time.LocalDate there = java.time.LocalDate.now(zone);
        assertTrue(!there.equals(java.time.LocalDate.now(java.time.ZoneOffset.UTC)), "a zone on another date");
        browser.driver.get(web.base() + "/calendar?view=dayGridMonth&tz=" + zone.getId() + "&date=" + there);
        String today = browser.await(".fc-day-today").getAttribute("data-date");
        assertEquals(there.toString(), today, "today on the calendar is " + zone.getId() + "'s date");
    }
}
