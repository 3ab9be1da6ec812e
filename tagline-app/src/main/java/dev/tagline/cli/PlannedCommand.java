package dev.tagline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command whose capability is not in this build yet. It says so, names the issue that brings it, and exits with
 * {@link ExitCode#USAGE}: it never pretends to have done the work.
 */
@Command(mixinStandardHelpOptions = true)
final class PlannedCommand implements Callable<Integer> {
    private final String issue;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", hidden = true)
    java.util.List<String> ignored;

    PlannedCommand(String issue) {
        this.issue = issue;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: 'tagline " + spec.name() + "' is not yet available in this build ("
                + issue + "). Nothing was done.");
        return ExitCode.USAGE;
    }
}
