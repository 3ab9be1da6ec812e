package dev.tagline.publish.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.store.Post;
import dev.tagline.publish.store.PostState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VideoLinksTest {
    static final String SECRET = "abcdefghijklmnopqrstuvwxyz012-_9";
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void aMediaBaseUrlIsAnHttpBaseWithoutQuery_andTrailingSlashesGo() {
        assertEquals("https://clips.example.com", VideoLinks.requireBase("https://clips.example.com/"));
        assertEquals("http://127.0.0.1:8080/tagline", VideoLinks.requireBase(" http://127.0.0.1:8080/tagline// "));
        for (String bad : new String[] {"", "clips.example.com", "ftp://example.com", "https://example.com/?k=v",
            "https://example.com/#x", "https://user:pw@example.com", "https:///nohost", "http://exa mple.com"}) {
            TaglineException e = assertThrows(TaglineException.class, () -> VideoLinks.requireBase(bad), bad);
            assertTrue(e.getMessage().startsWith("--option media-base-url=" + bad.strip() + " "), e.getMessage());
            assertFalse(e.oneLine().contains("\n"), e.oneLine());
            assertTrue(e.hint().contains("tagline serve"), e.hint());
        }
    }

    /**
     * An Instagram channel took a media-base-url on localhost or a private address, which Instagram's servers can never
     * fetch; it is refused in one line that says why and what to give. A public name or address passes.
     */
    @Test
    void anInstagramMediaBaseUrlOnLocalhostOrAPrivateAddressWasAccepted_nowRefusedSayingWhy() {
        for (String ok : new String[] {"https://clips.example.com", "http://203.0.113.7:8080/tagline",
            "https://[2001:db8::1]/", "https://100.128.0.1"}) {
            assertEquals(VideoLinks.requireBase(ok), VideoLinks.requirePublicBase(ok, "Instagram"), ok);
        }
        String[][] bad = {{"http://localhost:8080", "is localhost"}, {"http://app.localhost", "is localhost"},
            {"http://127.0.0.1:8080", "is a loopback address (127.0.0.1)"},
            {"http://[::1]:8080", "is a loopback address ([::1])"},
            {"http://10.1.2.3", "is a private address (10.1.2.3)"},
            {"http://172.20.0.5", "is a private address (172.20.0.5)"},
            {"https://192.168.1.20:8443", "is a private address (192.168.1.20)"},
            {"http://169.254.10.1", "is a private address (169.254.10.1)"},
            {"http://100.64.1.1", "is a private address (100.64.1.1)"},
            {"http://0.0.0.0:8080", "is a private address (0.0.0.0)"},
            {"http://[fd12:3456::1]", "is a private address ([fd12:3456::1])"},
            {"http://nas:8080", "is a local network name (nas)"},
            {"http://tagline.local", "is a local network name (tagline.local)"}};
        for (String[] b : bad) {
            TaglineException e = assertThrows(TaglineException.class, () -> VideoLinks.requirePublicBase(b[0],
                    "Instagram"), b[0]);
            assertEquals("--option media-base-url=" + b[0] + " " + b[1] + ", which Instagram's servers can never fetch"
                    + " videos from", e.getMessage());
            assertFalse(e.oneLine().contains("\n"), e.oneLine());
            assertTrue(e.hint().startsWith("Give a public address that leads to 'tagline serve'"), e.hint());
        }
        assertEquals("http://127.0.0.1:8080", VideoLinks.requireBase("http://127.0.0.1:8080"), "a webhook may");
    }

    /**
     * A public-looking name that resolves to this machine or its network passed channels add (only literal addresses
     * and localhost were refused); now every address the name has is checked, naming the first local one.
     */
    @Test
    void anInstagramMediaBaseUrlWhoseNameResolvesToAPrivateAddressWasAccepted_nowRefusedNamingTheAddress()
            throws Exception {
        Map<String, String[]> dns = Map.of(
                "clips.example.com", new String[] {"203.0.113.7", "2001:db8::7"},
                "loop.example.com", new String[] {"203.0.113.7", "127.0.0.2"},
                "lan.example.com", new String[] {"192.168.1.20"},
                "link.example.com", new String[] {"fe80::1"},
                "ula.example.com", new String[] {"2001:db8::7", "fd00::5"},
                "zero.example.com", new String[] {"0.0.0.0"});
        PublicHostName.HostResolver resolver = host -> {
            String[] ips = dns.get(host);
            if (ips == null) {
                throw new java.net.UnknownHostException(host);
            }
            java.net.InetAddress[] out = new java.net.InetAddress[ips.length];
            for (int i = 0; i < ips.length; i++) {
                out[i] = java.net.InetAddress.getByName(ips[i]); // literals: no lookup
            }
            return out;
        };
        assertEquals(Optional.empty(), PublicHostName.require("https://clips.example.com/", "Instagram",
                resolver));
        assertEquals(Optional.empty(), PublicHostName.require("https://203.0.113.9", "Instagram", resolver),
                "a public literal address is not looked up");
        String[][] bad = {{"http://loop.example.com", "resolves to 127.0.0.2, a loopback address"},
            {"http://lan.example.com:8080", "resolves to 192.168.1.20, a private address"},
            {"http://link.example.com", "resolves to fe80:0:0:0:0:0:0:1, a private address"},
            {"http://ula.example.com", "resolves to fd00:0:0:0:0:0:0:5, a private address"},
            {"http://zero.example.com", "resolves to 0.0.0.0, a private address"},
            {"http://localhost.:8080", "is localhost"}};
        for (String[] b : bad) {
            TaglineException e = assertThrows(TaglineException.class, () -> PublicHostName.require(b[0],
                    "Instagram", resolver), b[0]);
            assertEquals("--option media-base-url=" + b[0] + " " + b[1] + ", which Instagram's servers can never fetch"
                    + " videos from", e.getMessage());
            assertTrue(e.hint().startsWith("Give a public address that leads to 'tagline serve'"), e.hint());
        }
        String warning = PublicHostName.require("https://new.example.com", "Instagram", resolver).orElseThrow();
        assertEquals("--option media-base-url=https://new.example.com: new.example.com does not resolve on this"
                + " machine; Instagram's servers must reach it, so make it resolve to the public address of 'tagline"
                + " serve' (or its proxy) before the first post (each post checks the link first)", warning);
    }

    @Test
    void aTokenIsThePostIdAndA32CharacterSecret() {
        assertEquals(Optional.of(new VideoLinks.Grant(12, SECRET)), VideoLinks.parse("12-" + SECRET));
        for (String bad : new String[] {"", "12", "12-", "012-" + SECRET, "x-" + SECRET, "12-" + SECRET + "a",
            "12-" + SECRET.substring(1), "12-" + SECRET.replace('a', '/'), "12-" + SECRET.replace('a', '.'),
            "99999999999999999999-" + SECRET, "9999999999999999999-" + SECRET}) {
            assertEquals(Optional.empty(), VideoLinks.parse(bad), bad);
        }
    }

    @Test
    void onlyTheRightSecretOfALivePostWithinItsTimeIsGranted() {
        Post post = post(7, PostState.PUBLISHED, Map.of("video_link", SECRET, "video_link_until",
                NOW.plusSeconds(60).toString()));
        assertTrue(VideoLinks.grants(post, new VideoLinks.Grant(7, SECRET), NOW));
        assertFalse(VideoLinks.grants(post, new VideoLinks.Grant(8, SECRET), NOW), "another post's id");
        assertFalse(VideoLinks.grants(post, new VideoLinks.Grant(7, SECRET.replace('a', 'b')), NOW), "wrong secret");
        assertFalse(VideoLinks.grants(post, new VideoLinks.Grant(7, SECRET), NOW.plusSeconds(60)), "expired");
        for (PostState dead : new PostState[] {PostState.FAILED, PostState.CANCELLED}) {
            assertFalse(VideoLinks.grants(post(7, dead, post.progress()), new VideoLinks.Grant(7, SECRET), NOW), dead.label());
        }
        for (PostState live : new PostState[] {PostState.SCHEDULED, PostState.PUBLISHING, PostState.UNCONFIRMED}) {
            assertTrue(VideoLinks.grants(post(7, live, post.progress()), new VideoLinks.Grant(7, SECRET), NOW), live.label());
        }
        assertFalse(VideoLinks.grants(post(7, PostState.PUBLISHED, Map.of("video_link_until",
                NOW.plusSeconds(60).toString())), new VideoLinks.Grant(7, SECRET), NOW), "no link issued");
        assertFalse(VideoLinks.grants(post(7, PostState.PUBLISHED, Map.of("video_link", SECRET)),
                new VideoLinks.Grant(7, SECRET), NOW), "no expiry recorded");
    }

    @Test
    void aFileNameIsOnePercentEncodedSegment_andTheSecretStaysOutOfLogs() {
        assertEquals("clip-1_a.mp4", VideoLinks.segment("clip-1_a.mp4"));
        assertEquals("my%20clip%20%231%3F%25%2F%C3%A9.mp4", VideoLinks.segment("my clip #1?%/é.mp4"));
        assertEquals("https://h/x/public/v/12-…/clip.mp4", VideoLinks.shown("https://h/x/public/v/12-" + SECRET
                + "/clip.mp4"));
    }

    private static Post post(long id, PostState state, Map<String, String> progress) {
        return new Post(id, 1, 1, "t", "c", state, Post.PlannedBy.USER, NOW, ZoneId.of("UTC"), 1, NOW, null, null,
                Post.Step.DONE, null, progress, null, null, 1, null, NOW, null, false);
    }
}
