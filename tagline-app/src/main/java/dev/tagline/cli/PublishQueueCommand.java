package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline publish queue CLIP_DIR|clip.json… --channels a,b}. */
@Command(name = "queue", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Queue rendered clips (a clip folder or its clip.json) on channels.",
            "One post per channel, with that platform's caption variant. Then run 'tagline publish auto-schedule',",
            "or give --at."})
final class PublishQueueCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    PublishOptions db;
    @Parameters(paramLabel = "CLIP", arity = "1..*", description = "Clip folders or clip.json files.")
    List<Path> clips;
    @Option(names = "--channels", required = true, split = ",", description = "Channel names, comma-separated.")
    List<String> channels;
    @Option(names = "--at", description = "Schedule now at this time instead of auto-scheduling: 2026-12-01T18:00"
            + " (channel's clock), with an offset / Z, or now.")
    String at;
    @Option(names = "--include-rejected", description = "Also queue clips whose clip.json says accepted=false.")
    boolean includeRejected;

    PublishQueueCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        int failed = 0;
        try (Publishing p = db.open(ctx)) {
            List<Channel> targets = new ArrayList<>();
            for (String name : channels) {
                targets.add(p.channels().byName(name.strip()));
            }
            for (Path clip : clips) {
                Media media = p.media().register(ctx.resolve(clip));
                if (!media.manifest().accepted() && !includeRejected) {
                    ctx.err().println("skipped " + clip + ": clip " + media.manifest().id() + " is not accepted"
                            + " (use --include-rejected to queue it anyway)");
                    failed++;
                    continue;
                }
                for (Channel channel : targets) {
                    try {
                        Post post = p.posts().queue(media, channel, media.manifest().copyFor(channel.platform()));
                        if (at != null) {
                            p.scheduler().move(channel, post.id(), PublishTimes.due(at, channel.zone(), ctx.clock()));
                            post = p.posts().byId(post.id());
                        }
                        ctx.out().println("post " + post.id() + ": " + media.manifest().id() + " → " + channel.name()
                                + " (" + PublishTimes.describe(post) + ")");
                    } catch (TaglineException e) {
                        ctx.err().println("error: " + e.oneLine());
                        failed++;
                    }
                }
            }
        }
        return failed == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
    }
}
