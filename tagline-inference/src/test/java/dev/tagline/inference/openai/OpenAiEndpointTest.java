package dev.tagline.inference.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tagline.core.TaglineException;

import dev.tagline.testkit.openai.FakeOpenAiServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class OpenAiEndpointTest {
    @Test
    void plainHttpServersAreSpokenToInHttp11WithoutAnUpgradeOffer() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
            OpenAiEndpoint endpoint = OpenAiEndpoint.of(server.baseUrl(), null);
            HttpRequest models = HttpRequest.newBuilder(endpoint.resolve("models")).build();
            assertEquals(400, HttpClient.newHttpClient().send(models, HttpResponse.BodyHandlers.discarding())
                    .statusCode(), "the JDK's default client offers h2c, which uvicorn refuses as the fake does");
            HttpClient ours = endpoint.newHttpClient();
            assertEquals(HttpClient.Version.HTTP_1_1, ours.version());
            assertEquals(200, ours.send(models, HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(HttpClient.Version.HTTP_2, OpenAiEndpoint.of("https://api.openai.com/v1", null)
                    .newHttpClient().version(), "HTTPS negotiates HTTP/2 as usual");
        }
    }

    /** dogfood item 6: a URL without http:// was an internal error (IllegalArgumentException from URI.create). */
    @Test
    void aUrlWithoutASchemeGetsTheOneLineErrorOfEveryBadUrl() {
        for (String url : new String[] {"127.0.0.1:18001/v1", "ftp://x/v1", "localhost:8080/v1", "http://"}) {
            TaglineException e = assertThrows(TaglineException.class, () -> OpenAiEndpoint.of(url, null), url);
            assertEquals("Endpoint " + url + " is not an http(s) URL. Give the server's base URL, e.g. --endpoint"
                    + " http://127.0.0.1:8080/v1.", e.oneLine(), url);
        }
    }

    /** Dogfood round 4: a URL pasted with its operation was called as {@code …/chat/completions/chat/completions}. */
    @Test
    void aPastedOperationIsTakenOffTheBaseUrl() {
        assertEquals("http://localhost:18081/v1", OpenAiEndpoint.of("http://localhost:18081/v1/chat/completions",
                null).baseUrl().toString());
        assertEquals("http://localhost:18081/v1/chat/completions", OpenAiEndpoint.of(
                "http://localhost:18081/v1/chat/completions/", null).resolve("chat/completions").toString());
        assertEquals("https://api.openai.com/v1", OpenAiEndpoint.of("https://api.openai.com/v1/audio/transcriptions",
                null).baseUrl().toString());
        assertEquals("http://127.0.0.1:8080/v1", OpenAiEndpoint.of("http://127.0.0.1:8080/chat/completions", null)
                .baseUrl().toString(), "llama.cpp's server answers on /v1 as well");
        assertEquals("http://h/openai/v1", OpenAiEndpoint.of("http://h/openai/v1", null).baseUrl().toString());
    }
}
