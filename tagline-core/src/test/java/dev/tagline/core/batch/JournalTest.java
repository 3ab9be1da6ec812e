package dev.tagline.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private List<String> replay(Path file) {
        List<String> seen = new ArrayList<>();
        Journal.replay(file, e -> seen.add(e.key() + "=" + e.record()));
        return seen;
    }

    @Test
    void onlyClosedChunksCountAndATornTailIsCutBeforeAppending() throws Exception {
        Path file = Journal.file(dir, "check", "max-pixels=1", Shard.ALL);
        try (Journal j = Journal.open(file, "check", "max-pixels=1", e -> { })) {
            j.append(List.of(new Journal.Entry("a.jpg", "1@1", "ok"), new Journal.Entry("tab\tand\nnewline.jpg", "1@1", "x")));
        }
        Files.writeString(file, "{\"k\":\"c.jpg\",\"r\":\"ok\"}\n{\"k\":\"d.j", StandardOpenOption.APPEND);
        assertEquals(List.of("a.jpg=ok", "tab\tand\nnewline.jpg=x"), replay(file), "the unclosed chunk is ignored");
        try (Journal j = Journal.open(file, "check", "max-pixels=1", e -> { })) {
            j.append(List.of(new Journal.Entry("e.jpg", "1@1", "ok")));
        }
        assertEquals(List.of("a.jpg=ok", "tab\tand\nnewline.jpg=x", "e.jpg=ok"), replay(file));
        assertFalse(Files.readString(file).contains("d.j"), "torn tail removed");
    }

    @Test
    void aChunkWithADamagedLineIsNotTrusted() throws Exception {
        Path file = Journal.file(dir, "check", "s", Shard.ALL);
        try (Journal j = Journal.open(file, "check", "s", e -> { })) {
            j.append(List.of(new Journal.Entry("a.jpg", "1@1", "ok")));
            j.append(List.of(new Journal.Entry("b.jpg", "1@1", "ok")));
        }
        Files.writeString(file, Files.readString(file).replace("b.jpg", "B.jpg"));
        assertEquals(List.of("a.jpg=ok"), replay(file));
    }

    @Test
    void theFileNameDependsOnJobSettingsAndShard() {
        Path a = Journal.file(dir, "check", "min-side=256", Shard.ALL);
        assertNotEquals(a, Journal.file(dir, "check", "min-side=512", Shard.ALL));
        assertNotEquals(a, Journal.file(dir, "tag", "min-side=256", Shard.ALL));
        assertNotEquals(a, Journal.file(dir, "check", "min-side=256", new Shard(1, 2)));
        assertEquals(dir.resolve(".tagline"), a.getParent());
    }

    @Test
    void forgetRemovesOnlyThatJobsJournals() throws Exception {
        Path check = Journal.file(dir, "check", "s", Shard.ALL);
        Path tag = Journal.file(dir, "tag", "s", Shard.ALL);
        Journal.open(check, "check", "s", e -> { }).close();
        Journal.open(tag, "tag", "s", e -> { }).close();
        Journal.forget(dir, "check");
        assertFalse(Files.exists(check));
        assertEquals(true, Files.exists(tag));
    }

    @Test
    void aKeyJournaledAgainReplaysOnlyItsLatestRecord() {
        Path file = Journal.file(dir, "check", "s", Shard.ALL);
        try (Journal j = Journal.open(file, "check", "s", e -> { })) {
            j.append(List.of(new Journal.Entry("a.jpg", "1@1", "corrupt"), new Journal.Entry("b.jpg", "1@1", "ok")));
            j.append(List.of(new Journal.Entry("a.jpg", "2@2", "ok")));
        }
        assertEquals(List.of("b.jpg=ok", "a.jpg=ok"), replay(file));
    }
}
