package dev.tagline.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code /{org}/{name}/resolve/{revision}/{path}} route of {@link FakeHuggingFaceHub}. */
final class HubRoutes {
    private final Map<String, FakeHuggingFaceHub.Repo> repos;
    private final RangeResponses responses;
    private final URI cdn;

    HubRoutes(Map<String, FakeHuggingFaceHub.Repo> repos, RangeResponses responses, URI cdn) {
        this.repos = repos;
        this.responses = responses;
        this.cdn = cdn;
    }

    void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/", 6);
        if (parts.length < 6 || !parts[3].equals("resolve") || parts[5].isEmpty()) {
            responses.error("hub", exchange, 404, Map.of("X-Error-Code", "EntryNotFound"));
            return;
        }
        String repoId = parts[1] + "/" + parts[2];
        String revision = parts[4];
        String path = parts[5];
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        FakeHuggingFaceHub.Repo repo = repos.get(repoId);
        if (repo == null) {
            // huggingface.co answers 401 to anonymous requests for repos it will not reveal, 404 to logged-in ones
            responses.error("hub", exchange, auth == null ? 401 : 404, Map.of("X-Error-Code", "RepoNotFound",
                    "X-Error-Message", "Repository Not Found for url: " + exchange.getRequestURI() + "."));
            return;
        }
        String token = repo.token()[0];
        if (token != null && !("Bearer " + token).equals(auth)) {
            responses.error("hub", exchange, auth == null ? 401 : 403, Map.of("X-Error-Code", "GatedRepo",
                    "X-Error-Message", "Access to model " + repoId + " is restricted. You must have access to it "
                            + "and be authenticated to access it. Please log in."));
            return;
        }
        if (!revision.equals("main") && !revision.equals(repo.commit())) {
            responses.error("hub", exchange, 404, Map.of("X-Error-Code", "RevisionNotFound",
                    "X-Error-Message", "Invalid rev id: " + revision));
            return;
        }
        FakeHuggingFaceHub.HubFile file = repo.files().get(path);
        if (file == null) {
            responses.error("hub", exchange, 404, Map.of("X-Error-Code", "EntryNotFound", "X-Repo-Commit",
                    repo.commit(), "X-Error-Message", "Entry not found"));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Repo-Commit", repo.commit());
        if (file.lfs()) {
            headers.put("X-Linked-Etag", "\"" + file.sha256() + "\"");
            headers.put("X-Linked-Size", Long.toString(file.content().length));
            headers.put("ETag", "\"" + file.sha256() + "\"");
            headers.put("Location", cdn + "/lfs/" + file.sha256() + "?filename=" + path.replaceAll(".*/", ""));
            responses.redirect("hub", exchange, headers);
        } else {
            headers.put("ETag", "\"" + file.gitSha1() + "\"");
            responses.body("hub", exchange, file.content(), headers);
        }
    }
}
