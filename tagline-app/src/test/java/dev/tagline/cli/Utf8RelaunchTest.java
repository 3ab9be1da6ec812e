package dev.tagline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Utf8RelaunchTest {
    @Test
    void cUtf8IsPreferredInAnySpellingThenAnyUtf8LocaleAndWithoutOneNothingChanges() {
        assertEquals(Optional.of("C.UTF-8"), Utf8Relaunch.pick(List.of("C", "C.utf8", "POSIX", "en_US.utf8")));
        assertEquals(Optional.of("C.UTF-8"), Utf8Relaunch.pick(List.of("C.UTF-8")));
        assertEquals(Optional.of("de_DE.utf8"), Utf8Relaunch.pick(List.of("C", "de_DE", "de_DE.utf8", "POSIX")));
        assertEquals(Optional.of("sr_RS.UTF-8@latin"), Utf8Relaunch.pick(List.of("POSIX", "sr_RS.UTF-8@latin")));
        assertEquals(Optional.empty(), Utf8Relaunch.pick(List.of("C", "POSIX", "de_DE.iso88591")),
                "no UTF-8 locale: today's behaviour, no relaunch");
    }
}
