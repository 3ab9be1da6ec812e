package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.plan.PostingRule;
import dev.tagline.publish.store.Channel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline publish rules set CHANNEL …}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Posting rules per channel.",
        subcommands = PublishRulesCommand.Set.class)
final class PublishRulesCommand extends CommandGroup {

    @Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Set when a channel posts, on the channel's own clock (daylight saving handled).",
                "Re-plans the channel's auto-scheduled posts."})
    static final class Set implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin
        PublishOptions db;
        @Parameters(paramLabel = "CHANNEL")
        String channel;
        @Option(names = "--days", defaultValue = "daily", description = "daily, weekdays, weekends, mon-fri,"
                + " mon,wed,fri (default: ${DEFAULT-VALUE}).")
        String days;
        @Option(names = "--times", required = true, description = "Times of day, e.g. 09:00,18:30.")
        String times;
        @Option(names = "--per-day", description = "At most this many posts a day (default: one per time).")
        Integer perDay;
        @Option(names = "--per-week", description = "At most this many posts a week (default: no weekly cap).")
        Integer perWeek;
        @Option(names = "--min-spacing", defaultValue = "0m", description = "Least time between two posts,"
                + " e.g. 3h (default: ${DEFAULT-VALUE}).")
        String minSpacing;
        @Option(names = "--blackout", description = "Dates without posts: 2026-12-24,2026-12-30..2027-01-02.")
        String blackout;

        Set(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            PostingRule rule = PostingRule.of(days, times, perDay, perWeek, minSpacing, blackout);
            try (Publishing p = db.open(ctx)) {
                Channel c = p.channels().byName(channel);
                if (perDay == null && rule.usableTimesPerDay() < rule.perDay()) {
                    // the rule's own message would blame a "--per-day 2" nobody typed
                    throw new TaglineException("Posting rule for channel '" + c.name() + "': without --per-day it"
                            + " posts at each of the times " + rule.timesText() + ", but with --min-spacing "
                            + minSpacing + " only " + rule.usableTimesPerDay() + " of them fit on one day",
                            "Give --per-day " + rule.usableTimesPerDay() + ", spread the times further apart, or"
                                    + " shorten --min-spacing.");
                }
                rule.validated(c.name());
                p.rules().set(c.id(), rule);
                ctx.out().println("rule for " + c.name() + ": " + PublishChannelsCommand.describe(rule) + " ("
                        + c.zone() + ")");
                PublishPlanCommands.report(ctx, p, p.scheduler().replan(c));
            }
            return ExitCode.OK;
        }
    }
}
