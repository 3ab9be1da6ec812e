package dev.tagline.publish;

import dev.tagline.core.config.TaglineHome;
import dev.tagline.publish.plan.AutoScheduler;
import dev.tagline.publish.plan.RuleStore;
import dev.tagline.publish.store.AttemptLog;
import dev.tagline.publish.store.CalendarSlots;
import dev.tagline.publish.store.ChannelStore;
import dev.tagline.publish.store.Database;
import dev.tagline.publish.store.JobStore;
import dev.tagline.publish.store.MediaStore;
import dev.tagline.publish.store.PostCopy;
import dev.tagline.publish.store.PostDecisions;
import dev.tagline.publish.store.PostStore;
import java.time.Clock;

/**
 * Wires the publishing parts on one database through constructors (the module's {@code App}). Open one per command or
 * worker process and close it at the end.
 */
public final class Publishing implements AutoCloseable {
    private final Database db;
    private final TaglineHome home;
    private final Clock clock;
    private final ChannelStore channels;
    private final MediaStore media;
    private final PostStore posts;
    private final PostCopy copies;
    private final PostDecisions decisions;
    private final CalendarSlots calendar;
    private final RuleStore rules;
    private final AutoScheduler scheduler;
    private final dev.tagline.publish.store.BrokenClips broken;

    private Publishing(Database db, TaglineHome home, Clock clock) {
        this.db = db;
        this.home = home;
        this.clock = clock;
        this.channels = new ChannelStore(db, clock);
        this.media = new MediaStore(db, clock);
        this.posts = new PostStore(db, clock);
        this.copies = new PostCopy(db, clock);
        this.decisions = new PostDecisions(db, clock);
        this.calendar = new CalendarSlots(db);
        this.rules = new RuleStore(db, clock);
        this.scheduler = new AutoScheduler(posts, decisions, rules, clock);
        this.broken = new dev.tagline.publish.store.BrokenClips(db);
    }

    /** Opens (and migrates) the database at {@code url}, or the SQLite file in {@code home} when url is blank. */
    public static Publishing open(String url, TaglineHome home, Clock clock) {
        String resolved = url == null || url.isBlank() ? Database.defaultUrl(home) : url;
        return new Publishing(Database.open(resolved), home, clock);
    }

    public Database database() {
        return db;
    }

    public TaglineHome home() {
        return home;
    }

    public Clock clock() {
        return clock;
    }

    public ChannelStore channels() {
        return channels;
    }

    public MediaStore media() {
        return media;
    }

    public PostStore posts() {
        return posts;
    }

    /** The text posts that have not been sent will go out with. */
    public PostCopy copies() {
        return copies;
    }

    /** The user's decisions on one post: retry, cancel, unschedule, resolve. */
    public PostDecisions decisions() {
        return decisions;
    }

    /** The posts whose clip's stored details cannot be read: shown as broken, failed by a run. */
    public dev.tagline.publish.store.BrokenClips brokenClips() {
        return broken;
    }

    public CalendarSlots calendar() {
        return calendar;
    }

    public RuleStore rules() {
        return rules;
    }

    public AutoScheduler scheduler() {
        return scheduler;
    }

    /**
     * After {@code clip.json} at {@code manifestPath} changed (a review saved, a re-render): its posts that have not
     * started publishing take its copy, except those whose text was edited on the calendar ({@link
     * PostCopy#followClip}). Empty when no clip is registered from that file.
     */
    public java.util.List<PostCopy.Following> followClip(java.nio.file.Path manifestPath) {
        return media.reread(manifestPath).map(copies::followClip).orElse(java.util.List.of());
    }

    /**
     * {@link #followClip} for every clip with posts that follow its copy, so a list or calendar shows the text that
     * will be sent also after {@code clip.json} was edited elsewhere. A {@code clip.json} that cannot be read now is
     * passed over: its posts keep their text, and the worker checks the clip again before it uploads. One query finds
     * the posts, an unchanged {@code clip.json} is not parsed again ({@link MediaStore#manifests}), and only posts whose
     * text differs are written, so a calendar of thousands of posts opens without reading thousands of files.
     */
    public void followClips() {
        java.util.Map<Long, dev.tagline.core.manifest.ClipManifest.Copy> changed = new java.util.LinkedHashMap<>();
        java.util.Map<Long, java.util.Optional<dev.tagline.core.manifest.ClipManifest>> clips = new java.util.HashMap<>();
        for (PostCopy.Follower f : copies.followers()) {
            clips.computeIfAbsent(f.mediaId(), id -> clipNow(id, f.manifestPath())).ifPresent(manifest -> {
                dev.tagline.core.manifest.ClipManifest.Copy copy = manifest.copyFor(f.platform());
                if (!java.util.Objects.equals(copy.title(), f.title()) || !copy.text().equals(f.caption())) {
                    changed.put(f.postId(), copy);
                }
            });
        }
        copies.takeCopies(changed);
    }

    /** Media {@code id}'s {@code clip.json} as it is now (stored when it changed); empty when it cannot be read. */
    private java.util.Optional<dev.tagline.core.manifest.ClipManifest> clipNow(long id, java.nio.file.Path manifest) {
        try {
            dev.tagline.publish.store.ClipManifestCache.Read read = media.manifests().read(manifest);
            if (read.parsed()) {
                media.refresh(id, read.manifest());
            }
            return java.util.Optional.of(read.manifest());
        } catch (dev.tagline.core.TaglineException e) {
            org.slf4j.LoggerFactory.getLogger(Publishing.class).debug("{} cannot be read now; its posts keep their"
                    + " text until the worker checks the clip before uploading", manifest, e);
            return java.util.Optional.empty();
        }
    }

    /**
     * The way back for a post whose text was edited on the calendar: it takes its clip's copy for its platform as
     * {@code clip.json} holds it now, and follows the clip again until it is sent ({@link PostCopy#followClipAgain}).
     * A post that never was edited just takes the clip's copy now. Throws naming the post when sending began (its text
     * is fixed: {@link #whyTextFixed}) or when its {@code clip.json} cannot be read.
     */
    public dev.tagline.publish.store.Post followClipAgain(long postId) {
        dev.tagline.publish.store.Post post = posts.byId(postId);
        java.util.Optional<String> fixed = whyTextFixed(post);
        if (fixed.isEmpty()) {
            java.nio.file.Path manifest = media.manifestPath(post.mediaId());
            var clip = media.reread(manifest).orElseThrow(() -> new dev.tagline.core.TaglineException("The clip of"
                    + " post " + postId + " (" + manifest + ") is not registered", "Queue the clip again."));
            if (copies.followClipAgain(postId, clip)) {
                return posts.byId(postId);
            }
            fixed = whyTextFixed(posts.byId(postId)).or(() -> java.util.Optional.of("Post " + postId
                    + " changed meanwhile (a worker may have taken it)"));
        }
        throw new dev.tagline.core.TaglineException(fixed.get(), "Only a queued or scheduled post that has not started"
                + " publishing can take its clip's copy.");
    }

    /**
     * Why {@code post}'s text can no longer change (sending began, or it failed or was cancelled), as "Post 3 is published: its text
     * was fixed when sending began, so it cannot follow its clip again"; empty while it is queued or scheduled and
     * nothing was sent.
     */
    public static java.util.Optional<String> whyTextFixed(dev.tagline.publish.store.Post post) {
        boolean waiting = post.state() == dev.tagline.publish.store.PostState.QUEUED
                || post.state() == dev.tagline.publish.store.PostState.SCHEDULED;
        if (waiting && post.step() == dev.tagline.publish.store.Post.Step.UPLOAD) {
            return java.util.Optional.empty();
        }
        if (post.state() == dev.tagline.publish.store.PostState.FAILED
                || post.state() == dev.tagline.publish.store.PostState.CANCELLED) {
            return java.util.Optional.of("Post " + post.id() + " is " + post.state().label() + ", so it is not waiting"
                    + " to be sent and cannot follow its clip again");
        }
        String is = waiting ? "has started publishing" : "is " + post.state().label();
        return java.util.Optional.of("Post " + post.id() + " " + is + ": its text was fixed when sending began, so it"
                + " cannot follow its clip again");
    }

    /** The token source over the vault; the key comes from {@code TAGLINE_SECRET_KEY} or the 0600 key file. */
    public dev.tagline.publish.auth.TokenSource tokens(java.util.Map<String, String> env,
                                                       java.net.http.HttpClient client) {
        return new dev.tagline.publish.auth.VaultTokenSource(credentials(env), client, clock);
    }

    /** Sealed credentials per channel. */
    public dev.tagline.publish.auth.CredentialStore credentials(java.util.Map<String, String> env) {
        return new dev.tagline.publish.auth.CredentialStore(db, new dev.tagline.publish.auth.TokenVault(
                dev.tagline.publish.auth.SecretKeys.load(env, home)), clock);
    }

    public dev.tagline.publish.store.WorkerStore workers() {
        return new dev.tagline.publish.store.WorkerStore(db);
    }

    public JobStore jobs() {
        return new JobStore(db);
    }

    public AttemptLog attempts() {
        return new AttemptLog(db);
    }

    @Override
    public void close() {
        db.close();
    }
}
