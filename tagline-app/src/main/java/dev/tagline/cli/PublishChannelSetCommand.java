package dev.tagline.cli;

import dev.tagline.core.TaglineException;
import dev.tagline.publish.Publishing;
import dev.tagline.publish.platform.Platforms;
import dev.tagline.publish.platform.PublicHostName;
import dev.tagline.publish.store.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagline publish channels set NAME --option KEY=VALUE}: changes an existing channel's options (a webhook's
 * {@code timeout} or {@code url}) without removing it and its waiting posts (dogfood round 9 L6). The whole new set
 * is checked exactly as at add time.
 */
@Command(name = "set", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Change a channel's options; its posts, rule and credentials stay.")
final class PublishChannelSetCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    PublishOptions db;
    @Parameters(paramLabel = "NAME", description = "The channel to change.")
    String name;
    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "Option to set, repeatable; the keys are"
            + " those of 'publish channels add' (e.g. webhook timeout=2m).")
    Map<String, String> options = new LinkedHashMap<>();
    @Option(names = "--unset", paramLabel = "KEY", description = "Option to remove (back to its default),"
            + " repeatable.")
    List<String> unset = new ArrayList<>();

    PublishChannelSetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (options.isEmpty() && unset.isEmpty()) {
            throw new TaglineException("Nothing to change on channel '" + name + "'",
                    "Give --option KEY=VALUE or --unset KEY, e.g. --option timeout=2m.");
        }
        try (Publishing p = db.open(ctx)) {
            Channel c = p.channels().byName(name);
            ctx.out().println("changed channel " + c.name() + apply(ctx, p, c, options, unset));
        }
        return ExitCode.OK;
    }

    /**
     * Merges {@code changes} into the options of {@code c} and drops {@code unset}; checks the result as at add time
     * (required options, the Instagram host name, the webhook timeout range, unknown keys) and stores it. Returns
     * ": KEY=VALUE, …" for the message; nothing is stored when the check fails.
     */
    static String apply(CliContext ctx, Publishing p, Channel c, Map<String, String> changes, List<String> unset) {
        Map<String, String> next = new LinkedHashMap<>(c.options());
        next.putAll(changes);
        for (String key : unset) {
            if (next.remove(key) == null) {
                throw new TaglineException("Channel '" + c.name() + "' has no option '" + key + "' to unset",
                        "Its options: " + (c.options().isEmpty() ? "none" : String.join(", ", c.options().keySet()))
                                + ".");
            }
        }
        Platforms.validateOptions(c.platform(), next, PublicHostName.HostResolver.SYSTEM)
                .forEach(w -> ctx.err().println("warning: " + w));
        Channel saved = p.channels().setOptions(c.id(), Platforms.normalized(c.platform(), next));
        List<String> shown = new ArrayList<>();
        changes.keySet().forEach(k -> shown.add(k + "=" + saved.options().get(k)));
        unset.forEach(k -> shown.add(k + " unset"));
        return ": " + String.join(", ", shown);
    }
}
