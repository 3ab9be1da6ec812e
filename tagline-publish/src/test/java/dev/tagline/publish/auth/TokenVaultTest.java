package dev.tagline.publish.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.TaglineException;
import dev.tagline.core.config.TaglineHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVaultTest {
    @TempDir
    Path dir;
    final Credential cred = new Credential("cid", "csecret", "access-xyz", "refresh-abc",
            Instant.parse("2026-01-01T00:00:00Z"), null);

    @Test
    void sealsWithAesGcmAndOpensOnlyForTheSameChannelAndKey() {
        TokenVault vault = new TokenVault(SecretKeys.load(Map.of(SecretKeys.ENV, SecretKeys.generate()),
                new TaglineHome(dir)));
        String sealed = vault.seal(7, cred);
        assertTrue(sealed.startsWith("v1:"));
        assertFalse(sealed.contains("access-xyz") || sealed.contains("refresh-abc") || sealed.contains("csecret"));
        assertEquals(cred, vault.open(7, "yt", sealed));
        assertTrue(assertThrows(TaglineException.class, () -> vault.open(8, "other", sealed)).getMessage()
                .contains("another key or belong to another channel"));
        TokenVault otherKey = new TokenVault(SecretKeys.load(Map.of(SecretKeys.ENV, SecretKeys.generate()),
                new TaglineHome(dir)));
        TaglineException e = assertThrows(TaglineException.class, () -> otherKey.open(7, "yt", sealed));
        assertTrue(e.hint().contains("TAGLINE_SECRET_KEY"), e.hint());
        assertFalse(vault.seal(7, cred).equals(sealed), "a fresh IV every time");
    }

    @Test
    void withoutTheEnvironmentKeyAKeyFileIsCreatedOwnerOnly() throws Exception {
        TaglineHome home = new TaglineHome(dir.resolve("home"));
        SecretKeys.load(Map.of(), home);
        Path file = home.dir().resolve(SecretKeys.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(SecretKeys.load(Map.of(), home), SecretKeys.load(Map.of(), home), "the same key next time");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TaglineException e = assertThrows(TaglineException.class, () -> SecretKeys.load(Map.of(), home));
        assertTrue(e.hint().contains("chmod 600"), e.hint());
    }

    @Test
    void aKeyOfTheWrongLengthIsNamed() {
        TaglineException e = assertThrows(TaglineException.class, () -> SecretKeys.load(Map.of(SecretKeys.ENV,
                "c2hvcnQ="), new TaglineHome(dir)));
        assertTrue(e.getMessage().contains("has 5 bytes, not 32"), e.getMessage());
    }

    @Test
    void credentialsNeverPrintTheirSecretsAndRotationKeepsTheOldRefreshWhenNoneIsSent() {
        assertFalse(cred.toString().contains("access-xyz") || cred.toString().contains("csecret"));
        Credential kept = cred.refreshed("new-access", Instant.EPOCH, "", null);
        assertEquals("refresh-abc", kept.refreshToken(), "an empty refresh token never overwrites");
        assertEquals("rotated", cred.refreshed("a", Instant.EPOCH, "rotated", null).refreshToken());
    }
}
