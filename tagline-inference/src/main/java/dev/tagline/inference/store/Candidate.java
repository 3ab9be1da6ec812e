package dev.tagline.inference.store;

import java.nio.file.Path;

/**
 * A file a source produced, not yet verified or visible. {@code temporary}: a staging file of the store that may be
 * renamed into place; otherwise someone else's file (a Hugging Face cache blob) that is linked or copied. The hashes
 * are what the source itself vouches for (the Hub's {@code X-Linked-Etag} / {@code ETag}, a cache blob's name); null
 * when it says nothing. {@code kind} and {@code from} (the Hub's address, the cache's repository id) let a failed
 * check name the cause the user can fix ({@link CandidateCheck}).
 */
record Candidate(Path file, boolean temporary, String sha256, String gitSha1, Kind kind, String from) {
    enum Kind { HUB, HF_CACHE, PACKAGE }

    static Candidate staged(Path file) {
        return new Candidate(file, true, null, null, Kind.PACKAGE, null);
    }
}
