package org.example.segmentation.core.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.example.segmentation.core.InputException;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Source} decodes most bytes itself (ASCII and two-byte sequences) and gives the rest to the JDK's decoder.
 * Here random byte strings, valid and not, are read through it in random read sizes (so that sequences and CRLFs are
 * cut at every place) and compared with a reference written out in the test: the JDK's strict decoder over the whole
 * array, then the line breaks counted as Commons CSV counts them (every CR, every LF not after a CR) up to the first
 * NUL or the first malformed byte. The decoded text, or the error's line, byte and offset, must be the reference's.
 */
class Utf8SourceTest {
    /** Pieces the random strings are made of: valid text of every length, line ends, and every kind of bad byte. */
    private static final byte[][] PIECES = {
        utf8("a"), utf8("1,2.5"), utf8(";"), utf8("\t"), utf8(" "), utf8("\n"), utf8("\r"), utf8("\r\n"),
        utf8("é"), utf8("Łódź"), utf8("Zürich"), utf8("ß"), utf8("€"), utf8("中文"), utf8("😀"), utf8("\u07FF"),
        utf8("\u0800"), utf8("\uFFFD"), utf8("\uFEFF"), {0}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC3},
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xC3, 'a'}, {(byte) 0xDF, (byte) 0xC0},
    };

    @Test
    void decodesAndFailsExactlyAsTheJdkDecoderWithLinesCounted() throws IOException {
        Random random = new Random(42);
        int valid = 0;
        int invalid = 0;
        for (int round = 0; round < 4000; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (random.nextInt(5) == 0) {
                out.writeBytes(utf8("\uFEFF"));
            }
            // Mostly good pieces, so that most strings reach their end or fail late.
            int pieces = random.nextInt(round % 10 == 0 ? 40_000 : 60);
            for (int i = 0; i < pieces; i++) {
                int k = random.nextInt(100) < 97 ? random.nextInt(19) : random.nextInt(PIECES.length);
                out.writeBytes(PIECES[k]);
            }
            byte[] bytes = out.toByteArray();
            String expected = reference(bytes);
            String got;
            try (Utf8Source in = new Utf8Source(new Trickle(bytes, random), "f.csv")) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[1 + random.nextInt(70_000)];
                for (int n = in.read(buf, 0, buf.length); n >= 0; n = in.read(buf, 0, buf.length)) {
                    sb.append(buf, 0, n);
                }
                got = "text:" + sb;
                valid++;
            } catch (InputException e) {
                got = "error:" + e.getMessage();
                invalid++;
            }
            assertEquals(expected, got, "round " + round + ", " + bytes.length + " bytes");
        }
        assertTrue(valid > 500 && invalid > 500, valid + " valid, " + invalid + " invalid");
    }

    /** What reading {@code bytes} must give: "text:" and the text, or "error:" and the message. */
    private static String reference(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, chars, true);
        chars.flip();
        String text = chars.toString();
        long breaks = 0;
        boolean afterCR = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "error:f.csv, line " + (breaks + 1) + ": the file contains a NUL character, so it is not a"
                        + " UTF-8 text file (UTF-16, or not text at all); save it as UTF-8";
            }
            breaks += c == '\r' || c == '\n' && !afterCR ? 1 : 0;
            afterCR = c == '\r';
        }
        if (result.isError()) {
            int at = in.position();
            int bad = bytes[at] & 0xFF;
            if (at == 0 && (bad == 0xFF || bad == 0xFE)) {
                return "error:f.csv, line 1: the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8;"
                        + " save it as UTF-8 (for example 'CSV UTF-8' in Excel)";
            }
            return "error:f.csv, line " + (breaks + 1) + ": the file is not valid UTF-8 (byte 0x"
                    + String.format("%02X", bad) + " at byte offset " + at
                    + "); save it as UTF-8 (for example 'CSV UTF-8' in Excel)";
        }
        return "text:" + (text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Gives its bytes a few at a time (1 to 9, or a large block), as a slow stream may. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int at;

        Trickle(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - at), random.nextBoolean() ? 1 + random.nextInt(9) : 70_000);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
