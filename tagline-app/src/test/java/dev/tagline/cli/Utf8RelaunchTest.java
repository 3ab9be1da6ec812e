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

    @Test
    void theArgumentsBytesRoundTripAndAVariableForOtherArgumentsIsIgnored() {
        byte[] name = "\u5199\u771f".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String raw = Utf8Relaunch.encode(List.of("check".getBytes(java.nio.charset.StandardCharsets.US_ASCII), name,
                new byte[0]));
        String[] seen = {"check", "\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd", ""};
        assertEquals(List.of("check", "\u5199\u771f", ""), List.of(Utf8Relaunch.decode(raw, seen)));
        assertEquals(List.of("a"), List.of(Utf8Relaunch.decode(raw, new String[] {"a"})), "another count: as read");
        assertEquals(List.of(), List.of(Utf8Relaunch.decode(Utf8Relaunch.encode(List.of()), new String[0])));
        assertEquals(List.of("x"), List.of(Utf8Relaunch.decode("garbage", new String[] {"x"})));
    }
}
