package dev.tagline.core.batch;

import dev.tagline.core.TaglineException;
import dev.tagline.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A streaming, depth-first walk in a stable order (names sorted by code point in each folder). Memory is bounded by the
 * folders on the current path, never by the tree: a million files are visited, not listed. Hidden files and folders,
 * Tagline's own {@code .tagline/}, folders marked {@link ScanOptions#SET_ASIDE_MARKER} and temporary files are passed
 * over; symbolic links are followed only when asked (with cycle protection). Supported files that differ only in
 * their extension ({@code same.jpg}, {@code same.png}) are marked ({@link ScanEntry#sameStemAs}): sidecars are named
 * by the stem, so such files would share one. OneTrainer masks beside their images ({@code a-masklabel.png} beside
 * {@code a.jpg}) are yielded as such ({@link ScanEntry#maskOf}), not as images.
 */
public final class FolderScan {
    /** Receives entries on the scanning thread; returning false stops the walk. */
    public interface Visitor {
        boolean accept(ScanEntry entry);

        /**
         * A folder could not be listed, or a file's name cannot be used ({@link BadName}, whose message is the whole
         * problem); the walk goes on.
         */
        default void unreadable(Path dir, IOException e) {
        }

        /**
         * A symbolic link passed over because links are not followed: one to a file the scan would yield (an image,
         * an unsupported file; not a sidecar) or to a folder it would enter. Never called with {@code followLinks}.
         */
        default void linkPassedOver(Path link) {
        }
    }

    /**
     * A name the JVM cannot turn back into the same file: bytes that are not valid in the file-name encoding (a
     * Latin-1 name on a UTF-8 system, or any non-ASCII name when the locale is C/POSIX, as in Docker and cron). Such a
     * file can be read but no sidecar can be named after it, so it is reported, never passed over in silence.
     */
    public static final class BadName extends IOException {
        BadName(Path file, String name) {
            super(file.getParent().resolve(name.replace('\uFFFD', '?')) + ": the file name is not valid "
                    + inWords(System.getProperty("sun.jnu.encoding", "")) + (utf8()
                    ? ". Rename it to UTF-8 (convmv -f latin1 -t utf8 --notest FILE)"
                    : ". Run Tagline in a UTF-8 locale (export LC_ALL=C.UTF-8; bin/tagline and tagline.jar switch to"
                    + " C.UTF-8 themselves where the system has a UTF-8 locale, e.g. after apt-get install locales)"));
        }

        /** The file-name encoding in words: glibc calls the C/POSIX locale's "ANSI_X3.4-1968". */
        static String inWords(String name) {
            return name.isEmpty() ? "in this locale"
                    : name.equals("ANSI_X3.4-1968") || name.equalsIgnoreCase("US-ASCII") ? "ASCII (the C/POSIX locale)"
                    : name;
        }

        private static boolean utf8() {
            return "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        }
    }

    private final ScanOptions options;
    private final List<PathMatcher> includeNames = new ArrayList<>();
    private final List<PathMatcher> includePaths = new ArrayList<>();
    private final List<PathMatcher> excludeNames = new ArrayList<>();
    private final List<PathMatcher> excludePaths = new ArrayList<>();

    public FolderScan(ScanOptions options) {
        this.options = options;
        compile(options.include(), includeNames, includePaths);
        compile(options.exclude(), excludeNames, excludePaths);
    }

    private static void compile(List<String> globs, List<PathMatcher> names, List<PathMatcher> paths) {
        for (String glob : globs) {
            try {
                (glob.contains("/") ? paths : names).add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            } catch (IllegalArgumentException e) {
                // a PatternSyntaxException's message is three lines (text, pattern, caret): its description is one
                String why = e instanceof java.util.regex.PatternSyntaxException p ? p.getDescription()
                        : e.getMessage().lines().findFirst().orElse("");
                throw new TaglineException("Invalid glob '" + glob + "': " + why,
                        "Use patterns such as '*.png' or 'raw/**'.", e);
            }
        }
    }

    /** Walks {@code root}; returns false when the visitor stopped it early. */
    public boolean walk(Path root, Visitor visitor) {
        if (!Files.isDirectory(root)) {
            throw new TaglineException(root + " is not a folder", "Give the folder that holds the images.");
        }
        Deque<Path> ancestors = new ArrayDeque<>();
        return walkDir(root.toAbsolutePath().normalize(), "", visitor, ancestors);
    }

    private boolean walkDir(Path dir, String prefix, Visitor visitor, Deque<Path> ancestors) {
        Path[] names;
        try {
            names = sortedEntries(dir);
            if (options.followLinks()) {
                Path real = dir.toRealPath();
                if (ancestors.contains(real)) {
                    return true;
                }
                ancestors.push(real);
            }
        } catch (IOException e) {
            visitor.unreadable(dir, e);
            return true;
        }
        Stems stems = new Stems(names);
        try {
            for (int i = 0; i < names.length; i++) {
                Path path = names[i];
                String name = path.getFileName().toString();
                if (name.indexOf('\uFFFD') >= 0 && !sameFile(dir, name, path)) {
                    if (!name.startsWith(".")) {
                        visitor.unreadable(path, new BadName(path, name));
                    }
                    continue;
                }
                if (!visit(path, prefix + name, name, visitor, ancestors, stems, i)) {
                    return false;
                }
            }
            return true;
        } finally {
            if (options.followLinks()) {
                ancestors.pop();
            }
        }
    }

    private boolean visit(Path path, String key, String name, Visitor visitor, Deque<Path> ancestors, Stems stems,
                          int index) {
        if (name.startsWith(".") || AtomicFiles.isTemporary(path)) {
            return true;
        }
        LinkOption[] link = options.followLinks() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, link);
        } catch (IOException e) {
            return true; // vanished since the folder was listed, or a dangling link: nothing to check
        }
        if (attrs.isSymbolicLink()) {
            if (wouldVisit(path, key, name)) {
                visitor.linkPassedOver(path);
            }
            return true;
        }
        if (attrs.isDirectory()) {
            if (!options.recursive() || excluded(key, name) || options.excludedDirs().contains(path)
                    || Files.exists(path.resolve(ScanOptions.SET_ASIDE_MARKER), link)) {
                return true;
            }
            return walkDir(path, key + "/", visitor, ancestors);
        }
        if (!attrs.isRegularFile() || excluded(key, name) || !included(key, name)) {
            return true;
        }
        String ext = extension(name);
        if (options.companions().contains(ext)) {
            return true;
        }
        String image = stems.image(index);
        if (image != null) { // a OneTrainer mask: part of its image, not one of the dataset
            return visitor.accept(new ScanEntry(path, key, false, attrs.size(), attrs.lastModifiedTime().toMillis(),
                    null, sibling(key, name, image)));
        }
        boolean supported = options.extensions().contains(ext);
        return visitor.accept(new ScanEntry(path, key, supported, attrs.size(), attrs.lastModifiedTime().toMillis(),
                supported ? sibling(key, name, stems.other(index)) : null));
    }

    /** Whether the target of the link {@code path} is a file or folder the walk would take in if it followed links. */
    private boolean wouldVisit(Path path, String key, String name) {
        if (excluded(key, name)) {
            return false;
        }
        if (Files.isDirectory(path)) {
            return options.recursive() && !options.excludedDirs().contains(path);
        }
        return Files.isRegularFile(path) && included(key, name) && !options.companions().contains(extension(name));
    }

    /** {@link SameStems} over one folder's sorted listing, the run of names the walk holds anyway. */
    private final class Stems {
        private final Path[] names;

        Stems(Path[] names) {
            this.names = names;
        }

        /** The name of another supported file with the stem of {@code names[i]}, or null. */
        String other(int i) {
            return SameStems.other(j -> names[j].getFileName().toString(), names.length, i, options.extensions());
        }

        /** For a OneTrainer mask, the name of its image in this folder ({@link OneTrainerMasks}); otherwise null. */
        String image(int i) {
            return OneTrainerMasks.imageOf(j -> names[j].getFileName().toString(), names.length, i,
                    options.extensions());
        }
    }

    /** The key of {@code other} beside {@code key} (a file named {@code name}); null for no other. */
    private static String sibling(String key, String name, String other) {
        return other == null ? null : key.substring(0, key.length() - name.length()) + other;
    }

    private boolean excluded(String key, String name) {
        return matches(excludeNames, name) || matches(excludePaths, key);
    }

    private boolean included(String key, String name) {
        if (includeNames.isEmpty() && includePaths.isEmpty()) {
            return true;
        }
        return matches(includeNames, name) || matches(includePaths, key);
    }

    private static boolean matches(List<PathMatcher> matchers, String value) {
        if (matchers.isEmpty()) {
            return false;
        }
        Path p = Path.of(value);
        for (PathMatcher m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }

    /** The folder's entries as the directory gave them (their bytes intact), sorted by name. */
    private static Path[] sortedEntries(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                entries.add(p);
            }
        }
        Path[] array = entries.toArray(new Path[0]);
        Arrays.sort(array, java.util.Comparator.comparing(p -> p.getFileName().toString()));
        return array;
    }

    /** Whether {@code name} (a decoded name with a replacement character) still names {@code entry}. */
    private static boolean sameFile(Path dir, String name, Path entry) {
        try {
            return dir.resolve(name).equals(entry);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Why a folder could not be listed, in words ("permission denied …", not {@code AccessDeniedException}). */
    static String listProblem(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (check the folder's permissions, e.g. chmod a+rx)";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "it was gone before it could be listed (moved or deleted during the run)";
        }
        String reason = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
        return reason == null || reason.isBlank() ? "I/O error" : reason.strip();
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
