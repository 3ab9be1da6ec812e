package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.core.manifest.ClipManifests;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.Media;
import dev.tagline.publish.store.Post;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline publish queue CLIP_DIR|clip.json… --channels a,b}. */
@Command(name = "queue", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Queue rendered clips (a clip folder, its clip.json, or the folder render wrote) on channels.",
            "One post per channel, with that platform's caption variant. Then run 'tagline publish auto-schedule', "
                + "or give --at."})
final class PublishQueueCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    PublishOptions db;
    @Parameters(paramLabel = "CLIP", arity = "1..*", description = "Clip folders or clip.json files; a folder of clip"
            + " folders (what 'tagline clips render' wrote, e.g. talk.clips) queues each of them, in name order.")
    List<Path> clips;
    @Option(names = "--channels", required = true, split = ",", description = "Channel names, comma-separated.")
    List<String> channels;
    @Option(names = "--at", description = "Schedule now at this time instead of auto-scheduling: 2026-12-01T18:00"
            + " (channel's clock), with an offset / Z, 18:00 (the next 18:00 on the channel's clock), or now.")
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
            int queued = 0;
            int registered = 0;
            boolean unreadable = false;
            for (Path clip : expand(clips)) {
                Media media;
                try {
                    media = p.media().register(clip);
                    registered++;
                } catch (TaglineException e) { // a broken clip: the others of the folder are still queued
                    ctx.err().println("error: " + e.oneLine());
                    unreadable = true;
                    failed++;
                    continue;
                }
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
                            Instant when = PublishTimes.due(at, channel.zone(), ctx.clock());
                            p.scheduler().move(channel, post.id(), when);
                            PublishTimes.skipped(at, channel.zone(), when)
                                    .ifPresent(n -> ctx.out().println("note: " + n));
                            post = p.posts().byId(post.id());
                        }
                        ctx.out().println("post " + post.id() + ": " + media.manifest().id() + " → " + channel.name()
                                + " (" + PublishTimes.describe(post) + ")");
                        queued++;
                    } catch (TaglineException e) {
                        ctx.err().println("error: " + e.oneLine());
                        failed++;
                    }
                }
            }
            if (registered == 0 && unreadable) {
                return ExitCode.USAGE; // no clip could be read: nothing was changed
            }
            for (Channel channel : targets) {
                if (queued > 0 && channel.state() == Channel.State.NEEDS_CONNECT) { // queued, but nothing goes out yet
                    ctx.out().println("note: channel " + channel.name() + " is not connected yet: its posts wait until"
                            + " you click Connect on Channels in 'tagline serve'");
                }
            }
            if (failed > 0) {
                ctx.err().println(queued == 0 ? "nothing was queued" : "queued " + Counts.of(queued, "post")
                        + "; the clips named above were not queued");
            }
        }
        return failed == 0 ? ExitCode.OK : ExitCode.SOME_FAILED;
    }

    /**
     * The clips named: a folder without {@code clip.json} whose subfolders have one is the output of {@code clips
     * render}, and stands for those subfolders in name order (talk-001, talk-002, …, their rank order).
     */
    private List<Path> expand(List<Path> named) {
        List<Path> out = new ArrayList<>();
        for (Path given : named) {
            Path path = ctx.resolve(given);
            if (java.nio.file.Files.isDirectory(path)
                    && !java.nio.file.Files.exists(path.resolve(ClipManifests.FILE_NAME))) {
                try (java.util.stream.Stream<Path> children = java.nio.file.Files.list(path)) {
                    List<Path> inside = children.filter(c -> java.nio.file.Files.isRegularFile(
                            c.resolve(ClipManifests.FILE_NAME))).sorted().toList();
                    if (!inside.isEmpty()) {
                        out.addAll(inside);
                        continue;
                    }
                } catch (java.io.IOException e) {
                    throw new TaglineException("Cannot list " + path + ": " + e.getMessage(),
                            "Check that the folder is readable.", e);
                }
            }
            out.add(path);
        }
        return out;
    }
}
