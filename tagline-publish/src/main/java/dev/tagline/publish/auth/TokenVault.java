package dev.tagline.publish.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.TaglineException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals credentials with AES-256-GCM: {@code v1:} + base64(12-byte random IV ‖ ciphertext ‖ 16-byte tag). The channel
 * id is the associated data, so a sealed blob copied onto another channel does not open.
 */
public final class TokenVault {
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<java.util.Map<String, String>> MAP = new TypeReference<>() {
    };
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public TokenVault(SecretKey key) {
        this.key = key;
    }

    public String seal(long channelId, Credential credential) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(channelId));
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(toMap(credential)));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("AES-GCM is available in every JVM", e);
        }
    }

    public Credential open(long channelId, String channelName, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new TaglineException("Credentials of channel '" + channelName + "' are in an unknown format",
                    "Reconnect the channel.");
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(aad(channelId));
            byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
            return fromMap(JSON.readValue(plain, MAP));
        } catch (AEADBadTagException e) {
            throw new TaglineException("Cannot decrypt the credentials of channel '" + channelName + "': they were"
                    + " sealed with another key or belong to another channel", "Set " + SecretKeys.ENV
                    + " (or restore secret.key) to the key used when the channel was added, or reconnect it.", e);
        } catch (GeneralSecurityException | IOException e) {
            throw new TaglineException("Credentials of channel '" + channelName + "' are damaged: " + e.getMessage(),
                    "Reconnect the channel.", e);
        }
    }

    private static java.util.Map<String, String> toMap(Credential c) {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        put(m, "clientId", c.clientId());
        put(m, "clientSecret", c.clientSecret());
        put(m, "accessToken", c.accessToken());
        put(m, "refreshToken", c.refreshToken());
        put(m, "accessExpiresAt", c.accessExpiresAt() == null ? null : c.accessExpiresAt().toString());
        put(m, "refreshExpiresAt", c.refreshExpiresAt() == null ? null : c.refreshExpiresAt().toString());
        return m;
    }

    private static Credential fromMap(java.util.Map<String, String> m) {
        return new Credential(m.get("clientId"), m.get("clientSecret"), m.get("accessToken"), m.get("refreshToken"),
                m.get("accessExpiresAt") == null ? null : java.time.Instant.parse(m.get("accessExpiresAt")),
                m.get("refreshExpiresAt") == null ? null : java.time.Instant.parse(m.get("refreshExpiresAt")));
    }

    private static void put(java.util.Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static byte[] aad(long channelId) {
        return ("tagline-credential:" + channelId).getBytes(StandardCharsets.UTF_8);
    }
}
