package dev.tagline.web;

import static dev.tagline.web.Html.esc;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import java.nio.file.Path;

/**
 * Background jobs: {@code /jobs} lists them with live progress ({@code /api/jobs/{id}/events}, server-sent events),
 * {@code POST /api/jobs/{id}/cancel} stops one at its next item; {@code POST /jobs/{root}/{kind}} starts one
 * of the {@link JobKinds} on a media folder.
 */
final class JobRoutes {
    static final long PUSH_MILLIS = 250;
    private final WebContext web;
    private final Jobs jobs;
    private final JobKinds kinds;

    JobRoutes(WebContext web, Jobs jobs, JobKinds kinds) {
        this.web = web;
        this.jobs = jobs;
        this.kinds = kinds;
    }

    void register(RoutesConfig r) {
        r.get("/jobs", this::page);
        r.get("/api/jobs", ctx -> ctx.json(jobs.all().stream().map(Jobs.Job::view).toList()));
        r.sse("/api/jobs/{id}/events", this::events);
        r.post("/api/jobs/{id}/cancel", this::cancel);
        r.post("/jobs/{root}/{kind}", this::startJob);
    }

    private void page(Context ctx) {
        StringBuilder b = new StringBuilder("<section class=\"jobs\"><h1>Jobs</h1><ul id=\"jobs\">");
        for (Jobs.Job job : jobs.all()) {
            b.append("<li class=\"job\" data-job-id=\"").append(esc(job.id)).append("\"><strong>").append(esc(job.title))
                    .append("</strong> <progress max=\"1\" value=\"0\"></progress> <span class=\"state\">")
                    .append(esc(job.state().name().toLowerCase(java.util.Locale.ROOT))).append("</span> <span class=\"message\">")
                    .append("</span> <button type=\"button\" class=\"cancel\">Cancel</button></li>");
        }
        if (jobs.all().isEmpty()) {
            b.append("<li class=\"empty\">No jobs yet. Start one from a dataset page (check, tag, thumbnails) or the clips page (find, render).</li>");
        }
        ctx.html(Html.page("Jobs", Guard.session(ctx).csrf(), "/jobs", b.append("</ul></section>").toString(),
                "/static/jobs.js"));
    }

    private void events(SseClient client) {
        Jobs.Job job = jobs.find(client.ctx().pathParam("id")).orElse(null);
        if (job == null) {
            client.sendEvent("gone", "{}");
            client.close();
            return;
        }
        while (!client.terminated()) {
            // the state is read before the view: read after it, a job that finished in between ended the stream on
            // a "running" view and the page never saw "done" (a CI failure in FindJobIT)
            Jobs.State state = job.state();
            client.sendEvent("progress", job.view());
            if (state != Jobs.State.RUNNING) {
                break;
            }
            try {
                Thread.sleep(PUSH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        client.close();
    }

    private void cancel(Context ctx) {
        String id = ctx.pathParam("id");
        if (jobs.find(id).isEmpty()) {
            throw new NotFoundResponse("No job " + id);
        }
        ctx.json(java.util.Map.of("cancelled", jobs.cancel(id)));
    }

    private void startJob(Context ctx) {
        String root = ctx.pathParam("root");
        Path dir = web.settings().mediaRoots().get(root);
        if (dir == null) {
            throw new NotFoundResponse("No media folder named '" + root + "'");
        }
        JobKinds.Kind kind = kinds.get(ctx.pathParam("kind"));
        java.util.Map<String, String> form = new java.util.HashMap<>();
        ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        jobs.start(kind.title(root, form), kind.work(dir, form));
        ctx.redirect("/jobs");
    }
}
