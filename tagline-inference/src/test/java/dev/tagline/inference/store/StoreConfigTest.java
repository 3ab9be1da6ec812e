package dev.tagline.inference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.progress.Progress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigTest {
    @TempDir
    Path dir;

    private StoreConfig of(Map<String, String> env) {
        return StoreConfig.fromEnvironment(env, Progress.Factory.NONE);
    }

    @Test
    void defaultsFollowHuggingfaceHub() {
        StoreConfig config = of(Map.of("HOME", dir.toString()));
        assertEquals(dir.resolve(".cache/huggingface/hub"), config.hfCacheDir());
        assertEquals(dir.resolve(".cache/tagline/models"), config.modelsDir());
        assertEquals(URI.create("https://huggingface.co"), config.hfEndpoint());
        assertNull(config.hfToken());
        assertFalse(config.offline());
    }

    @Test
    void hfHubCacheWinsOverHfHomeWhichWinsOverXdg() {
        assertEquals(dir.resolve("xdg/huggingface/hub"),
                of(Map.of("HOME", "/nowhere", "XDG_CACHE_HOME", dir.resolve("xdg").toString())).hfCacheDir());
        assertEquals(dir.resolve("hfhome/hub"), of(Map.of("HOME", "/nowhere",
                "HF_HOME", dir.resolve("hfhome").toString())).hfCacheDir());
        assertEquals(dir.resolve("direct"), of(Map.of("HF_HOME", dir.resolve("hfhome").toString(),
                "HF_HUB_CACHE", dir.resolve("direct").toString())).hfCacheDir());
    }

    @Test
    void endpointTokenAndOfflineComeFromTheEnvironment() {
        StoreConfig config = of(Map.of("HOME", dir.toString(), "HF_ENDPOINT", "https://hf-mirror.com/",
                "HF_TOKEN", "hf_abc", "HF_HUB_OFFLINE", "yes"));
        assertEquals(URI.create("https://hf-mirror.com"), config.hfEndpoint());
        assertEquals("hf_abc", config.hfToken());
        assertTrue(config.offline());
        assertFalse(config.toString().contains("hf_abc"), "the token is never printed: " + config);
        assertFalse(of(Map.of("HOME", dir.toString(), "HF_HUB_OFFLINE", "0")).offline());
    }

    @Test
    void theTokenFileOfHfAuthLoginIsUsedWhenHfTokenIsUnset() throws Exception {
        Files.createDirectories(dir.resolve("hf"));
        Files.writeString(dir.resolve("hf/token"), "hf_from_file\n");
        assertEquals("hf_from_file", of(Map.of("HF_HOME", dir.resolve("hf").toString())).hfToken());
    }

    @Test
    void stallTimeoutIsSixtySecondsUnlessHfHubDownloadTimeoutSaysOtherwise() {
        assertEquals(java.time.Duration.ofSeconds(60), of(Map.of("HOME", dir.toString())).stallTimeout());
        assertEquals(java.time.Duration.ofMillis(2500),
                of(Map.of("HOME", dir.toString(), "HF_HUB_DOWNLOAD_TIMEOUT", "2.5")).stallTimeout());
        for (String bad : new String[] {"0", "-3", "ten"}) {
            dev.tagline.core.TaglineException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.tagline.core.TaglineException.class,
                    () -> of(Map.of("HOME", dir.toString(), "HF_HUB_DOWNLOAD_TIMEOUT", bad)));
            assertTrue(e.getMessage().startsWith("HF_HUB_DOWNLOAD_TIMEOUT=" + bad + " is not"), e.getMessage());
            assertTrue(e.hint().contains("unset it"), e.hint());
        }
    }
}
