package dev.tagline.cli;

import dev.tagline.publish.Publishing;
import dev.tagline.web.WebServer;
import dev.tagline.web.WebSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tagline serve}: the web app (Content Calendar) until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Start the web app: the Content Calendar and its JSON API.", "",
            "The JSON API is described in docs/api.md.", "",
            "  tagline serve --media clips=./clips", "",
            "  tagline serve --media faces=./faces --caption-extension faces=.txt   (a taggui dataset)", "",
            "Listens on 127.0.0.1 only unless --host says otherwise. The admin password comes from "
                + "TAGLINE_ADMIN_PASSWORD, or is set on the first-start page with the code printed here."})
final class ServeCommand implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin
    PublishOptions db;
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE};"
            + " 0.0.0.0 exposes the app to the network: put it behind TLS and use --secure-cookies).")
    String host;
    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;
    @Option(names = "--media", paramLabel = "NAME=FOLDER", description = "A folder media may be served from, as"
            + " /media/NAME/… (after login) and, for the video of a webhook or Instagram post, as its public link"
            + " /public/v/…; repeatable. Nothing outside these folders is ever served.")
    Map<String, Path> media = new LinkedHashMap<>();
    @Option(names = "--caption-extension", paramLabel = "NAME=EXT", description = "Where the captions of media folder"
            + " NAME live on its Datasets page, as 'tagline caption --caption-extension' (default .caption): .txt for a"
            + " taggui, OneTrainer or ai-toolkit dataset, whose NAME.txt is the caption (then the page shows one"
            + " caption box and no tags, unless --tags-extension gives the tags another file); repeatable.")
    Map<String, String> captionExtensions = new LinkedHashMap<>();
    @Option(names = "--tags-extension", paramLabel = "NAME=EXT", description = "Where the tags of media folder NAME"
            + " live (default .txt), as 'tagline caption --tags-extension'; repeatable.")
    Map<String, String> tagsExtensions = new LinkedHashMap<>();
    @Option(names = "--secure-cookies", description = "Mark the session cookie Secure (behind a TLS proxy).")
    boolean secureCookies;

    /**
     * What serve says first: where to open it and, listening on every address without {@code --secure-cookies}, a
     * warning. A wildcard host is no address to open: the line names the loopback one.
     */
    static List<String> startLines(String host, int port, boolean secureCookies) {
        boolean any = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String shown = any ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Tagline web app on http://" + shown + ":" + port + "/" + (any ? " and on every other address of"
                + " this machine" : "") + " (Ctrl-C stops it)");
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1") && !secureCookies) {
            lines.add("warning: --host " + host + " exposes the login page beyond this machine over plain HTTP; serve"
                    + " it behind a TLS proxy and add --secure-cookies.");
        }
        return lines;
    }

    ServeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, Path> roots = new LinkedHashMap<>();
        media.forEach((name, folder) -> roots.put(name, ctx.resolve(folder)));
        WebSettings.requireHomeNotServed(roots, ctx.home().dir());
        WebSettings.requireDatabaseNotServed(roots, db.dbUrl != null ? db.dbUrl : ctx.env().get("TAGLINE_DB_URL"));
        WebSettings settings = new WebSettings(host, port, roots, ctx.home().dir().resolve("web").resolve("admin.pbkdf2"),
                ctx.env().get("TAGLINE_ADMIN_PASSWORD"), secureCookies, WebSettings.DEFAULT_ITERATIONS,
                Duration.ofHours(12), captionExtensions, tagsExtensions);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(10, TimeUnit.SECONDS); // let the server and database close before the JVM halts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tagline-serve-stop"));
        try (Publishing publishing = db.open(ctx);
             WebServer server = WebServer.create(settings, publishing, ctx.env(), ctx.clock()).start()) {
            List<String> lines = startLines(host, server.port(), secureCookies);
            String url = lines.get(0).replaceFirst("^Tagline web app on (\\S+).*$", "$1");
            lines.forEach(ctx.out()::println);
            if (server.setupCode() != null) {
                ctx.out().println("First start: open " + url + "setup and enter the setup code " + server.setupCode()
                        + " to choose the admin password.");
            }
            ctx.out().flush();
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
        }
        return ExitCode.OK;
    }
}
