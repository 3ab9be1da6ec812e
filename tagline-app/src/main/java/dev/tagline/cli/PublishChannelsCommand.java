package dev.tagline.cli;

import dev.tagline.publish.Publishing;
import dev.tagline.publish.plan.PostingRule;
import dev.tagline.publish.store.Channel;
import dev.tagline.publish.store.ChannelStore;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline publish channels add|set|list|remove}. */
@Command(name = "channels", mixinStandardHelpOptions = true, description = "Add, change, list and remove channels.",
        subcommands = {PublishChannelAddCommand.class, PublishChannelSetCommand.class, PublishChannelsCommand.List.class,
            PublishChannelsCommand.Remove.class})
final class PublishChannelsCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List channels, their rules and state.")
    static final class List implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;

        List(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (Publishing p = db.open(ctx)) {
                java.util.List<Channel> all = p.channels().list();
                if (all.isEmpty()) {
                    ctx.out().println("no channels yet: tagline publish channels add NAME --platform folder"
                            + " --option path=DIR");
                }
                String row = "%-16s %-10s %-20s %-16s %s%s%n";
                if (!all.isEmpty()) {
                    ctx.out().printf(row, "CHANNEL", "PLATFORM", "ZONE", "STATE", "POSTING RULE", "");
                }
                for (Channel c : all) {
                    String rule = p.rules().find(c.id()).map(PublishChannelsCommand::describe)
                            .orElse("no rule (auto-schedule passes it over; set one with 'publish rules set')");
                    ctx.out().printf(row, c.name(), c.platform(), c.zone(),
                            c.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), rule,
                            stateReason(c) == null ? ""
                                    : "  (" + stateReason(c) + ")");
                    if (!c.options().isEmpty()) { // which timeout, url… is in force (dogfood round 9 L6)
                        ctx.out().println("  options: " + new java.util.TreeMap<>(c.options()).entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(java.util.stream.Collectors.joining(", ")));
                    }
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a channel with its rule and unpublished posts; published posts stay on record.")
    static final class Remove implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--yes", description = "Remove it without asking, even when it has unpublished posts.")
        boolean yes;

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            try (Publishing p = db.open(ctx)) {
                long unpublished = p.posts().ofChannel(p.channels().byName(name).id()).stream()
                        .filter(post -> post.state() != dev.tagline.publish.store.PostState.PUBLISHED).count();
                if (unpublished > 0 && !yes && !confirmed(unpublished)) {
                    return ExitCode.USAGE;
                }
                ChannelStore.Removal done = p.channels().remove(name);
                java.util.List<String> what = new ArrayList<>();
                if (done.deletedUnpublished() > 0) {
                    what.add("deleted its " + Counts.of(done.deletedUnpublished(), "unpublished post")
                            + " (queued, scheduled or failed)");
                }
                if (done.keptPublished() > 0) {
                    what.add("kept its " + Counts.of(done.keptPublished(), "published post") + " and its history");
                }
                ctx.out().println("removed channel " + name + (what.isEmpty() ? "" : "; " + String.join("; ", what)));
            }
            return ExitCode.OK;
        }

        /** Asks on a terminal; elsewhere says to add --yes. A typo must not drop a channel's whole queue. */
        private boolean confirmed(long unpublished) {
            String what = "Channel '" + name + "' has " + Counts.of(unpublished, "unpublished post")
                    + " (queued, scheduled or failed) that removing it deletes";
            java.io.Console console = System.console();
            if (ctx.interactive() && console != null) {
                String answer = console.readLine(what + ". Remove it? [y/N] ");
                if (answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                    return true;
                }
                ctx.err().println("kept channel " + name);
                return false;
            }
            ctx.err().println("error: " + what + ". Nothing removed: add --yes to remove it.");
            return false;
        }
    }

    /** How the command line describes a channel in {@code needs connect}, wherever it was added. */
    static final String NOT_CONNECTED = "not connected yet: open Channels in 'tagline serve' and click Connect";

    /**
     * The state text the command line shows for {@code c}: for {@code needs connect} where to connect it, whatever
     * was stored when it was added (the Channels page stored "click Connect"; dogfood round 9 L8).
     */
    static String stateReason(Channel c) {
        return c.state() == Channel.State.NEEDS_CONNECT ? NOT_CONNECTED : c.stateReason();
    }

    static String describe(PostingRule r) {
        return r.daysText() + " " + r.timesText() + ", " + r.perDay() + "/day, " + r.perWeek() + "/week, spacing "
                + r.minSpacing().toMinutes() + " min" + (r.blackouts().isEmpty() ? "" : ", blackouts "
                + r.blackoutsText());
    }
}
