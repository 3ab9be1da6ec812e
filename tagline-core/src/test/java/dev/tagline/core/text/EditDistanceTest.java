package dev.tagline.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertEquals(3, EditDistance.between("kitten", "sitting"));
        assertEquals(0, EditDistance.between("json", "json"));
        assertEquals(4, EditDistance.between("", "json"));
        assertEquals(4, EditDistance.between("json", ""));
        assertEquals(1, EditDistance.between("general-threshold", "general-treshold"));
        assertEquals(2, EditDistance.between("ab", "ba"));
    }
}
