package dev.tagline.images.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.core.TaglineException;
import dev.tagline.core.batch.Journal;
import dev.tagline.core.batch.ScanOptions;
import dev.tagline.core.files.AtomicFiles;
import dev.tagline.images.load.ImageLoader;
import dev.tagline.images.load.LoadResult;
import dev.tagline.images.load.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies a {@link CheckPolicy} to the verdicts in a check journal, after the check itself: moves, deletions and
 * rewrites are driven by the journal, so they cover files checked by earlier (interrupted) runs too and are safe to
 * repeat: a file already moved or rewritten is recognised and left alone. Also writes the report of the last check
 * ({@link LastCheck}) and the {@code --report}, and tallies the summary. (About 400 lines: the three policies share the
 * journal walk, the safety checks before acting and the report line; which sidecars go is in {@link Companions}.)
 */
public final class CheckActions {
    static final String ORIGINALS = "originals";
    /** The action of a journal record whose file is no longer in the folder. */
    public static final String GONE = "gone since checked";
    /** The action of a file this run deleted ({@code --delete-corrupt}). */
    static final String DELETED = "deleted";
    /** The action of a file this run moved to the quarantine folder. */
    public static final String QUARANTINED = "quarantined";
    /**
     * The action of a journal record whose file an earlier run's {@code --quarantine} set aside: it is in this run's
     * quarantine folder, or the last check's report says it was moved ({@link LastCheck}).
     */
    public static final String QUARANTINED_EARLIER = "quarantined by an earlier run";
    /** The action of a duplicate left in place because the file it repeats has gone: it may be the only copy now. */
    static final String ORIGINAL_GONE = "kept (original gone)";

    private final Path root;
    private final CheckPolicy policy;
    private final ImageLoader loader;
    private final Consumer<String> log;
    private final Companions companions;
    /** Keys of the files this walk moves or deletes (or would, in a dry run), from a first walk ({@link #going}). */
    private Set<String> going = Set.of();
    /** Companions already named or moved by this walk: a dry run names a pair's shared sidecar once. */
    private final Set<Path> handled = new java.util.HashSet<>();

    /** {@code log} receives one line per action taken (or, in a dry run, planned). */
    public CheckActions(Path root, CheckPolicy policy, ImageLoader loader, Consumer<String> log) {
        this.root = root.toAbsolutePath().normalize();
        if (policy.quarantine() != null && this.root.startsWith(policy.quarantine().toAbsolutePath().normalize())) {
            throw new TaglineException("The quarantine folder " + policy.quarantine() + " holds the folder being "
                    + "checked, " + this.root + ": the dataset would be set aside with its bad files",
                    "Give --quarantine a folder outside " + this.root + ", or a new subfolder of it such as "
                            + this.root.resolve("quarantine") + ".");
        }
        this.policy = policy;
        this.companions = new Companions(this.root, policy.sidecarExtensions());
        this.loader = loader;
        this.log = log;
    }

    /** Names each file {@code --delete-corrupt} would delete (sidecars included); returns how many images. */
    public long listDeletions(Path journal, Consumer<String> out) {
        long[] n = {0};
        going = going(journal, Deletion.CONFIRMED);
        handled.clear();
        Journal.replay(journal, e -> {
            if (going.contains(e.key())) {
                n[0]++;
                Path file = root.resolve(e.key());
                Path twin = companions.stayingTwin(file, going);
                List<Path> along = twin == null ? along(file) : List.of();
                out.accept(e.key() + (twin == null ? "" : Companions.staying(companions.of(file), twin)));
                along.forEach(s -> out.accept(root.relativize(s) + " (" + Companions.kind(s) + ")"));
            }
        });
        return n[0];
    }

    /**
     * The keys of the files that {@link #act} moves or deletes (or would, in a dry run): a first walk of the journal,
     * so that a file's sidecars and masks stay with an image of its stem that stays ({@link Companions#stayingTwin}).
     * Few: the bad files.
     */
    private Set<String> going(Path journal, Deletion deletion) {
        Set<String> keys = new java.util.HashSet<>();
        Journal.replay(journal, e -> {
            CheckRecord r = CheckRecord.fromJson(e.record());
            boolean moves = policy.quarantine() != null && CheckPolicy.QUARANTINED.contains(r.verdict());
            boolean deletes = policy.deleteCorrupt() && r.verdict() == Verdict.CORRUPT
                    && (deletion == Deletion.CONFIRMED || policy.dryRun());
            Path file = root.resolve(e.key());
            if ((moves || deletes) && !(r.verdict() == Verdict.UNSUPPORTED && policy.sidecar(r.file()))
                    && Files.isRegularFile(file) && !changedSinceChecked(r, file)
                    && (r.duplicateOf() == null || !keys.contains(r.duplicateOf()) && !originalGone(r))) {
                keys.add(e.key());
            }
        });
        return keys;
    }

    /** The companions that go with {@code image} (no twin stays), less those this walk has already taken or named. */
    private List<Path> along(Path image) {
        List<Path> along = new ArrayList<>(companions.of(image));
        along.removeIf(p -> !handled.add(p));
        return along;
    }

    /** Whether {@code --delete-corrupt} may delete, and if not, why: the summary says which. */
    public enum Deletion {
        CONFIRMED("deleted"), NEEDS_YES("not deleted (needs --yes)"), DECLINED("kept (you answered no)");

        private final String kept;

        Deletion(String kept) {
            this.kept = kept;
        }
    }

    /**
     * Walks the journal once: applies the policy ({@code deleteConfirmed} false turns deletion into a listing), writes
     * the last check's report beside the journal ({@link LastCheck#FILE}) and {@code report} when given (the same one
     * JSON line per file with its action), and returns the summary.
     */
    public CheckSummary apply(Path journal, Path report, boolean deleteConfirmed) {
        return apply(journal, report, deleteConfirmed ? Deletion.CONFIRMED : Deletion.NEEDS_YES);
    }

    /** As above, saying why corrupt files were not deleted: no {@code --yes}, or the user answered no. */
    public CheckSummary apply(Path journal, Path report, Deletion deletion) {
        return apply(journal, report, deletion, Map.of());
    }

    /**
     * As above, with the warnings of this run's scan ({@link CheckJob#warnings}, key → text): each goes into the
     * file's report line ({@code "warning"}) and the summary's count, on every run, resumed or not.
     */
    public CheckSummary apply(Path journal, Path report, Deletion deletion, Map<String, String> warnings) {
        CheckSummary summary = new CheckSummary();
        going = policy.changesFiles() ? going(journal, deletion) : Set.of();
        handled.clear();
        Path last = journal.resolveSibling(LastCheck.FILE);
        LastCheck before = LastCheck.read(last);
        AtomicFiles.write(last, kept -> {
            if (report == null) {
                replay(journal, r -> warn(act(r, deletion, summary, before), warnings, summary), kept, null);
            } else {
                AtomicFiles.write(report, out -> replay(journal,
                        r -> warn(act(r, deletion, summary, before), warnings, summary), kept, out));
            }
        });
        return summary;
    }

    /**
     * Adds the scan's warning about the file of {@code line} to it and the summary, unless this run moved or deleted
     * the file, or every other image of its stem (it shares nothing now; dogfood round 7, J2: the summary of a
     * {@code --quarantine} run still told the user to rename {@code obama.jpg}, whose twin it had just moved).
     */
    private ObjectNode warn(ObjectNode line, Map<String, String> warnings, CheckSummary summary) {
        if (line == null || Set.of(QUARANTINED, DELETED).contains(line.path("action").asText())) {
            return line;
        }
        String file = line.path("file").asText();
        String warning = warnings.get(file);
        if (warning != null && !policy.dryRun() && !going.isEmpty()
                && companions.stayingTwin(root.resolve(file), going) == null) {
            return line;
        }
        if (warning != null) {
            line.put("warning", warning);
            summary.warning(file, warning);
        }
        return line;
    }

    /** Writes the line of each journal record that {@code act} gives to {@code out} and, when given, {@code copy}. */
    private static void replay(Path journal, java.util.function.Function<CheckRecord, ObjectNode> act,
                               OutputStream out, OutputStream copy) throws IOException {
        try {
            Journal.replay(journal, e -> {
                ObjectNode node = act.apply(CheckRecord.fromJson(e.record()));
                line(out, node);
                if (copy != null) {
                    line(copy, node);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void line(OutputStream out, ObjectNode node) {
        if (node == null) {
            return;
        }
        try {
            out.write((node.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Acts on one record; null for one that is no longer a file of the check (a sidecar now), left out. */
    private ObjectNode act(CheckRecord r, Deletion deletion, CheckSummary summary, LastCheck before) {
        if (r.verdict() == Verdict.UNSUPPORTED && policy.sidecar(r.file())) {
            return null; // journaled by an earlier run without this --sidecar-ext: the scan passes it over now
        }
        String action = "none";
        Path file = root.resolve(r.file());
        if (!Files.exists(file)) {
            // moved or deleted since it was checked: not counted, so that a re-run reports only what it finds and does
            String gone = quarantinedEarlier(r) || before.setAside(r) ? QUARANTINED_EARLIER : GONE;
            summary.action(gone);
            return r.toNode().put("action", gone);
        }
        summary.add(r);
        if (policy.changesFiles() && acts(r) && changedSinceChecked(r, file)) {
            log.accept("left " + r.file() + " alone: it changed since it was checked (run with --restart)");
            action = "changed since checked";
        } else if (policy.changesFiles() && acts(r) && originalGone(r)) {
            log.accept("left " + r.file() + " alone: " + r.duplicateOf() + ", whose bytes it repeats, is no longer"
                    + " in the folder (run with --restart)");
            action = ORIGINAL_GONE;
        } else if (policy.quarantine() != null && CheckPolicy.QUARANTINED.contains(r.verdict())) {
            action = quarantine(r.file(), file);
        } else if (policy.deleteCorrupt() && r.verdict() == Verdict.CORRUPT) {
            action = deletion == Deletion.CONFIRMED || policy.dryRun() ? delete(r.file(), file) : deletion.kept;
        } else if (policy.rewriteRgb() && r.verdict() == Verdict.CONVERTED) {
            action = rewrite(r.file(), file);
        }
        if (!action.equals("none")) {
            summary.action(action);
        }
        if (action.equals(QUARANTINED) || action.equals(DELETED)) {
            summary.setAside(r.file());
        } else if (!r.verdict().trainable() && r.verdict() != Verdict.MASK && isImageName(r.file())) {
            summary.unusable(r.file());
        }
        return r.toNode().put("action", action);
    }

    /** Whether the scan takes {@code key} for an image, by its extension (not a {@code .pdf} passed over). */
    private static boolean isImageName(String key) {
        int dot = key.lastIndexOf('.');
        return dot > key.lastIndexOf('/') + 1 && dev.tagline.images.load.ImageFormat.EXTENSIONS.contains(
                key.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private boolean acts(CheckRecord r) {
        return policy.quarantine() != null && CheckPolicy.QUARANTINED.contains(r.verdict())
                || policy.deleteCorrupt() && r.verdict() == Verdict.CORRUPT
                || policy.rewriteRgb() && r.verdict() == Verdict.CONVERTED;
    }

    /** True for a duplicate whose first copy is no longer in the folder with the same bytes (deleted, moved away). */
    private boolean originalGone(CheckRecord r) {
        String original = r.duplicateOf();
        if (original == null) {
            return false;
        }
        Path file = root.resolve(original);
        return !Files.isRegularFile(file) || changedSinceChecked(r, file);
    }

    /**
     * True when {@code file} is no longer the file the journal judged (replaced after an earlier run): its size or
     * SHA-256 differs. Nothing is moved, deleted or rewritten on an old verdict.
     */
    static boolean changedSinceChecked(CheckRecord r, Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            if (Files.size(file) != r.bytes()) {
                return true;
            }
            if (r.sha256().isEmpty()) {
                return false;
            }
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = new java.security.DigestInputStream(Files.newInputStream(file), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return !java.util.HexFormat.of().formatHex(sha.digest()).equals(r.sha256());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return true; // cannot confirm it is the same file: leave it alone
        }
    }

    /**
     * True when {@code r}'s file is in the quarantine folder, where this policy would have moved it (a OneTrainer mask:
     * with its image).
     */
    private boolean quarantinedEarlier(CheckRecord r) {
        return policy.quarantine() != null
                && (CheckPolicy.QUARANTINED.contains(r.verdict()) || r.verdict() == Verdict.MASK)
                && Files.exists(policy.quarantine().toAbsolutePath().normalize().resolve(r.file()));
    }

    private String quarantine(String key, Path file) {
        Path target = policy.quarantine().toAbsolutePath().normalize().resolve(key);
        Path twin = companions.stayingTwin(file, going);
        String stays = twin == null ? "" : Companions.staying(companions.of(file), twin);
        List<Path> along = twin == null ? along(file) : List.of();
        String verb = policy.dryRun() ? "would move " : "moved ";
        if (!policy.dryRun()) {
            try {
                Files.createDirectories(target.getParent());
                markSetAside(policy.quarantine().toAbsolutePath().normalize());
                for (Path companion : along) {
                    move(companion, target.resolveSibling(companion.getFileName()));
                }
                move(file, target);
            } catch (IOException e) {
                throw new TaglineException("Cannot move " + file + " to " + target + ": " + e.getMessage(),
                        "Check that " + policy.quarantine() + " is writable and has free space; run again to"
                                + " continue.", e);
            }
        }
        log.accept(verb + key + " to " + target + stays);
        for (Path companion : along) {
            log.accept(verb + root.relativize(companion) + " (" + Companions.kind(companion) + ") to "
                    + target.resolveSibling(companion.getFileName()));
        }
        return policy.dryRun() ? "would quarantine" : QUARANTINED;
    }

    /** Marks the quarantine folder so that no scan enters it, also when it lies inside a dataset. */
    private static void markSetAside(Path dir) {
        Path marker = dir.resolve(ScanOptions.SET_ASIDE_MARKER);
        if (!Files.exists(marker)) {
            AtomicFiles.writeString(marker, "Files that 'tagline check --quarantine' set aside. Tagline does not scan "
                    + "this folder.\nDelete this file to have it scanned again.\n");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            throw new IOException(to + " already exists");
        }
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private String delete(String key, Path file) {
        if (!Files.exists(file)) {
            return "missing";
        }
        Path twin = companions.stayingTwin(file, going);
        String stays = twin == null ? "" : Companions.staying(companions.of(file), twin);
        List<Path> along = twin == null ? along(file) : List.of();
        String verb = policy.dryRun() ? "would delete " : "deleted ";
        if (!policy.dryRun()) {
            try {
                for (Path companion : along) {
                    Files.deleteIfExists(companion);
                }
                Files.delete(file);
            } catch (IOException e) {
                throw new TaglineException("Cannot delete " + file + ": " + e.getMessage(),
                        "Check the folder's permissions; run again to continue.", e);
            }
        }
        log.accept(verb + key + stays);
        along.forEach(c -> log.accept(verb + root.relativize(c) + " (" + Companions.kind(c) + ")"));
        return policy.dryRun() ? "would delete" : DELETED;
    }

    private String rewrite(String key, Path file) {
        Path original = root.resolve(ScanOptions.STATE_DIR).resolve(ORIGINALS).resolve(key);
        try {
            if (!Files.exists(file)) {
                return "missing";
            }
            if (Files.exists(original) && Files.mismatch(original, file) != -1) {
                return "rewritten";
            }
            String format = RgbWriter.formatFor(file);
            if (format == null) {
                log.accept("kept " + key + ": no writer for its format; convert it by hand if needed");
                return "kept (no writer)";
            }
            if (policy.dryRun()) {
                log.accept("would rewrite " + key + " as plain sRGB, original to " + original);
                return "would rewrite";
            }
            LoadResult loaded = loader.load(file, true);
            if (loaded.image() == null) {
                return "kept (" + loaded.verdict().label() + " now)";
            }
            byte[] encoded = RgbWriter.encode(loaded.image(), format);
            AtomicFiles.write(original, Files.readAllBytes(file));
            AtomicFiles.write(file, encoded);
        } catch (IOException e) {
            throw new TaglineException("Cannot rewrite " + file + ": " + e.getMessage(),
                    AtomicFiles.hintFor(e, file.getParent()) + " The original is kept under " + original + ".", e);
        }
        log.accept("rewrote " + key + " as plain sRGB (original in " + original + ")");
        return "rewritten";
    }
}
