package org.example.segmentation.core.cleaning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Replaces an identifier by {@code hex(SHA-256(UTF-8(salt) || UTF-8(value)))}: 64 lower-case hex digits,
 * the same for the same salt and value in every run, month and chunk, so customers stay linkable without
 * their raw ids. The same digest in SQL is {@code sha2(concat(salt, id), 256)}. Anyone holding the salt can
 * test guessed ids against a pseudonym, so the salt must be kept like the raw ids. Not thread-safe.
 */
final class Pseudonymiser {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest salted;

    Pseudonymiser(String salt) {
        try {
            salted = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        salted.update(salt.getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonym of {@code value}; {@code null} (missing) stays {@code null}. */
    String pseudonym(String value) {
        if (value == null) {
            return null;
        }
        MessageDigest d;
        try {
            d = (MessageDigest) salted.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
        byte[] hash = d.digest(value.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[hash[i] & 0xf];
        }
        return new String(out);
    }
}
