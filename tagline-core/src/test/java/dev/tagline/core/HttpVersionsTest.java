package dev.tagline.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class HttpVersionsTest {
    @Test
    void plainHttpIsHttp11AndHttpsNegotiatesHttp2() {
        assertEquals(HttpClient.Version.HTTP_1_1, HttpVersions.forUri(URI.create("http://127.0.0.1:8000/v1")));
        assertEquals(HttpClient.Version.HTTP_1_1, HttpVersions.forUri(URI.create("HTTP://mirror.local/")));
        assertEquals(HttpClient.Version.HTTP_2, HttpVersions.forUri(URI.create("https://huggingface.co")));
    }
}
