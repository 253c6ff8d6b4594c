package org.example.segmentation.core.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * Pins the generated tables bit for bit: the same configuration must give the same table on every JVM and
 * machine, today and after any refactoring. If a change to the generator is intended, run {@link #main} and
 * paste the new fingerprints here (and say so in the commit: every golden number downstream changes too).
 */
class GoldenTableTest {
    private static final GeneratorConfig MONTH1 = new GeneratorConfig(2000, 20240601L, 1, true, true);
    private static final GeneratorConfig MONTH2 = MONTH1.withSnapshot(2);

    static final String MONTH1_FINGERPRINT = "7895ddb0420d68b654266dd2f545f143c0f1c6ef7be13fa915b1300711ce9faf";
    static final String MONTH2_FINGERPRINT = "fc8941098ff63dffabb4b861804795d45caf0f7143c4873522567823b5f63b7a";

    @Test
    void month1IsUnchanged() {
        assertEquals(MONTH1_FINGERPRINT, fingerprint(CustomerGenerator.generate(MONTH1, Progress.NONE)));
    }

    @Test
    void month2IsUnchanged() {
        assertEquals(MONTH2_FINGERPRINT, fingerprint(CustomerGenerator.generate(MONTH2, Progress.NONE)));
    }

    /** SHA-256 over the column names, types and every cell as text ({@code null} for missing). */
    static String fingerprint(Table t) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Column c : t.columns()) {
                md.update((c.name() + '\u0001' + c.type() + '\u0002').getBytes(StandardCharsets.UTF_8));
                for (int r = 0; r < c.size(); r++) {
                    md.update((c.format(r) + '\u0003').getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints the current fingerprints, to update the constants after an intended change. */
    public static void main(String[] args) {
        System.out.println("MONTH1_FINGERPRINT = \"" + fingerprint(CustomerGenerator.generate(MONTH1, Progress.NONE))
                + "\"");
        System.out.println("MONTH2_FINGERPRINT = \"" + fingerprint(CustomerGenerator.generate(MONTH2, Progress.NONE))
                + "\"");
    }
}
