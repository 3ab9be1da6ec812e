package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.publish.plan.PostingRule;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dogfood web #5: Auto-schedule skipped a channel without a posting rule, and the web app had no way to give it one.
 * The Channels page sets a rule as 'tagline publish rules set' does.
 */
class ChannelRulesIT {
    @TempDir
    Path dir;
    WebFixture web;
    WebFixture.Login login;
    Channel xx;

    @BeforeEach
    void start() {
        web = WebFixture.start(dir);
        xx = web.channel("xx", "x", "UTC");
        login = web.login();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> save(Map<String, String> fields) {
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("_csrf", login.csrf());
        return web.send(web.form("/channels/" + xx.id() + "/rule", login.cookie(), all));
    }

    @Test
    void aRuleSetOnTheChannelsPagePlacesTheQueuedPostsAndKeepsBlackoutDays() {
        Post queued = web.post(xx, "X", "c", null);
        HttpResponse<String> noCsrf = web.send(web.form("/channels/" + xx.id() + "/rule", login.cookie(),
                Map.of("times", "09:00")));
        assertEquals(403, noCsrf.statusCode());
        assertTrue(web.publishing.rules().find(xx.id()).isEmpty());

        HttpResponse<String> r = save(Map.of("days", "mon-fri", "times", "09:00,18:00", "spacing", "3h"));
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/channels?saved=" + xx.id() + "&placed=1", r.headers().firstValue("Location").orElseThrow());
        PostingRule rule = web.publishing.rules().find(xx.id()).orElseThrow();
        assertEquals("MON,TUE,WED,THU,FRI", rule.daysText());
        assertEquals(2, rule.perDay(), "one per time, as the CLI's default");
        assertEquals(10, rule.perWeek());
        assertEquals(Duration.ofHours(3), rule.minSpacing());
        assertEquals(PostState.SCHEDULED, web.publishing.posts().byId(queued.id()).state());

        String page = web.send(web.get("/channels?saved=" + xx.id() + "&placed=1").header("Cookie", login.cookie()))
                .body();
        assertTrue(page.contains("Posting rule of 'xx' saved; 1 queued post(s) placed on the Calendar."), page);
        assertTrue(page.contains("name=\"times\" value=\"09:00,18:00\""), "the form shows the rule");

        web.publishing.rules().set(xx.id(), new PostingRule(rule.days(), rule.times(), 2, 10, Duration.ZERO,
                Set.of(LocalDate.parse("2026-12-24"))));
        assertEquals(303, save(Map.of("days", "daily", "times", "12:00")).statusCode());
        assertEquals(Set.of(LocalDate.parse("2026-12-24")), web.publishing.rules().find(xx.id()).orElseThrow()
                .blackouts(), "kept: the form does not show them");
    }

    @Test
    void aBadRuleIsRefusedInTheFormsWordsAndNothingIsStored() {
        HttpResponse<String> r = save(Map.of("times", "9am"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Time of day &#39;9am&#39; is not HH:MM"), r.body());
        r = save(Map.of("times", "09:00,10:00", "per_day", "3"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Add times with Times, or lower Per day."), r.body());
        assertFalse(r.body().contains("--per-day"), "no command-line option names on the page");
        assertEquals(400, save(Map.of("times", "")).statusCode());
        assertEquals(400, save(Map.of("times", "09:00", "per_day", "-1")).statusCode());
        assertTrue(web.publishing.rules().find(xx.id()).isEmpty());
    }

    /**
     * Dogfood round 3 #8: a bad rule replaced the page with a bare 400 page and lost the input; a blank Per day was
     * blamed as "Per day 2"; a saved rule came back as mon,tue,…,sun and 180m.
     */
    @Test
    void aRefusedRuleIsShownBesideTheFormWithWhatWasTypedAndASavedOneReadsAsTyped() {
        HttpResponse<String> r = save(Map.of("days", "funday", "times", "09:00"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("id=\"rule-error-" + xx.id() + "\""), r.body());
        assertTrue(r.body().contains("Unknown day &#39;funday&#39;"), r.body());
        assertTrue(r.body().contains("name=\"days\" value=\"funday\""), "the typed days are kept");
        assertTrue(r.body().contains("name=\"times\" value=\"09:00\""), "the typed times are kept");
        assertTrue(r.body().contains("<h1>Channels</h1>"), "the Channels page, not an error page");
        r = save(Map.of("days", "sat,sun", "times", "10:00,10:30", "spacing", "2h"));
        assertEquals(400, r.statusCode());
        assertFalse(r.body().contains("Per day 2"), r.body());
        assertTrue(r.body().contains("Per day is empty, which means one post per time, but with Spacing 2h only 1 of"
                + " the 2 times 10:00,10:30 fit on one day. Set Per day to 1"), r.body());
        assertTrue(r.body().contains("name=\"spacing\" value=\"2h\""), r.body());
        assertTrue(web.publishing.rules().find(xx.id()).isEmpty());
        assertEquals(303, save(Map.of("days", "daily", "times", "09:00,18:00", "spacing", "3h")).statusCode());
        String page = web.send(web.get("/channels").header("Cookie", login.cookie())).body();
        assertTrue(page.contains("name=\"days\" value=\"daily\""), page);
        assertTrue(page.contains("name=\"spacing\" value=\"3h\""), page);
    }
}
