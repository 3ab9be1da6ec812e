package dev.tagline.core.batch;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a folder scan yields. {@code extensions} are the files a job works on (lower case, no dot); files with an
 * extension in {@code companions} (sidecars, metadata) are passed over quietly; every other file is yielded as
 * unsupported, so that nothing is ignored silently. Globs follow {@link java.nio.file.FileSystem#getPathMatcher}: a
 * pattern without {@code /} matches the file or folder name, one with {@code /} the path relative to the root.
 *
 * @param excludedDirs folders (absolute) never entered, e.g. a quarantine folder inside the scanned one
 */
public record ScanOptions(boolean recursive, boolean followLinks, List<String> include, List<String> exclude,
                          Set<String> extensions, Set<String> companions, Set<java.nio.file.Path> excludedDirs) {
    /** Tagline's own state folder inside a dataset; never scanned. */
    public static final String STATE_DIR = ".tagline";
    /**
     * A file that marks a folder as set aside (check's quarantine): scans never enter a folder holding it, so files
     * moved out of a dataset into a folder inside it stay out of later runs of every command.
     */
    public static final String SET_ASIDE_MARKER = ".tagline-quarantine";

    public ScanOptions {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        extensions = lower(extensions);
        companions = lower(companions);
        excludedDirs = Set.copyOf(excludedDirs);
    }

    public static ScanOptions of(Set<String> extensions, Set<String> companions) {
        return new ScanOptions(true, false, List.of(), List.of(), extensions, companions, Set.of());
    }

    public ScanOptions withRecursive(boolean value) {
        return new ScanOptions(value, followLinks, include, exclude, extensions, companions, excludedDirs);
    }

    public ScanOptions withFollowLinks(boolean value) {
        return new ScanOptions(recursive, value, include, exclude, extensions, companions, excludedDirs);
    }

    public ScanOptions withGlobs(List<String> includes, List<String> excludes) {
        return new ScanOptions(recursive, followLinks, includes, excludes, extensions, companions, excludedDirs);
    }

    /**
     * Also passes over files ending in these sidecar extensions ({@code ".c2"}, {@code "q8.caption"}: the last part
     * counts), e.g. the custom extension a run writes its own sidecars to, so they are no "not an image" files.
     */
    public ScanOptions withSidecars(java.util.Collection<String> sidecarExtensions) {
        Set<String> all = new java.util.HashSet<>(companions);
        for (String ext : sidecarExtensions) {
            all.add(ext.substring(ext.lastIndexOf('.') + 1));
        }
        return new ScanOptions(recursive, followLinks, include, exclude, extensions, all, excludedDirs);
    }

    public ScanOptions withExcludedDirs(Set<java.nio.file.Path> dirs) {
        return new ScanOptions(recursive, followLinks, include, exclude, extensions, companions, dirs);
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .collect(Collectors.toUnmodifiableSet());
    }
}
