package dev.tagline.images.check;

import dev.tagline.images.load.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Files and bytes per verdict, and what the policy did; filled from the journal, so a resumed run counts all. */
public final class CheckSummary {
    /** The verdicts that fail a check (exit code 1). */
    private static final Set<Verdict> FAILING = EnumSet.of(Verdict.CORRUPT, Verdict.TOO_LARGE, Verdict.ERROR);
    private final Map<Verdict, long[]> perVerdict = new EnumMap<>(Verdict.class);
    private final Map<String, Long> actions = new java.util.TreeMap<>();
    private final List<CheckRecord> failed = new ArrayList<>();
    private final List<String> setAside = new ArrayList<>();
    private final List<String> unusable = new ArrayList<>();
    /** {@code key: warning} of each file with a warning, in journal order; few. */
    private final List<String> warned = new ArrayList<>();

    void add(CheckRecord r) {
        long[] c = perVerdict.computeIfAbsent(r.verdict(), v -> new long[2]);
        c[0]++;
        c[1] += r.bytes();
        if (FAILING.contains(r.verdict())) {
            failed.add(r);
        }
    }

    void action(String what) {
        actions.merge(what, 1L, Long::sum);
    }

    public long files(Verdict v) {
        return perVerdict.getOrDefault(v, new long[2])[0];
    }

    public long bytes(Verdict v) {
        return perVerdict.getOrDefault(v, new long[2])[1];
    }

    public long totalFiles() {
        return perVerdict.values().stream().mapToLong(c -> c[0]).sum();
    }

    public long totalBytes() {
        return perVerdict.values().stream().mapToLong(c -> c[1]).sum();
    }

    /** Files that are a problem for the exit code: corrupt, too large, or unreadable. */
    public long failures() {
        return FAILING.stream().mapToLong(this::files).sum();
    }

    /** The records counted in {@link #failures}, in journal order (a resumed run names them again from the journal). */
    public List<CheckRecord> failed() {
        return List.copyOf(failed);
    }

    void setAside(String key) {
        setAside.add(key);
    }

    /**
     * The keys of the files this run moved to the quarantine folder or deleted, in journal order, so that what is said
     * about the folder after the summary counts what stays ({@link CheckJob#kohyaNotes(CheckSummary)}).
     */
    public List<String> setAside() {
        return List.copyOf(setAside);
    }

    void unusable(String key) {
        unusable.add(key);
    }

    /**
     * The keys of the images (by extension) that stay in the folder after this run and that no trainer loads: corrupt,
     * too large, unreadable or of an unsupported format ({@link Verdict#trainable}), so that the kohya notes count
     * only what kohya trains on ({@link CheckJob#kohyaNotes(CheckSummary)}).
     */
    public List<String> unusable() {
        return List.copyOf(unusable);
    }

    void warning(String key, String warning) {
        warned.add(key + ": " + warning);
    }

    /** Files with a warning: ones that would share a sidecar with another image of the same name. */
    public long warnings() {
        return warned.size();
    }

    /**
     * {@code KEY: WARNING} of each file counted in {@link #warnings}, in journal order: the scan's warnings
     * ({@link CheckJob#warnings}) less those this run's moves resolved, for a run that prints them once the verdicts
     * are known ({@code check --quarantine}).
     */
    public List<String> warned() {
        return List.copyOf(warned);
    }

    /** Action → count, e.g. {@code quarantined → 3}, {@code would delete → 2}. */
    public Map<String, Long> actions() {
        return Map.copyOf(actions);
    }
}
