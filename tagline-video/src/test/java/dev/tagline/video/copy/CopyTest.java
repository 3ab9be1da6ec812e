package dev.tagline.video.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.images.tag.ScoredTag;
import dev.tagline.images.tag.ScoredTags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyTest {
    static final String VIDEO = "Welcome to the show. Today we talk about testing, deployment and teams. "
            + "Testing matters. Teams matter. Deployment pipelines break on Fridays. ".repeat(5);
    static final String CLIP = "Snapshot testing catches regressions early. Snapshot testing is cheap to write, "
            + "and flaky snapshots tell you the renderer changed. Review every snapshot diff.";

    static CopyInput input(String clip, List<ScoredTag> tags) {
        return new CopyInput(clip, "Snapshot testing catches regressions early.", VIDEO + clip, tags);
    }

    @Test
    void titleDescriptionAndHashtagsComeFromTheClip() {
        ClipCopy copy = new HeuristicCopywriter().write(input(CLIP, List.of()));
        assertEquals("Snapshot testing catches regressions early", copy.title());
        assertTrue(copy.description().startsWith("Snapshot testing catches regressions early. Snapshot testing is"),
                copy.description());
        assertTrue(copy.hashtags().size() >= 3 && copy.hashtags().size() <= 8, copy.hashtags().toString());
        assertTrue(copy.hashtags().contains("snapshottesting") || copy.hashtags().contains("snapshot"),
                copy.hashtags().toString());
        assertEquals("testing", copy.hashtags().get(0), "the video's subject first, a broad tag: " + copy.hashtags());
        assertFalse(KeyPhrases.of(CLIP, VIDEO + CLIP, 5).contains("testing"),
                "as a key phrase, a word the whole video repeats ranks low");
    }

    @Test
    void theVideosSubjectIsATagAndGenericWordsAreNot() {
        String video = ("Git rebase in three steps. First, run git fetch to get the main branch. Then start the rebase"
                + " with git rebase. Git replays your work on top of main. ").repeat(4);
        String clip = "Stashing keeps your work safe. Run git stash before you switch, then run git stash pop to get"
                + " the work back. Git stash list shows every stash.";
        ClipCopy copy = new HeuristicCopywriter().write(new CopyInput(clip, "", video + clip, List.of()));
        assertEquals("git", copy.hashtags().get(0), copy.hashtags().toString());
        assertTrue(copy.hashtags().contains("stash") || copy.hashtags().contains("gitstash"), copy.hashtags().toString());
        for (String generic : List.of("work", "main", "first", "start", "rungit", "back")) {
            assertFalse(copy.hashtags().contains(generic), generic + " in " + copy.hashtags());
        }
        assertEquals(java.util.Optional.empty(), KeyPhrases.topic("Too short to have a subject. Git."));
    }

    /**
     * Dogfood round 4 (F8): a git tutorial's pasta aside got #tastes #perfect #starchy, and a clip that said "pull
     * request" once got #request and #pull apart. Hashtags from speech are the things it names.
     */
    @Test
    void hashtagsWereVerbsAndAdjectives_nowTheNounsTheClipNames() {
        String video = ("Git keeps every version of your project. Git stores each commit as a snapshot. Branches let"
                + " you try ideas without breaking main. ").repeat(3);
        String aside = "Cooking break. While the tests run, let's make pasta. Salt the water until it tastes like the"
                + " sea. Starchy pasta water is a lifesaver for the sauce, so keep a cup of it. The water tastes"
                + " perfect when it is starchy. Now back to git.";
        String message = "When you write a message, describe why you made the change. Future you will thank you in"
                + " the morning. Then open a pull request so the team can review it before it lands on main.";
        HeuristicCopywriter writer = new HeuristicCopywriter();
        List<String> cooking = writer.write(new CopyInput(aside, "", video + aside + message, List.of())).hashtags();
        assertEquals("git", cooking.get(0), "the video's subject first when the clip says it: " + cooking);
        assertTrue(cooking.contains("pasta") || cooking.contains("pastawater"), cooking.toString());
        for (String notAThing : List.of("tastes", "perfect", "starchy", "salt", "make")) {
            assertFalse(cooking.contains(notAThing), notAThing + " names no subject: " + cooking);
        }
        assertTrue(KeyPhrases.of(aside, video + aside, 8).contains("tastes"), "without parts of speech it would be");
        List<String> pr = writer.write(new CopyInput(message, "", video + aside + message, List.of())).hashtags();
        assertTrue(pr.contains("pullrequest"), "two nouns in a row are one thing: " + pr);
        for (String notAThing : List.of("pull", "request", "describe", "lands", "thank", "morning", "future")) {
            assertFalse(pr.contains(notAThing), notAThing + " in " + pr);
        }
        assertFalse(pr.contains("git"), "the clip never says git: " + pr);
    }

    @Test
    void functionWordsAreNeverKeyPhrases() {
        String clip = "You are allowed to use this voice for any purpose, including commercial uses. "
                + "Without doubt, although nobody asked, we'd basically say everything twice.";
        List<String> phrases = KeyPhrases.of(clip, VIDEO + clip, 20);
        for (String word : List.of("including", "without", "although", "we'd", "basically", "everything")) {
            assertFalse(phrases.stream().anyMatch(p -> List.of(p.split(" ")).contains(word)), word + " in " + phrases);
        }
        assertTrue(phrases.contains("voice") && phrases.contains("commercial"), phrases.toString());
    }

    /** "Cherry-pick" is one term (#cherrypick), not #cherry and #pick; "another" says nothing about a topic. */
    @Test
    void hyphenatedTermsStayWholeAndAnotherIsAFunctionWord() {
        String clip = "Cherry-pick copies one commit from another branch. Cherry-pick it onto main, then run "
                + "pre-commit. -- Done; the -c flag and a trailing dash- stay out.";
        List<String> phrases = KeyPhrases.of(clip, VIDEO + clip, 20);
        assertTrue(phrases.contains("cherry-pick") && phrases.contains("pre-commit"), phrases.toString());
        assertFalse(phrases.contains("cherry") || phrases.contains("pick") || phrases.contains("another"),
                phrases.toString());
        assertFalse(phrases.stream().anyMatch(p -> p.startsWith("-") || p.endsWith("-")), phrases.toString());
        assertEquals("cherrypick", HeuristicCopywriter.hashtag("cherry-pick"));
    }

    /** Recheck item 19: a silent clip went out as "Watch this", an empty caption and #shorts #clips #video. */
    @Test
    void withNeitherSpeechNorScreenTextTheFileNameWritesTheCopy() {
        ClipCopy copy = new HeuristicCopywriter().write(new CopyInput("", "", "", List.of(), List.of(), "",
                "man-on-green-screen.mp4"));
        assertEquals("Man on green screen", copy.title());
        assertEquals("Man on green screen", copy.description());
        assertTrue(copy.hashtags().contains("green") || copy.hashtags().contains("greenscreen"), copy.hashtags()
                .toString());
        assertFalse(copy.hashtags().contains("video"), "no filler before the name's words: " + copy.hashtags());
        assertEquals("git rebase", new CopyInput("", "", "", List.of(), List.of(), "", "gitRebase.mp4")
                .sourceWords());
        for (String camera : List.of("IMG_0042.MOV", "Screen Recording 2024-05-01 at 10.22.11.mov", "sc.mp4",
                "VID_20240501_102211.mp4", "clip-01.mp4")) {
            CopyInput in = new CopyInput("", "", "", List.of(), List.of(), "", camera);
            assertEquals("", in.sourceWords(), camera);
            assertEquals("Watch this", new HeuristicCopywriter().write(in).description(), camera);
        }
        ClipCopy screen = new HeuristicCopywriter().write(new CopyInput("", "", "", List.of(),
                List.of("Creating a virtual environment"), "", "man-on-green-screen.mp4"));
        assertEquals("Creating a virtual environment", screen.title(), "on-screen text comes before the file name");
    }

    @Test
    void withoutATranscriptTheOnScreenTextWritesTheCopy() {
        List<String> screen = List.of("File Edit", "Creating a virtual environment", "python -m venv .venv",
                "source .venv/bin/activate");
        ClipCopy copy = new HeuristicCopywriter().write(new CopyInput("", "", "", List.of(), screen));
        assertEquals("Creating a virtual environment", copy.title(), "the slide title, not the menu bar or a command");
        assertEquals("Creating a virtual environment · python -m venv .venv · source .venv/bin/activate",
                copy.description());
        assertTrue(copy.hashtags().contains("venv") && copy.hashtags().contains("virtual")
                && !copy.hashtags().contains("edit"), "from the slide on, not the menu bar: " + copy.hashtags());
        assertFalse(copy.hashtags().contains("shorts"), "no filler tags when the screen names the topic: "
                + copy.hashtags());
        ClipCopy spoken = new HeuristicCopywriter().write(new CopyInput(CLIP, "", VIDEO + CLIP, List.of(), screen));
        assertEquals("Snapshot testing catches regressions early", spoken.title(), "a transcript comes first");
        ClipCopy nothing = new HeuristicCopywriter().write(new CopyInput("", "", "", List.of(), List.of()));
        assertEquals("Watch this", nothing.title());
        assertEquals("Watch this", nothing.description(), "never an empty description (recheck item 19)");
        ClipCopy oneWord = new HeuristicCopywriter().write(new CopyInput("", "", "", List.of(), List.of("Rebasing")));
        assertEquals("Rebasing", oneWord.description(), "a line too short for a heading still describes the clip");
    }

    /**
     * Dogfood G3: a clip without a transcript that runs a server and calls it with curl was described as "from
     * http.server import … · README .md · requirements.txt", the file tree beside the code, because the description
     * went on from the heading; the lines come in the order they appeared, so the last ones are what the clip shows.
     */
    @Test
    void withoutATranscriptTheFileTreeBesideTheCodeWasTheDescription_nowTheTextThatAppearedLast() {
        List<String> screen = List.of("server.py", "import json",
                "from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer", "README .md", "requirements.txt",
                "class Hello(BaseHTTPRequestHandler):", "$ curl localhost:8000", "{\"hello\": \"world\"}");
        ClipCopy copy = new HeuristicCopywriter().write(new CopyInput("", "", "", List.of(), screen, "", "nosrt.mp4"));
        assertEquals("from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer · $ curl localhost:8000 ·"
                + " {\"hello\": \"world\"}", copy.description());
        assertTrue(copy.hashtags().contains("curl"), copy.hashtags()::toString);
    }

    @Test
    void aTitleSetBiggerOnScreenBeatsALongerSubtitle() {
        List<String> screen = List.of("Git branching", "Create, switch and merge branches in five minutes",
                "git switch -c feature");
        ClipCopy guessed = new HeuristicCopywriter().write(new CopyInput("", "", "", List.of(), screen));
        assertEquals("Create, switch and merge branches in five minutes", guessed.title(),
                "without sizes the line with the most words wins");
        ClipCopy sized = new HeuristicCopywriter().write(new CopyInput("", "", "", List.of(), screen,
                "Git branching"));
        assertEquals("Git branching", sized.title());
        assertEquals("Git branching · Create, switch and merge branches in five minutes · git switch -c feature",
                sized.description(), "the description starts at the title");
        ClipCopy spoken = new HeuristicCopywriter().write(new CopyInput(CLIP, "", VIDEO + CLIP, List.of(), screen,
                "Git branching"));
        assertEquals("Snapshot testing catches regressions early", spoken.title(), "a transcript still comes first");
    }

    /**
     * Dogfood round 4 (F8): a clip was titled "When you write a message, describe why you made the…" (the finder's
     * 10-word hook line) while the slide "Commit Small and Often" was on screen.
     */
    @Test
    void titlesStoppedMidPhrase_nowTheSlideTitleOrAWholeClause() {
        String clip = "When you write a message, describe why you made the change and not only what you changed in"
                + " the files. Future you will thank you. Small commits are easy to review.";
        String hook = "When you write a message, describe why you made the…";
        HeuristicCopywriter writer = new HeuristicCopywriter();
        ClipCopy onScreen = writer.write(new CopyInput(clip, hook, VIDEO + clip, List.of(),
                List.of("Commit Small and Often", "git commit -m \"Explain why\""), "Commit Small and Often"));
        assertEquals("Commit Small and Often", onScreen.title(), "the slide title before a cut sentence");
        ClipCopy spoken = writer.write(new CopyInput(clip, hook, VIDEO + clip, List.of()));
        assertEquals("When you write a message, describe why you made the change", spoken.title(),
                "without a slide: the opening sentence up to a clause boundary, no ellipsis");
        assertEquals("When you write a message, describe why you made the change", writer.write(new CopyInput(
                "When you write a message, describe why you made the change. It helps.", hook, VIDEO, List.of(),
                List.of(), "")).title(), "the whole opening sentence when it fits");
        String noClause = "Interactive rebasing rewrites history locally before anybody else pulls anything from"
                + " you. Small commits are easy to review.";
        assertEquals("Small commits are easy to review", writer.write(new CopyInput(noClause, "", VIDEO + noClause,
                List.of())).title(), "a short whole sentence of the clip before a cut");
        assertEquals("How I fixed every git rebase conflict in my team", HeuristicCopywriter.title("How I fixed every"
                + " git rebase conflict in my team, and what it taught me about code review"), "a model's title too");
        for (String notThisClips : List.of("Terminal Shell Edit View Window Help", "Jane Doe Senior Engineer")) {
            assertEquals(spoken.title(), writer.write(new CopyInput(clip, hook, VIDEO + clip, List.of(),
                    List.of(notThisClips), notThisClips)).title(), "a menu bar or a lower third is no slide title");
        }
    }

    @Test
    void keyframeTagsBecomeHashtagsButQualityTagsDoNot() {
        List<ScoredTag> tags = KeyframeTags.mean(List.of(
                new ScoredTags(List.of(new ScoredTag("whiteboard", 0.9), new ScoredTag("blurry", 0.9))),
                new ScoredTags(List.of(new ScoredTag("whiteboard", 0.8), new ScoredTag("guitar", 0.6)))), 2);
        assertEquals("whiteboard", tags.get(0).name());
        assertEquals(0.85, tags.get(0).score(), 1e-9);
        ClipCopy copy = new HeuristicCopywriter().write(input(CLIP, tags));
        assertTrue(copy.hashtags().contains("whiteboard"), copy.hashtags().toString());
        assertFalse(copy.hashtags().contains("blurry"), copy.hashtags().toString());
        assertFalse(copy.hashtags().contains("guitar"), "seen on one frame of two: 0.3 < 0.5");
    }

    @Test
    void everyPlatformVariantIsWithinItsLimits() {
        String longClip = ("Ünïcödé 漢字 and emoji 🎬 make limits tricky. " + CLIP + " ").repeat(60);
        List<ScoredTag> tags = List.of(new ScoredTag("whiteboard", 0.9), new ScoredTag("office", 0.8),
                new ScoredTag("laptop", 0.7));
        ClipCopy base = new ClipCopy("A <very> long title that keeps going well past what Shorts would show and past"
                + " the hard YouTube limit of one hundred characters", longClip,
                List.of("one", "two", "three", "four", "five", "six", "seven", "eight"));
        for (ClipCopy copy : List.of(base, new HeuristicCopywriter().write(input(longClip, tags)))) {
            Map<Platform, ClipCopy> variants = PlatformCopy.variants(copy);
            assertEquals(5, variants.size());
            variants.forEach((p, v) -> {
                assertTrue(p.length(v.text()) <= p.textMax(), p + " text " + p.length(v.text()));
                assertTrue(v.hashtags().size() <= p.maxHashtags(), p + " hashtags " + v.hashtags());
                assertTrue(p.titleMax() == 0 || v.title().length() <= p.titleMax(), p + " title " + v.title());
                assertFalse(v.description().isEmpty(), p + " keeps a description");
            });
            ClipCopy yt = variants.get(Platform.YOUTUBE);
            assertFalse(yt.title().contains("<") || yt.description().contains(">"), "YouTube forbids < and >");
        }
    }

    @Test
    void clipReviewCutTheTitleTo60ForEveryPlatform_nowEachPlatformsOwnLimit() {
        String title = "How I fixed every single git rebase conflict in my team in one afternoon"; // 72 chars
        ClipCopy copy = new ClipCopy(title, "Fetch, rebase, push.", List.of("git"));
        Map<Platform, ClipCopy> variants = PlatformCopy.variants(copy);
        for (Platform p : Platform.values()) {
            assertEquals(title, variants.get(p).title(), p + ": 72 characters fit every title limit or none");
        }
        String longer = (title + " and then some more words past the limit of YouTube titles").repeat(2);
        ClipCopy cut = PlatformCopy.fit(new ClipCopy(longer, "d", List.of()), Platform.YOUTUBE);
        assertTrue(cut.title().length() <= 100 && cut.title().length() > 90 && cut.title().endsWith("…"), cut.title());
        assertEquals(longer, PlatformCopy.fit(new ClipCopy(longer, "d", List.of()), Platform.TIKTOK).title(),
                "TikTok has no title field: its API's title is the caption");
    }

    /** Dogfood round 3: a garbled command ("$ python3 app.py" read as "Hon3 app ·py") titled a screencast. */
    @Test
    void aGarbledCommandIsNoTitleAndTheDescriptionNeverRepeatsTheTitle() {
        ClipCopy copy = new HeuristicCopywriter().write(new CopyInput("", "", "", List.of(), List.of("Hon3 app ·py",
                "def load_config(path: str) > dict:"), "Hon3 app ·py", "config-loader.mp4"));
        assertEquals("Config loader", copy.title(), "the file name's words before a command: " + copy);
        assertFalse(copy.description().equalsIgnoreCase(copy.title()), copy.toString());
        assertEquals(3, HeuristicCopywriter.headingScore("Reading a JSON file"),
                "…while a slide title still reads as one (a: too short to count)");
    }

    @Test
    void shortsIsAYouTubeTagAndNumberWordsAreNoHashtags() {
        Map<Platform, ClipCopy> variants = PlatformCopy.variants(new ClipCopy("T", "d", List.of("git", "shorts")));
        assertEquals(List.of("git", "shorts"), variants.get(Platform.YOUTUBE).hashtags());
        for (Platform p : List.of(Platform.TIKTOK, Platform.INSTAGRAM, Platform.X)) {
            assertEquals(List.of("git"), variants.get(p).hashtags(), p + ": #shorts says the post came from YouTube");
        }
        ClipCopy copy = new HeuristicCopywriter().write(input("Fetch the upstream ninety three times, then rebase"
                + " small commits. The rebase reaches origin.", List.of()));
        for (String junk : List.of("ninety", "three", "small", "reaches")) {
            assertFalse(copy.hashtags().contains(junk), junk + " names no subject: " + copy.hashtags());
        }
    }

    @Test
    void xCountsWeightedCharacters() {
        assertEquals(2, TextLength.weighted("漢"));
        assertEquals(2, TextLength.weighted("🎬"));
        assertEquals(5, TextLength.weighted("hello"));
        assertEquals(4 + 23, TextLength.weighted("see https://example.com/a/very/long/path"));
    }

    @Test
    void trimmingStopsAtAWordAndSaysSo() {
        assertEquals("one two…", TextLength.trim("one two three", s -> s.length() <= 9));
        assertEquals("one two three", TextLength.trim("one two three", s -> s.length() <= 13));
    }
}
