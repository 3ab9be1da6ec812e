package dev.tagline.cli;

import dev.tagline.publish.Publishing;
import picocli.CommandLine.Option;

/** The options every {@code tagline publish} subcommand shares: which database to use. */
final class PublishOptions {
    @Option(names = {"--db", "--db-url"}, paramLabel = "JDBC_URL",
            description = "Publish database: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=…"
                    + " (env TAGLINE_DB_URL; default: SQLite file $TAGLINE_HOME/publish.db).")
    String dbUrl;

    Publishing open(CliContext ctx) {
        return Publishing.open(dbUrl, ctx.home(), ctx.clock());
    }
}
