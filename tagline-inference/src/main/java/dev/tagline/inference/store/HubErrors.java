package dev.tagline.inference.store;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * Turns the Hub's error responses into short reasons and hints. The Hub names the error in {@code X-Error-Code}
 * (huggingface_hub {@code utils/_http.py hf_raise_for_status}): {@code RepoNotFound} (401 without a token, so private
 * repositories are not revealed), {@code GatedRepo} (401 without a token, 403 with one that lacks access),
 * {@code EntryNotFound}, {@code RevisionNotFound}.
 */
final class HubErrors {
    private HubErrors() {
    }

    static SourceException toSourceException(int status, HttpHeaders headers, String repo, URI url,
                                             boolean tokenSent) {
        String code = headers.firstValue("X-Error-Code").orElse("");
        String http = "HTTP " + status + (code.isEmpty() ? "" : " " + code);
        switch (code) {
            case "GatedRepo":
                return new SourceException(http + ": " + repo + " is a gated repository"
                        + (tokenSent ? " and the token in HF_TOKEN has no access to it" : " and no HF_TOKEN is set"),
                        "Accept the model's terms at " + page(url, repo) + ", then set HF_TOKEN to an access token "
                                + "of that account.");
            case "RepoNotFound":
                return new SourceException(http + ": repository " + repo + " does not exist or is private",
                        "Check the repository name; for a private repository set HF_TOKEN.");
            case "EntryNotFound":
                return new SourceException(http + ": the repository has no such file", "");
            case "RevisionNotFound":
                return new SourceException(http + ": the repository has no such revision", "");
            default:
                break;
        }
        if (status == 401 || status == 403) {
            return new SourceException(http + ": access denied" + (tokenSent ? " for the token in HF_TOKEN" : ""),
                    "Set HF_TOKEN to an access token that can read " + repo + ".");
        }
        if (status == 429) {
            return new SourceException(http + ": rate limited by the Hub",
                    "Wait a few minutes, or set HF_TOKEN (logged-in users get higher limits).");
        }
        return new SourceException(http, status >= 500 ? "The Hub or mirror failed; try again later." : "");
    }

    private static String page(URI url, String repo) {
        return url.getScheme() + "://" + url.getAuthority() + "/" + repo;
    }
}
