package org.example.segmentation.core.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
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
        while (chars.position() == 0) {
            if (flushed) {
                break;
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                countLines(0, chars.position());
                throw invalid(bytes.get(bytes.position()) & 0xFF);
            }
            if (result.isOverflow()) {
                break;
            }
            // Underflow: needs more input.
            if (endOfInput) {
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
        int from = 0;
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(0) == '\uFEFF') {
                chars.get();
                from = 1;
            }
        }
        countLines(from, chars.limit());
        return chars.hasRemaining();
    }

    private void countLines(int from, int to) {
        char[] a = chars.array();
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (c == 0) {
                throw new InputException(file + ", line " + (lineBreaks + 1) + ": the file contains a NUL character,"
                        + " so it is not a UTF-8 text file (UTF-16, or not text at all); save it as UTF-8");
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
