package dev.tagline.cli;

import dev.tagline.core.batch.BatchSummary;
import dev.tagline.images.caption.CaptionJob;
import dev.tagline.images.caption.CaptionStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** What {@code tagline caption} prints at the end: what was written, token usage, captions to look at. */
final class CaptionReport {
    private CaptionReport() {
    }

    /**
     * @param server true when the captioner is a model server (token usage is worth a line)
     * @param tags true when taggers ran, so tag sidecars were written too
     */
    static void print(PrintWriter out, BatchSummary batch, CaptionStats stats, CaptionJob.Outputs outputs,
                      boolean server, boolean tags) {
        out.println();
        out.println(String.format(Locale.ROOT, "Captioned %s (%s)%s.", Counts.of(stats.captioned(), "image"),
                outputs.caption().extension() + (tags ? ", " + outputs.tags().extension() : "")
                        + (outputs.json() ? ", .json" : ""),
                stats.skipped() > 0 ? "; " + stats.skipped() + " passed over (sidecars exist, not images, or OneTrainer"
                        + " masks)" : ""));
        tokens(out, stats, server);
        if (stats.missingTags() > 0) {
            long n = stats.missingTags();
            List<String> named = stats.missingTagImages();
            out.println(Counts.of(n, "caption") + " still leave" + (n == 1 ? "s" : "") + " out some tags: "
                    + String.join(", ", named) + (n > named.size() ? " and " + (n - named.size()) + " more" : "")
                    + " (missing_tags in the run's journal" + (outputs.json() ? " and the .json sidecars" : "") + ").");
        }
        if (stats.noTags() > 0) {
            out.println(Counts.of(stats.noTags(), "image") + " had no tags for {tags} (no " + outputs.tags().extension()
                    + " beside " + (stats.noTags() == 1 ? "it" : "them") + "), so the prompt went without: run tagline"
                    + " tag first, or pass --tagger.");
        }
        if (stats.cutShort() > 0) {
            out.println(Counts.were(stats.cutShort(), "caption") + " cut at --max-tokens; raise it or ask for a shorter"
                    + " caption.");
        }
        if (batch.resumed() > 0) {
            out.println(Counts.were(batch.resumed(), "file") + " done by an earlier run and not captioned again"
                    + " (--restart does everything).");
        }
        if (batch.beyondLimit() > 0) {
            out.println(Counts.of(batch.beyondLimit(), "file") + " left uncaptioned (--limit): run the same command"
                    + " again to continue with them.");
        }
        if (batch.stopped()) {
            out.println("Stopped before the end: run the same command again to continue.");
        }
        out.flush();
    }

    /**
     * The {@code Tokens:} line, when the captioner is a model {@code server} and requests were answered; also for a
     * run that stopped (dogfood round 7 J4: a reasoning model's 3 × 900 tokens went unmentioned).
     */
    static void tokens(PrintWriter out, CaptionStats stats, boolean server) {
        String requests = String.format(Locale.ROOT, "%,d request%s (retries not counted)", stats.requests(),
                stats.requests() == 1 ? "" : "s");
        if (server && stats.requests() > 0 && stats.promptTokens() + stats.completionTokens() == 0) {
            out.println("Tokens: not reported by the server, " + requests + ".");
        } else if (server && stats.requests() > 0) {
            out.println(String.format(Locale.ROOT, "Tokens: %,d prompt + %,d completion = %,d in %s.",
                    stats.promptTokens(), stats.completionTokens(), stats.promptTokens() + stats.completionTokens(),
                    requests));
        }
        out.flush();
    }
}
