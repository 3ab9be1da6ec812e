package dev.tagline.cli;

import dev.tagline.publish.Publishing;
import dev.tagline.publish.store.Post;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tagline publish follow-clip POST}: the way back for a post whose text was edited on the calendar. It takes its
 * clip's copy ({@code clip.json}, its platform's variant) again and follows the clip until it is sent.
 */
@Command(name = "follow-clip", mixinStandardHelpOptions = true,
        description = {"Drop a post's own text (edited on the calendar): it takes its clip's copy from clip.json again"
            + " and follows the clip until it is sent.", "Refused once sending began."})
final class PublishFollowClipCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    PublishOptions db;
    @Parameters(paramLabel = "POST")
    long post;

    PublishFollowClipCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        try (Publishing p = db.open(ctx)) {
            boolean wasEdited = p.posts().byId(post).copyEdited();
            Post now = p.followClipAgain(post);
            ctx.out().println("post " + post + ": " + (wasEdited ? "follows its clip's copy again" : "already followed"
                    + " its clip's copy") + "; it is sent with \"" + (now.title() == null ? "" : now.title()) + "\": "
                    + oneLine(now.caption()));
            return ExitCode.OK;
        }
    }

    private static String oneLine(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() > 80 ? flat.substring(0, 79) + "…" : flat;
    }
}
