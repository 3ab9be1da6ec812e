package dev.tagline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void readsTheThreeForms() {
        assertEquals(Optional.of(new ByteRange(10, 19)), ByteRange.parse("bytes=10-19", 100));
        assertEquals(Optional.of(new ByteRange(90, 99)), ByteRange.parse("bytes=90-", 100));
        assertEquals(Optional.of(new ByteRange(80, 99)), ByteRange.parse("bytes=-20", 100));
        assertEquals(Optional.of(new ByteRange(95, 99)), ByteRange.parse("bytes=95-500", 100));
    }

    @Test
    void pastTheEndIsUnsatisfiableAndGarbageMeansTheWholeFile() {
        assertEquals(Optional.of(ByteRange.UNSATISFIABLE), ByteRange.parse("bytes=100-", 100));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=20-10", 100));
        assertEquals(Optional.empty(), ByteRange.parse("items=1-2", 100));
        assertEquals(Optional.empty(), ByteRange.parse(null, 100));
    }
}
