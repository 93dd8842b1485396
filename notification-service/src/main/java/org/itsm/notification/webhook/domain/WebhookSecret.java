package org.itsm.notification.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscription's signing secret and the Standard Webhooks signature made with it. A secret is {@code whsec_}
 * followed by the base64 of 24 to 64 random bytes; a generated one has 32. The signature of a message is
 * {@code v1,} + base64(HMAC-SHA256(key = the secret's decoded bytes, content = "{id}.{timestamp}.{body}")), sent in the
 * {@code webhook-signature} header beside {@code webhook-id} and {@code webhook-timestamp} (seconds since the epoch).
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final int GENERATED_BYTES = 32;
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Why {@code secret} cannot sign, or null when it can. */
    public static String refusal(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return "must start with " + PREFIX + " followed by the base64 of " + MIN_BYTES + " to " + MAX_BYTES
                    + " random bytes";
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return "must be " + PREFIX + " followed by base64";
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            return "must carry " + MIN_BYTES + " to " + MAX_BYTES + " bytes of key after " + PREFIX;
        }
        return null;
    }

    /** The {@code webhook-signature} value for a message. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
