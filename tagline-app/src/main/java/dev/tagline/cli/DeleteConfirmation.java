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

    static boolean ask(CliContext ctx, CheckActions actions, Path journal) {
        ctx.out().println("--delete-corrupt would delete:");
        long n = actions.listDeletions(journal, key -> ctx.out().println("  " + key));
        if (n == 0) {
            ctx.out().println("  (nothing: no corrupt files)");
            return true;
        }
        Console console = System.console();
        if (ctx.interactive() && console != null) {
            String answer = console.readLine("Delete these %d corrupt files? [y/N] ", n);
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        }
        ctx.out().println("Nothing deleted: add --yes to delete these " + n + " files.");
        return false;
    }
}
