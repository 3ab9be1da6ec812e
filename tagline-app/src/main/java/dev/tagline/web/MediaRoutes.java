package dev.tagline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /media/{root}/<path>}: a file below one of the configured roots, with HTTP range requests (206, for
 * video seeking). Anything that leaves the root ({@code ../}, an absolute path, a symlink pointing outside) or lies
 * in a hidden file or folder ({@code .git}, {@code .env}, {@code .tagline}) is 404, the same answer as a missing file,
 * so nothing about the rest of the disk leaks.
 */
final class MediaRoutes {
    private static final Map<String, String> TYPES = Map.of("mp4", "video/mp4", "webm", "video/webm", "mov",
            "video/quicktime", "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp",
            "json", "application/json", "txt", "text/plain; charset=utf-8", "caption", "text/plain; charset=utf-8");
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MediaRoutes.class);
    private final Map<String, Path> roots;

    MediaRoutes(Map<String, Path> roots) {
        this.roots = roots;
    }

    void register(RoutesConfig r) {
        r.get("/media/{root}/<path>", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        send(ctx, resolve(roots, ctx.pathParam("root"), ctx.pathParam("path")), "private, max-age=60", true);
    }

    /**
     * Answers with {@code file}: whole, or the one range the {@code Range} header asks for (206; 416 past the end);
     * only the headers when {@code body} is false (HEAD).
     */
    static void send(Context ctx, Path file, String cacheControl, boolean body) throws IOException {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        long size = Files.size(file);
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Accept-Ranges", "bytes");
        ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        Optional<ByteRange> range = ByteRange.parse(ctx.header("Range"), size);
        if (range.isPresent() && range.get() == ByteRange.UNSATISFIABLE) {
            ctx.header("Content-Range", "bytes */" + size);
            ctx.status(416);
            return;
        }
        ByteRange r = range.orElse(new ByteRange(0, size - 1));
        if (range.isPresent()) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size);
        }
        ctx.header("Content-Length", Long.toString(Math.max(0, r.length())));
        if (!body) {
            return;
        }
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(r.first());
        ctx.result(new BoundedInputStream(in, Math.max(0, r.length())));
    }

    /** Stops after {@code remaining} bytes; closing it closes the file. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            remaining -= b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buf, off, (int) Math.min(len, remaining));
            remaining -= Math.max(n, 0);
            return n;
        }
    }

    /** The real file for {@code relative} below root {@code name}, or 404 when it is missing or outside the root. */
    static Path resolve(Map<String, Path> roots, String name, String relative) {
        Path root = roots.get(name);
        if (root == null || relative == null || relative.isEmpty() || relative.indexOf('\0') >= 0
                || relative.startsWith("/") || relative.contains("\\")) {
            throw notFound(name, relative);
        }
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(relative).normalize();
            if (!candidate.startsWith(realRoot) || !Files.isRegularFile(candidate)) {
                throw notFound(name, relative);
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot) || hidden(realRoot.relativize(candidate))
                    || hidden(realRoot.relativize(real))) {
                throw notFound(name, relative);
            }
            return real;
        } catch (IOException e) {
            throw notFound(name, relative);
        }
    }

    /**
     * The real file for {@code file} (an absolute path) when it lies below one of the roots by the rules of
     * {@link #resolve}: not outside through {@code ..} or a symlink, not hidden.
     */
    static Optional<Path> within(Map<String, Path> roots, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        for (Map.Entry<String, Path> root : roots.entrySet()) {
            for (Path base : bases(root.getValue())) {
                if (abs.startsWith(base) && !abs.equals(base)) {
                    try {
                        return Optional.of(resolve(roots, root.getKey(), base.relativize(abs).toString()
                                .replace(java.io.File.separatorChar, '/')));
                    } catch (NotFoundResponse outside) {
                        LOG.debug("{} is not served below root '{}' ({}); trying the other roots", abs, root.getKey(),
                                outside.getMessage());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A root as given and as its real path (they differ when the root is reached through a symlink). */
    private static java.util.Set<Path> bases(Path root) {
        java.util.Set<Path> out = new java.util.LinkedHashSet<>();
        out.add(root.toAbsolutePath().normalize());
        try {
            out.add(root.toRealPath());
        } catch (IOException e) {
            LOG.debug("media root {} has no real path; it holds nothing", root, e);
        }
        return out;
    }

    /**
     * True when a part of {@code path} is hidden ({@code .git}, {@code .env}, Tagline's own {@code .tagline} journals
     * and temporary files): a media folder may hold them, and none is media.
     */
    static boolean hidden(Path path) {
        for (Path part : path) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static NotFoundResponse notFound(String root, String relative) {
        return new NotFoundResponse("No file '" + relative + "' under media root '" + root + "'");
    }
}
