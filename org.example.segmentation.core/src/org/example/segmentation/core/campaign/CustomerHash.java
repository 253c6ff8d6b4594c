package org.example.segmentation.core.campaign;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The salted hash that decides a customer's group: SHA-256 of the UTF-8 bytes of
 * {@code salt + "\u0000" + id}, of which the first 8 bytes, read big-endian, are an unsigned 64-bit number.
 * The NUL separator keeps {@code ("ab", "c")} and {@code ("a", "bc")} apart. The id is hashed exactly as
 * given (no trimming, case kept). Not thread-safe (one digest per instance).
 */
final class CustomerHash {
    private final MessageDigest digest;
    private final byte[] prefix;

    CustomerHash(String salt) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
        byte[] s = salt.getBytes(UTF_8);
        prefix = new byte[s.length + 1];
        System.arraycopy(s, 0, prefix, 0, s.length);
    }

    /** The first 8 bytes of the digest as a long; compare with {@link Long#compareUnsigned}. */
    long hash(String id) {
        digest.reset();
        digest.update(prefix);
        byte[] d = digest.digest(id.getBytes(UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xFF);
        }
        return h;
    }

    /**
     * The hash as a number in [0, 1): its top 53 bits times 2^-53, exactly representable as a double, so
     * {@code unit(h) < share} is the threshold rule {@code hash / 2^64 < share} at double precision.
     */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** The hash mapped to a signed long of the same order, so that signed sorting orders hashes unsigned. */
    static long sortKey(long hash) {
        return hash ^ Long.MIN_VALUE;
    }
}
