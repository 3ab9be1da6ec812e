package dev.tagline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.images.check.CheckRecord;
import dev.tagline.images.load.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pure parts: record rewriting for duplicates, WebDataset keys, the resume set, work items. */
class PiecesTest {
    @Test
    void aDuplicateRecordIsTheCliRecordOfTheSameFileWithTheDuplicateVerdict() {
        CheckRecord ok = new CheckRecord("b.png", Verdict.OK, "", List.of("EXIF orientation 6 applied"), "png", 30,
                20, 99, "ab".repeat(32));
        CheckRecord dup = CheckRecord.fromJson(CheckDuplicates.duplicateRecord(ok.toJson(), "a/b.png"));
        assertEquals(new CheckRecord("b.png", Verdict.DUPLICATE, "same bytes as a/b.png", ok.conversions(), "png", 30,
                20, 99, ok.sha256()), dup);
    }

    @Test
    void webDatasetRecordKeysEndAtTheFirstDotOfTheFileName() {
        assertEquals("000001", ShardOutput.recordKey("000001.jpg"));
        assertEquals("dir.v2/000001", ShardOutput.recordKey("dir.v2/000001.tags.txt"));
        assertEquals("noext", ShardOutput.recordKey("noext"));
        assertTrue(ShardInput.companion("000001.TXT"));
        assertFalse(ShardInput.companion("000001.jpg"));
    }

    @Test
    void theResumeSetHoldsPathAndBytesTogether() {
        DoneSet done = new DoneSet(new long[] {DoneSet.digest("a.png", "11"), DoneSet.digest("b.png", "22")});
        assertTrue(done.contains("a.png", "11"));
        assertFalse(done.contains("a.png", "22"), "same path, other bytes: changed, done again");
        assertFalse(done.contains("c.png", "11"), "same bytes, other path: a copy, not skipped");
        assertFalse(DoneSet.EMPTY.contains("a.png", "11"));
    }

    @Test
    void workItemsKnowTheirNameSupportAndHash(@org.junit.jupiter.api.io.TempDir Path scratch) {
        WorkItem item = new WorkItem("hdfs://nn/d/sub/x.PNG", "sub/x.PNG", null, 3, 0, null, new byte[] {1, 2, 3});
        assertEquals("x.PNG", item.fileName());
        assertTrue(item.supported());
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", item.sha256());
        assertFalse(new WorkItem("u", "clip.mp4", null, 0, 0, null, new byte[0]).supported());
        WorkItem mask = new WorkItem("u", "sub/x-masklabel.png", null, 0, 0, null, new byte[0], null, "sub/x.PNG");
        assertFalse(mask.supported(), "a OneTrainer mask beside its image is no image of the dataset");
        assertEquals("sub/x.PNG", mask.entry(scratch).maskOf());
    }
}
