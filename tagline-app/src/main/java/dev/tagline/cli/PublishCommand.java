package dev.tagline.cli;

import picocli.CommandLine.Command;

/** {@code tagline publish}: the group; the work is in the subcommands. */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Schedule and publish clips to the platforms, exactly once.", "",
            "  tagline publish channels add yt --platform youtube --zone Europe/Berlin",
            "  tagline publish rules set yt --days mon-fri --times 09:00,18:00 --per-day 1",
            "  tagline publish queue clips/talk-003 --channels yt,tt",
            "  tagline publish auto-schedule && tagline publish run", ""},
        subcommands = {PublishChannelsCommand.class, PublishRulesCommand.class, PublishQueueCommand.class,
            PublishPlanCommands.AutoSchedule.class, PublishListCommand.class, PublishPlanCommands.Move.class,
            PublishPlanCommands.Unschedule.class, PublishPlanCommands.Cancel.class, PublishFollowClipCommand.class,
            PublishResolveCommand.class,
            PublishRunCommand.class,
            PublishStatusCommand.class})
final class PublishCommand extends CommandGroup {

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
