package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.images.caption.CaptionCleanup;
import dev.tagline.images.caption.CaptionJob;
import dev.tagline.images.caption.CaptionRequest;
import dev.tagline.images.caption.Captioner;
import dev.tagline.images.caption.Captioners;
import dev.tagline.images.caption.PromptTemplate;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadOptions;
import dev.tagline.images.sidecar.SidecarSettings;
import dev.tagline.images.tag.TagRules;
import dev.tagline.inference.onnx.OnnxSessions;
import dev.tagline.inference.onnx.SessionConfig;
import dev.tagline.inference.store.ModelStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tagline caption} on a dataset folder from its page: one captioner ({@code florence-2-base-ft} and the other
 * catalog ids in process, {@code openai:MODEL} with an {@code endpoint}, or {@code tags} from the existing
 * {@code .txt} sidecars), the CLI's default prompt and generation settings unless {@code prompt} is given, sentence
 * clean-up, and {@code existing} for images that already have a caption. The API key comes from the server's
 * environment ({@code TAGLINE_OPENAI_API_KEY} / {@code OPENAI_API_KEY}), never from the form. Resumable and cancellable
 * like the tag job.
 */
final class CaptionJobKind implements JobKinds.Kind {
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9_.-]*";
    private final Map<String, String> env;
    private final java.util.function.Function<Path, DatasetSidecars> sidecarsOf;

    CaptionJobKind(Map<String, String> env, java.util.function.Function<Path, DatasetSidecars> sidecarsOf) {
        this.env = env;
        this.sidecarsOf = sidecarsOf;
    }

    @Override
    public String title(String root, Map<String, String> form) {
        return "Caption " + root + " with " + form.getOrDefault("captioner", "");
    }

    @Override
    public Jobs.Work work(Path dir, Map<String, String> form) {
        String id = form.getOrDefault("captioner", "").strip();
        if (!(id.matches(ID) || id.matches(Captioners.OPENAI + "[A-Za-z0-9][A-Za-z0-9_.:/-]*")) || id.contains("..")) {
            throw new TaglineException("Captioner id '" + id + "' is not valid", "Use an id as in 'tagline caption"
                    + " --captioner', e.g. florence-2-base-ft, openai:llava or tags.");
        }
        Optional<String> endpoint = Optional.ofNullable(form.get("endpoint")).map(String::strip)
                .filter(e -> !e.isEmpty());
        endpoint.ifPresent(CaptionJobKind::checkEndpoint);
        String promptText = Optional.ofNullable(form.get("prompt")).map(String::strip).filter(p -> !p.isEmpty())
                .orElse(Captioners.defaultPrompt(id, false));
        CaptionRequest request;
        try {
            request = new CaptionRequest(PromptTemplate.parse(promptText), Optional.empty(),
                    Captioners.defaultGeneration(id));
        } catch (IllegalArgumentException e) {
            throw new TaglineException("Invalid prompt: " + e.getMessage(), "", e);
        }
        SidecarSettings.Existing existing = SidecarSettings.Existing.parse(form.getOrDefault("existing", "skip"));
        dev.tagline.core.batch.BatchEngine.requireWritableFolder(dir, "caption");
        DatasetSidecars where = sidecarsOf.apply(dir);
        if (where.captionsOnly() && (id.equals(dev.tagline.images.caption.TagComposer.ID) || request.prompt().variables().contains("tags"))) {
            throw new TaglineException("Captioner " + id + " reads the tags from the " + where.tagsExtension()
                    + " files, which hold this folder's captions (serve --caption-extension)", "Pick another"
                    + " captioner, or give the tags their own file (serve --tags-extension NAME=.tags).");
        }
        Captioners.Options defaults = Captioners.Options.defaults();
        Captioners.Options options = new Captioners.Options(endpoint, Optional.ofNullable(env.getOrDefault(
                "TAGLINE_OPENAI_API_KEY", env.get("OPENAI_API_KEY"))), defaults.concurrency(), defaults.timeout(),
                defaults.maxSide(), true, Optional.empty());
        return job -> {
            ModelStore store = ModelStore.fromEnvironment(env, job.progress());
            try (OnnxSessions sessions = new OnnxSessions(model -> { });
                 Captioner captioner = new Captioners(store, sessions, SessionConfig.defaults(),
                         options.withWaits(job::note)).open(id, null)) {
                CaptionJob.Outputs outputs = new CaptionJob.Outputs(
                        where.captions().withExisting(existing),
                        where.tags().withExisting(SidecarSettings.Existing.SKIP), false);
                CaptionJob captionJob = new CaptionJob(new ImageLoader(LoadOptions.DEFAULTS.withMinSide(0)), List.of(),
                        TagRules.defaults(), captioner, request, Optional.empty(), CaptionCleanup.DEFAULTS, 1, outputs,
                        outputs.caption().toString());
                return JobKinds.overImages(dir, List.of(where.captionExtension(), where.tagsExtension()), captionJob, job, "caption", "captioned with " + captioner.id(),
                        () -> captionJob.stats().kept());
            }
        };
    }

    /** Refuses anything but an http(s) URL with a host, naming it. */
    static void checkEndpoint(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below; the URL text is in it
        }
        throw new TaglineException("Endpoint '" + url + "' is not an http(s) URL", "Give the server's base URL,"
                + " e.g. http://127.0.0.1:11434/v1 for Ollama.");
    }
}
