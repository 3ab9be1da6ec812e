package dev.tagline.core.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code clip.json} record written beside each rendered clip (renderer → publisher, web). Version
 * {@value #VERSION}; the JSON schema is {@code docs/schemas/clip.schema.json}. Paths are relative to the directory of
 * the {@code clip.json} file so a clip folder can be moved as a whole.
 *
 * @param schema always {@value #SCHEMA}, so a stray JSON file is not mistaken for a clip
 * @param version format version; readers reject versions they do not know
 * @param id the clip's id, unique within its source video (e.g. {@code talk-003})
 * @param video the rendered video file, relative to the manifest's directory
 * @param source where the clip was cut from
 * @param durationSeconds length of the rendered clip
 * @param width rendered width in pixels
 * @param height rendered height in pixels
 * @param score the highlight score in [0, 1]; higher clips are published first
 * @param accepted whether the clip was accepted for publishing (by the user or the selection threshold)
 * @param copy the default title, caption and hashtags
 * @param variants per-platform copy ({@code youtube}, {@code tiktok}, …) overriding {@code copy}
 * @param render how the renderer made the clip (frame, reframe mode per scene, side files and their SHA-256); absent
 *     in manifests written by other tools
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClipManifest(String schema, int version, String id, String video, Source source, double durationSeconds,
                           int width, int height, double score, boolean accepted, Copy copy,
                           Map<String, Copy> variants, Render render) {
    public static final String SCHEMA = "tagline.clip";
    public static final int VERSION = 1;

    public ClipManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(video, "video");
        copy = copy == null ? new Copy(null, "", List.of()) : copy;
        variants = variants == null ? Map.of() : Map.copyOf(variants);
    }

    /** A version-1 manifest. */
    public static ClipManifest of(String id, String video, Source source, double durationSeconds, int width, int height,
                                  double score, boolean accepted, Copy copy, Map<String, Copy> variants) {
        return new ClipManifest(SCHEMA, VERSION, id, video, source, durationSeconds, width, height, score, accepted,
                copy, variants, null);
    }

    /** This manifest with the renderer's record. */
    public ClipManifest withRender(Render details) {
        return new ClipManifest(schema, version, id, video, source, durationSeconds, width, height, score, accepted,
                copy, variants, details);
    }

    /** The copy for {@code platform}: its variant where there is one, else the default copy. */
    public Copy copyFor(String platform) {
        Copy variant = variants.get(platform);
        if (variant == null) {
            return copy;
        }
        return new Copy(variant.title() == null ? copy.title() : variant.title(),
                variant.caption() == null ? copy.caption() : variant.caption(),
                variant.hashtags() == null ? copy.hashtags() : variant.hashtags());
    }

    /** The span of the source video that the clip was cut from. */
    public record Source(String path, double startSeconds, double endSeconds) {
    }

    /**
     * Title, caption and hashtags (without {@code #}). In a variant, a null field means "as the default copy".
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Copy(String title, String caption, List<String> hashtags) {
        public Copy {
            hashtags = hashtags == null ? null : List.copyOf(hashtags);
        }

        /** Caption followed by the hashtags, the way most platforms take it in one text field. */
        public String text() {
            String body = caption == null ? "" : caption.strip();
            if (hashtags == null || hashtags.isEmpty()) {
                return body;
            }
            StringBuilder tags = new StringBuilder();
            for (String tag : hashtags) {
                tags.append(tags.length() == 0 ? "" : " ").append('#').append(tag.replaceFirst("^#", ""));
            }
            return body.isEmpty() ? tags.toString() : body + "\n\n" + tags;
        }
    }

    /**
     * What the renderer did (an optional, additive part of version 1).
     *
     * @param aspect output aspect ratio, e.g. {@code 9:16}
     * @param scenes the clip's scenes and the reframe mode of each ({@code track}, {@code screencast},
     *     {@code screen-crop}, {@code blur-pad}, {@code fit}, {@code center}), seconds from the clip's start
     * @param thumbnail the hook frame as JPEG, relative to the manifest's directory
     * @param captions the caption files (ASS burned in; SRT and VTT for upload), relative paths; null when the
     *     source had no transcript
     * @param sha256 SHA-256 (lower-case hex) of each file of the clip folder, keyed by its relative path
     * @param notes what the creator should know before posting, one sentence each (e.g. the audio could not be brought
     *     to the loudness target); empty, and left out of the file, when there is nothing to say
     * @param settings a fingerprint (SHA-256, hex) of everything the render's files came from: the render options,
     *     the clips-file entry, the clip's words and the source file; a re-run that finds the same fingerprint and
     *     files matching {@code sha256} passes the clip over. Null when not recorded
     * @param copy where the generated copy came from, so a re-run with other copy settings rewrites only the copy;
     *     null when not recorded
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Render(String aspect, List<SceneMode> scenes, String thumbnail, Captions captions,
                         Map<String, String> sha256, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String settings,
                         @JsonInclude(JsonInclude.Include.NON_NULL) CopySource copy) {
        public Render {
            scenes = scenes == null ? List.of() : List.copyOf(scenes);
            sha256 = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sha256 == null ? Map.of() : sha256));
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /** A record without the copy's source (written before Tagline recorded one). */
        public Render(String aspect, List<SceneMode> scenes, String thumbnail, Captions captions,
                      Map<String, String> sha256, List<String> notes, String settings) {
            this(aspect, scenes, thumbnail, captions, sha256, notes, settings, null);
        }

        /** This record with {@code notes} and {@code copy} in place of its own. */
        public Render withCopy(List<String> newNotes, CopySource newCopy) {
            return new Render(aspect, scenes, thumbnail, captions, sha256, newNotes, settings, newCopy);
        }

        /** A record without a settings fingerprint (written by another tool, or before Tagline recorded one). */
        public Render(String aspect, List<SceneMode> scenes, String thumbnail, Captions captions,
                      Map<String, String> sha256, List<String> notes) {
            this(aspect, scenes, thumbnail, captions, sha256, notes, null);
        }

        /** A record without notes. */
        public Render(String aspect, List<SceneMode> scenes, String thumbnail, Captions captions,
                      Map<String, String> sha256) {
            this(aspect, scenes, thumbnail, captions, sha256, List.of());
        }
    }

    /**
     * Where a rendered clip's generated copy came from.
     *
     * @param source {@code built-in}, or {@code openai:MODEL} when the copywriter model wrote it
     * @param fallback why the copywriter model's copy was not used and the built-in copy was (the model failed,
     *     thought until its token limit …); null when it was not asked or it answered
     * @param settings a fingerprint (SHA-256, hex) of the copy settings (copywriter, model, endpoint, token limit,
     *     prompt); a re-run with other ones writes the copy again without rendering the video again
     * @param generated a fingerprint (SHA-256, hex) of the copy as generated, so a re-run can tell copy a person has
     *     edited (kept) from generated copy (rewritten)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CopySource(String source, String fallback, String settings, String generated) {
    }

    /** One scene of the clip and how it was reframed. */
    public record SceneMode(double startSeconds, double endSeconds, String mode) {
    }

    /** Caption files beside the clip. */
    public record Captions(String ass, String srt, String vtt) {
    }
}
