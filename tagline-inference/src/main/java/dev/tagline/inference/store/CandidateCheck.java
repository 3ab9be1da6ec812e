package dev.tagline.inference.store;

import java.io.IOException;

/**
 * Decides whether a fetched file may enter the cache, and when not, names the cause the user can act on: a damaged
 * Hugging Face cache blob (its content does not match its name), a download that does not match what the Hub sent
 * with it, an {@code HF_ENDPOINT} that is no Hub (no {@code X-Linked-Etag}/{@code ETag}), or a catalog pin that the
 * real source disagrees with (only this last one is a matter for the Tagline maintainers).
 */
final class CandidateCheck {
    private CandidateCheck() {
    }

    /** Null when {@code candidate} (whose SHA-256 is {@code actual}) is the catalog's file; otherwise why not. */
    static SourceException problem(ModelFile file, Candidate candidate, String actual) throws IOException {
        return candidate.kind() == Candidate.Kind.HF_CACHE ? hfCache(file, candidate, actual)
                : download(file, candidate, actual);
    }

    private static SourceException hfCache(ModelFile file, Candidate c, String actual) throws IOException {
        String redownload = "Delete the Hugging Face cache file " + c.file() + ", or re-download it with 'hf download "
                + c.from() + "'.";
        if (c.sha256() != null && !c.sha256().equals(actual)
                || c.gitSha1() != null && !c.gitSha1().equals(Checksums.gitBlobSha1(c.file()))) {
            return new SourceException("the Hugging Face cache file " + c.file() + " is damaged (its content, SHA-256 "
                    + actual + ", does not match its name); Tagline left it as it is", redownload);
        }
        if (file.pinnedSha256().filter(pin -> !pin.equals(actual)).isPresent()) {
            return new SourceException("the Hugging Face cache file " + c.file() + " is another version of "
                    + file.name() + " (SHA-256 " + actual + ", the catalog pins " + file.sha256()
                    + "); Tagline left it as it is", "");
        }
        if (file.pinnedSha256().isEmpty() && c.sha256() == null && c.gitSha1() == null) {
            return new SourceException("the Hugging Face cache file " + c.file() + " is not named by its hash, so it"
                    + " cannot be verified; Tagline left it as it is", redownload);
        }
        return null;
    }

    private static SourceException download(ModelFile file, Candidate c, String actual) throws IOException {
        if (c.sha256() != null && !c.sha256().equals(actual)) {
            return new SourceException("the download's SHA-256 is " + actual + ", not the " + c.sha256()
                    + " the Hub sent with it (X-Linked-Etag); the file was discarded", corrupted());
        }
        if (c.gitSha1() != null && !c.gitSha1().equals(Checksums.gitBlobSha1(c.file()))) {
            return new SourceException("git SHA-1 mismatch: expected " + c.gitSha1() + " (the Hub's ETag); the file"
                    + " was discarded", corrupted());
        }
        boolean sourceHash = c.sha256() != null || c.gitSha1() != null;
        if (file.pinnedSha256().filter(pin -> !pin.equals(actual)).isPresent()) {
            String mismatch = "SHA-256 mismatch: expected " + file.sha256() + ", got " + actual;
            if (c.kind() == Candidate.Kind.HUB && !sourceHash) {
                return new SourceException(mismatch + ", and " + endpoint(c) + " sent no X-Linked-Etag/ETag; the"
                        + " file was discarded", notAHub(c.from()));
            }
            return new SourceException(mismatch + "; the file was discarded", "The source serves a different file"
                    + " than the catalog expects; tell the Tagline maintainers.");
        }
        if (file.pinnedSha256().isEmpty() && !sourceHash) {
            return new SourceException(endpoint(c) + " answered without a Hub's X-Linked-Etag/ETag, so the file"
                    + " cannot be verified; the file was discarded", notAHub(c.from()));
        }
        return null;
    }

    private static String endpoint(Candidate c) {
        return "HF_ENDPOINT " + c.from();
    }

    /** What to do about an address that answers, but not as a Hub. */
    static String notAHub(String endpoint) {
        return "Is HF_ENDPOINT " + endpoint + " a Hub mirror? It must serve REPO/resolve/REVISION/FILE as"
                + " huggingface.co does; unset HF_ENDPOINT to use https://huggingface.co.";
    }

    private static String corrupted() {
        return "Pull again; if it happens again, a proxy or the mirror in HF_ENDPOINT alters the file.";
    }
}
