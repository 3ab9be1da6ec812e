package dev.tagline.images.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.batch.OneTrainerMasks;
import dev.tagline.core.batch.StateFolders;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report of a dataset's last check, whoever ran it ({@code tagline check} or the web page's check job): one JSON
 * line per file with its verdict and action, as {@code --report} writes it, kept in the state folder beside the check
 * journal ({@code DIR/.tagline/check-report.jsonl}; a read-only dataset's beside its journal in
 * {@code $TAGLINE_HOME}, found by {@link #find}). The journal holds the verdicts but not what was done about them,
 * and one per settings and shard, so this file is the one full record the dataset page shows. It also carries the
 * files set aside by a {@code --quarantine} forward: a later run without that option (or with another folder) still
 * says they were set aside rather than lost.
 */
public final class LastCheck {
    /** The file's name in the state folder. */
    public static final String FILE = "check-report.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(LastCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> setAside;
    private final Set<String> setAsideStems;

    private LastCheck(Set<String> setAside) {
        this.setAside = setAside;
        this.setAsideStems = new HashSet<>();
        setAside.forEach(key -> setAsideStems.add(stem(key)));
    }

    /**
     * The last check's report of {@code dir}: beside the check journal, in {@code DIR/.tagline/} or, for a read-only
     * dataset, in its folder of {@code fallback} ({@code $TAGLINE_HOME/state/journals}; null: none), by the rule the
     * check's journal was placed ({@link StateFolders}).
     */
    public static Path find(Path dir, Path fallback) {
        return StateFolders.find(dir, fallback, FILE);
    }

    /** What the report {@code file} (absent: nothing) says was set aside by {@code --quarantine}. */
    static LastCheck read(Path file) {
        Set<String> keys = new HashSet<>();
        if (!Files.isRegularFile(file)) {
            return new LastCheck(keys);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.contains("quarantined")) { // most lines are not: parse only these
                    JsonNode n = JSON.readTree(line);
                    String action = n.path("action").asText("");
                    if (action.equals(CheckActions.QUARANTINED) || action.equals(CheckActions.QUARANTINED_EARLIER)) {
                        keys.add(n.path("file").asText());
                    }
                }
            }
        } catch (IOException e) {
            // only the wording of gone files depends on it ("set aside" or "no longer in the folder")
            LOG.debug("Cannot read the last check report {}; files moved away count as gone: {}", file, e.toString());
        }
        return new LastCheck(keys);
    }

    /**
     * Whether the file {@code key} of {@code r}, gone from the folder, was set aside by an earlier run's
     * {@code --quarantine}: that run said so, or it is the OneTrainer mask of an image that run set aside.
     */
    boolean setAside(CheckRecord r) {
        if (setAside.contains(r.file())) {
            return true;
        }
        int mask = r.file().lastIndexOf(OneTrainerMasks.SUFFIX + ".");
        return r.verdict() == dev.tagline.images.load.Verdict.MASK && mask > 0
                && setAsideStems.contains(r.file().substring(0, mask));
    }

    private static String stem(String key) {
        int dot = key.lastIndexOf('.');
        return dot > key.lastIndexOf('/') + 1 ? key.substring(0, dot) : key;
    }

    /** The sentence after the counts for {@code n} files with a warning ({@link CheckSummary#warnings}). */
    public static String sharedSidecars(long n) {
        return sharedSidecars(n, "the warnings");
    }

    /** As above, naming {@code where} the warnings are (Spark: the table's column). */
    public static String sharedSidecars(long n, String where) {
        return n + (n == 1 ? " file" : " files") + " would share a sidecar with another image of the same name (see "
                + where + "): tag and caption fail " + (n == 1 ? "it" : "them") + " until one of each pair is"
                + " renamed or removed.";
    }

    /**
     * The sentence for {@code n} files of a report that are not counted with the verdicts ({@link CheckActions#GONE},
     * {@link CheckActions#QUARANTINED_EARLIER}), as {@code check} prints it and the dataset page shows it; null for
     * any other action.
     */
    public static String notCounted(String action, long n) {
        String files = n + (n == 1 ? " file" : " files");
        if (action.equals(CheckActions.GONE)) {
            return files + " checked by an earlier run " + (n == 1 ? "is" : "are") + " no longer in the folder (moved"
                    + " or deleted since), and not counted above.";
        }
        if (action.equals(CheckActions.QUARANTINED_EARLIER)) {
            return files + (n == 1 ? " was" : " were") + " set aside by an earlier run's --quarantine and "
                    + (n == 1 ? "is" : "are") + " not counted above.";
        }
        return null;
    }
}
