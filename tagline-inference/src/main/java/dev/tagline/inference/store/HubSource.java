package dev.tagline.inference.store;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Downloads from the Hugging Face Hub: {@code {endpoint}/{repo}/resolve/{revision}/{path}} (huggingface_hub
 * {@code constants.HUGGINGFACE_CO_URL_TEMPLATE}). Refuses to touch the network when {@code HF_HUB_OFFLINE} is set.
 */
final class HubSource implements ModelSource {
    private final StoreConfig config;
    private final HubDownload download;

    HubSource(StoreConfig config, HttpClient http, Backoff backoff) {
        this.config = config;
        this.download = new HubDownload(http, config, backoff);
    }

    @Override
    public boolean handles(FileSource source) {
        return source instanceof FileSource.HubFile;
    }

    @Override
    public String describe(FileSource source) {
        return "Hugging Face Hub " + url((FileSource.HubFile) source);
    }

    @Override
    public Candidate fetch(ModelEntry model, ModelFile file, FileSource source, Path staging)
            throws SourceException {
        if (config.offline()) {
            throw new SourceException("not tried: HF_HUB_OFFLINE is set, so no network access",
                    "Unset HF_HUB_OFFLINE to download.");
        }
        FileSource.HubFile hub = (FileSource.HubFile) source;
        HubDownload.Result result = download.fetch(url(hub), staging, model.id() + "/" + file.name(), hub.repo(),
                file.pinnedSha256().isEmpty());
        return new Candidate(staging, true, result.sha256(), result.gitSha1(), Candidate.Kind.HUB,
                config.hfEndpoint().toString());
    }

    URI url(FileSource.HubFile hub) {
        String path = Arrays.stream(hub.path().split("/")).map(HubSource::encode).collect(Collectors.joining("/"));
        return URI.create(config.hfEndpoint() + "/" + hub.repo() + "/resolve/" + encode(hub.revision()) + "/" + path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
