package dev.tagline.cli;

import dev.tagline.images.check.CheckActions;
import java.io.Console;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code --delete-corrupt} without {@code --yes}: lists what would be deleted, then asks on a terminal; anywhere else
 * it deletes nothing and says how to confirm. Deleting is never a default.
 */
final class DeleteConfirmation {
    private DeleteConfirmation() {
    }

    static CheckActions.Deletion ask(CliContext ctx, CheckActions actions, Path journal) {
        ctx.out().println("--delete-corrupt would delete:");
        long n = actions.listDeletions(journal, key -> ctx.out().println("  " + key));
        if (n == 0) {
            ctx.out().println("  (nothing: no corrupt files)");
            return CheckActions.Deletion.CONFIRMED;
        }
        Console console = System.console();
        if (ctx.interactive() && console != null) {
            String answer = console.readLine(question(n) + " [y/N] ");
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y")
                    ? CheckActions.Deletion.CONFIRMED : CheckActions.Deletion.DECLINED;
        }
        ctx.out().println("Nothing deleted: add --yes to delete " + (n == 1 ? "this file." : "these " + n + " files."));
        return CheckActions.Deletion.NEEDS_YES;
    }

    /** {@code Delete this corrupt file?}, {@code Delete these 3 corrupt files?} (with its sidecars). */
    static String question(long n) {
        return n == 1 ? "Delete this corrupt file?" : "Delete these " + n + " corrupt files?";
    }
}
