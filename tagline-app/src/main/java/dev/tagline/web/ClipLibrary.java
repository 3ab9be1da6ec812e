package dev.tagline.web;

import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipManifest;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.core.manifest.ClipsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The finder's {@code *.clips.json} and the renderer's {@code clip.json} files below the media roots, and the one
 * write the clips page makes: the review (accepted, title, caption, hashtags) back into {@code clip.json}, atomically.
 */
final class ClipLibrary {
    static final int MAX_DEPTH = 4;
    private final Map<String, Path> roots;

    ClipLibrary(Map<String, Path> roots) {
        this.roots = roots;
    }

    /** A file below a root: its root name and path relative to it, with forward slashes. */
    record Ref(String root, String path) {
        String mediaUrl(String relativeSibling) {
            int slash = path.lastIndexOf('/');
            return UrlPaths.of("/media", root, (slash < 0 ? "" : path.substring(0, slash + 1)) + relativeSibling);
        }

        /**
         * {@code relative} (a path written beside this file, e.g. a clip's {@code ../../talk.mp4}) from the root, so
         * {@code c3/tut.mp4} and {@code week2/tut.mp4} read apart; as written when it leads out of the root.
         */
        String fromRoot(String relative) {
            int slash = path.lastIndexOf('/');
            Path joined = Path.of(slash < 0 ? "" : path.substring(0, slash)).resolve(relative).normalize();
            String out = joined.toString().replace('\\', '/');
            return out.isEmpty() || out.startsWith("..") || joined.isAbsolute() ? relative : out;
        }

        /**
         * An HTML id unique on the page, from the root and the path (a {@code clip.json}'s folder stands for it), e.g.
         * {@code clip-clips-c3-tut_clips-tut-001}: clips of same-named videos in two folders share their clip ids.
         */
        String htmlId(String prefix) {
            String where = root + "/" + path.replaceFirst("(^|/)" + java.util.regex.Pattern.quote(
                    ClipManifests.FILE_NAME) + "$", "");
            return prefix + where.replace("/", "-").replaceAll("[^A-Za-z0-9_-]", "_");
        }
    }

    record Rendered(Ref ref, ClipManifest manifest) {
    }

    record Found(Ref ref, ClipsFile clips) {
    }

    /** A source video below a root, and whether the finder's {@code VIDEO.clips.json} is beside it. */
    record Video(Ref ref, boolean found) {
    }

    /** Video files the clips page offers to find clips in (what ffmpeg reads and cameras and screen recorders write). */
    static final java.util.Set<String> VIDEO_EXTENSIONS = java.util.Set.of("mp4", "m4v", "mov", "mkv", "webm", "avi",
            "mpg", "mpeg", "ts", "mts", "m2ts", "wmv", "flv", "3gp", "ogv");

    /**
     * The source videos below media root {@code root} (as deep as the page looks for clips; no hidden files), those
     * without clips found first, then by path. A rendered clip's video (in a folder with {@code clip.json}, or below
     * the renderer's {@code VIDEO.clips/}) is output, not a source, and is not offered.
     */
    List<Video> videos(String root) {
        Path dir = roots.get(root);
        java.util.Set<Path> clipFolders = clipFolders(dir);
        List<Video> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, MAX_DEPTH)) {
            files.filter(p -> isVideo(p) && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !MediaRoutes.hidden(dir.relativize(p)) && !clipFolders.contains(p.getParent())
                            && !belowRenderOutput(dir.relativize(p)))
                    .forEach(p -> out.add(new Video(new Ref(root, dir.relativize(p).toString().replace('\\', '/')),
                            Files.isRegularFile(ClipsFile.pathFor(p)))));
        } catch (IOException | UncheckedIOException e) {
            throw new TaglineException("Cannot list media root '" + root + "': " + e.getMessage(),
                    "Check the folder's permissions.", e);
        }
        out.sort(Comparator.comparing(Video::found).thenComparing(v -> v.ref().path()));
        return out;
    }

    private static boolean isVideo(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether a folder on the way is the renderer's {@code VIDEO.clips/}. */
    private static boolean belowRenderOutput(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().endsWith(".clips")) {
                return true;
            }
        }
        return false;
    }

    List<Rendered> rendered() {
        List<Rendered> out = new ArrayList<>();
        for (Ref ref : scan(name -> name.equals(ClipManifests.FILE_NAME))) {
            out.add(new Rendered(ref, ClipManifests.read(file(ref))));
        }
        out.sort(Comparator.comparing((Rendered r) -> -r.manifest().score()).thenComparing(r -> r.ref().path()));
        return out;
    }

    List<Found> found() {
        List<Found> out = new ArrayList<>();
        for (Ref ref : scan(name -> name.endsWith(".clips.json"))) {
            out.add(new Found(ref, ClipsFile.read(file(ref))));
        }
        return out;
    }

    /**
     * Saves the review. Publishing takes each platform's variant, so the variants are fitted again from the edited copy
     * (as a render fits them); a variant for a platform the renderer does not fit is dropped, so that channel takes the
     * edited copy too instead of the old text.
     */
    Rendered review(Ref ref, boolean accepted, String title, String caption, List<String> hashtags) {
        Path file = file(ref);
        ClipManifest m = ClipManifests.read(file);
        ClipManifest.Copy copy = new ClipManifest.Copy(title, caption, hashtags);
        ClipManifest updated = new ClipManifest(m.schema(), m.version(), m.id(), m.video(), m.source(),
                m.durationSeconds(), m.width(), m.height(), m.score(), accepted, copy,
                dev.tagline.video.copy.PlatformCopy.manifestVariants(copy), m.render());
        ClipManifests.write(file, updated);
        return new Rendered(ref, ClipManifests.read(file));
    }

    /**
     * The folders of rendered clips below {@code dir} (those holding a {@code clip.json}, searched as deep as the clips
     * page looks), as {@code dir.resolve(…)}: the renderer's output, never a dataset of images to caption or tag.
     */
    static java.util.Set<Path> clipFolders(Path dir) {
        try (Stream<Path> files = Files.walk(dir, MAX_DEPTH)) {
            return files.filter(p -> p.getFileName().toString().equals(ClipManifests.FILE_NAME)
                    && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .map(Path::getParent).collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (IOException | UncheckedIOException e) {
            throw new TaglineException("Cannot list media folder " + dir + ": " + e.getMessage(),
                    "Check the folder's permissions.", e);
        }
    }

    /** The real {@code clip.json} for a reference, refusing anything outside its root (404). */
    Path file(Ref ref) {
        if (!ref.path().endsWith(ClipManifests.FILE_NAME) && !ref.path().endsWith(".clips.json")) {
            throw new io.javalin.http.NotFoundResponse("Not a clip file: " + ref.path());
        }
        return MediaRoutes.resolve(roots, ref.root(), ref.path());
    }

    private List<Ref> scan(java.util.function.Predicate<String> wanted) {
        List<Ref> refs = new ArrayList<>();
        for (Map.Entry<String, Path> root : new java.util.TreeMap<>(roots).entrySet()) {
            try (Stream<Path> files = Files.walk(root.getValue(), MAX_DEPTH)) {
                files.filter(p -> wanted.test(p.getFileName().toString()) && Files.isRegularFile(p)
                                && !MediaRoutes.hidden(root.getValue().relativize(p))).sorted() // never served
                        .forEach(p -> refs.add(new Ref(root.getKey(),
                                root.getValue().relativize(p).toString().replace('\\', '/'))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (UncheckedIOException e) {
                throw new TaglineException("Cannot list media root '" + root.getKey() + "': " + e.getMessage(),
                        "Check the folder's permissions.", e);
            }
        }
        return refs;
    }
}
