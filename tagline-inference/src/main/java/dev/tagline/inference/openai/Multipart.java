package dev.tagline.inference.openai;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and one file part; the file is streamed from disk,
 * never loaded whole. Repeated names (e.g. {@code timestamp_granularities[]}) are allowed.
 */
final class Multipart {
    private final String boundary = "tagline-" + UUID.randomUUID();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    Multipart field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    Multipart file(String name, Path file, String contentType) throws FileNotFoundException {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        flushHead();
        parts.add(HttpRequest.BodyPublishers.ofFile(file));
        write("\r\n");
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher body() {
        write("--" + boundary + "--\r\n");
        flushHead();
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    private void write(String text) {
        head.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void flushHead() {
        parts.add(HttpRequest.BodyPublishers.ofByteArray(head.toByteArray()));
        head.reset();
    }
}
