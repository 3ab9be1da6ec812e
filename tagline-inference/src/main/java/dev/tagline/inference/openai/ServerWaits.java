package dev.tagline.inference.openai;

/**
 * Hears that a server is not ready yet (llama.cpp's 503 "Loading model", Ollama's "server busy") and is being waited
 * for, so that a caller with a user in front of it can say so in its own words: the CLI prints the line on stderr, a
 * web job shows it as its message. Called at most once in 20 s per client, on the thread of the waiting request.
 */
@FunctionalInterface
public interface ServerWaits {
    /** Logs the line at WARN, for callers with no user to tell. */
    ServerWaits LOGGED = line -> org.slf4j.LoggerFactory.getLogger(ServerWaits.class).warn("{}", line);

    /**
     * {@code line}: {@code waiting for http://127.0.0.1:8080/v1: Loading model (up to 120 s)} when a request starts
     * waiting, then with the time it has left: {@code ... Loading model (95 s left)}.
     */
    void waiting(String line);
}
