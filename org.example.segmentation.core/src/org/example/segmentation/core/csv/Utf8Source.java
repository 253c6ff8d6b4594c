package org.example.segmentation.core.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.example.segmentation.core.InputException;

/**
 * A strict UTF-8 reader over a file's bytes: drops a leading byte order mark, fails on the first invalid
 * byte (or NUL character, the sign of UTF-16 or binary data) with an {@link InputException} naming the file
 * and the physical line, and counts the bytes consumed (for progress).
 *
 * <p>Lines are counted the way Commons CSV counts them: every CR, and every LF not preceded by a CR, ends a
 * line. The count runs at decoding time, so it is exact at the invalid byte even though the parser reads
 * ahead.
 */
final class Utf8Source extends Reader {
    private static final int BUFFER = 1 << 16;
    /** Eight bytes of a byte array as one {@code long}, the first byte lowest. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** 0x0E in every byte: a byte below it is NUL, a line end or another control character. */
    private static final long CONTROLS = 0x0E0E0E0E0E0E0E0EL;

    private final InputStream in;
    private final String file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private long bytesRead;
    private long lineBreaks;
    private boolean lastWasCR;
    private boolean endOfInput;
    private boolean flushed;
    private boolean atStart;

    Utf8Source(InputStream in, String file) {
        this(in, file, true);
    }

    /**
     * @param fileStart whether {@code in} starts at the start of the file (where a byte order mark is dropped); false
     *                  for a part of a file that starts further on
     */
    Utf8Source(InputStream in, String file, boolean fileStart) {
        this.in = in;
        this.file = file;
        this.atStart = fileStart;
    }

    /** The number of bytes taken from the file so far (ahead of what the parser consumed). */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    /** Decodes the next chunk into {@link #chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            decodeFast();
            if (chars.position() > 0) {
                break;
            }
            if (bytes.hasRemaining()) {
                // A byte the fast loop leaves to the decoder: one sequence at most (4 bytes) goes through it, so the
                // fast loop takes over again right after.
                int limit = bytes.limit();
                int slice = Math.min(limit, bytes.position() + 4);
                bytes.limit(slice);
                CoderResult result = decoder.decode(bytes, chars, endOfInput && slice == limit);
                bytes.limit(limit);
                countLines(0, chars.position());
                if (result.isError()) {
                    throw invalid(bytes.get(bytes.position()) & 0xFF);
                }
                if (chars.position() > 0) {
                    break;
                }
                // Underflow: a sequence cut by the end of the bytes read so far.
            }
            if (endOfInput) {
                decoder.decode(bytes, chars, true); // no bytes left: ends the decoder's input, as flush wants
                decoder.flush(chars);
                flushed = true;
                break;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytesRead += n;
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(0) == '\uFEFF') {
                chars.get();
                if (!chars.hasRemaining()) {
                    return fill(); // the mark was all there was so far
                }
            }
        }
        return chars.hasRemaining();
    }

    /**
     * Decodes ASCII and two-byte sequences (accented Latin letters) from {@link #bytes} into {@link #chars}, counting
     * the line breaks, as far as both buffers go; stops at any other byte (a longer sequence, or a malformed one),
     * which {@link #fill} gives to the JDK's decoder.
     *
     * <p><b>Why.</b> The JDK's decoder followed by a second loop that counted lines and looked for NUL characters was
     * a tenth of reading a large file. Customer files are mostly ASCII with some accented names: one loop here decodes
     * them and counts their lines at once, eight bytes at a time where none of the eight is special (not ASCII, or a
     * control character such as a line end: one test on a {@code long}). Every byte it does not take goes through the
     * decoder as before, so the characters, the errors and their byte offsets are the decoder's.
     */
    private void decodeFast() {
        byte[] src = bytes.array();
        int sp = bytes.position();
        int sl = bytes.limit();
        char[] dst = chars.array();
        int dp = chars.position();
        int dl = chars.limit();
        long breaks = lineBreaks;
        boolean cr = lastWasCR;
        try {
            int plain = 0; // bytes to take one by one before trying eight at a time again
            while (sp < sl && dp < dl) {
                if (plain == 0) {
                    if (sp + 8 <= sl && dp + 8 <= dl) {
                        long w = (long) LONGS.get(src, sp);
                        // No high bit, and no byte below 0x0E (with no high bit set, the subtraction borrows from a
                        // byte only when that byte is below 0x0E, so a byte flagged here is such a byte or follows one).
                        if (((w | (w - CONTROLS) & ~w) & HIGH_BITS) == 0) {
                            for (int k = 0; k < 8; k++) {
                                dst[dp + k] = (char) (w >>> (k << 3) & 0xFF);
                            }
                            sp += 8;
                            dp += 8;
                            cr = false;
                            continue;
                        }
                    }
                    plain = 8;
                }
                plain--;
                int b = src[sp];
                if (b >= 0) {
                    if (b <= '\r') { // NUL, line ends and other control characters: rare
                        if (b == 0) {
                            throw nul(breaks);
                        }
                        if (b == '\n' && !cr || b == '\r') {
                            breaks++;
                        }
                    }
                    cr = b == '\r';
                    dst[dp++] = (char) b;
                    sp++;
                } else if (b >= (byte) 0xC2 && b <= (byte) 0xDF && sp + 1 < sl && (src[sp + 1] & 0xC0) == 0x80) {
                    dst[dp++] = (char) ((b & 0x1F) << 6 | src[sp + 1] & 0x3F);
                    sp += 2;
                    cr = false;
                } else {
                    break;
                }
            }
        } finally {
            bytes.position(sp);
            chars.position(dp);
            lineBreaks = breaks;
            lastWasCR = cr;
        }
    }

    private void countLines(int from, int to) {
        char[] a = chars.array();
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (c == 0) {
                throw nul(lineBreaks);
            }
            if (c == '\r') {
                lineBreaks++;
                lastWasCR = true;
            } else {
                if (c == '\n' && !lastWasCR) {
                    lineBreaks++;
                }
                lastWasCR = false;
            }
        }
    }

    private InputException nul(long breaks) {
        return new InputException(file + ", line " + (breaks + 1) + ": the file contains a NUL character, so it is"
                + " not a UTF-8 text file (UTF-16, or not text at all); save it as UTF-8");
    }

    private InputException invalid(int badByte) {
        long offset = bytesRead - bytes.remaining();
        if (offset == 0 && (badByte == 0xFF || badByte == 0xFE)) {
            return new InputException(file + ", line 1: the file is UTF-16 (it starts with a UTF-16 byte order mark),"
                    + " not UTF-8; save it as UTF-8 (for example 'CSV UTF-8' in Excel)");
        }
        return new InputException(file + ", line " + (lineBreaks + 1) + ": the file is not valid UTF-8 (byte 0x"
                + String.format("%02X", badByte) + " at byte offset " + offset
                + "); save it as UTF-8 (for example 'CSV UTF-8' in Excel)");
    }

    /** Closes the file; a failure to close a file that was only read loses nothing and is ignored. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
