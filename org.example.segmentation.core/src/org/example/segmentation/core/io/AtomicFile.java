package org.example.segmentation.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.example.segmentation.core.InputException;

/**
 * Writes a file atomically: the content goes to a hidden temporary file in the same directory
 * ({@code .NAME.RANDOM.tmp}), is forced to disk, and is then renamed over the target. If the body throws,
 * the temporary file is deleted and the target is left as it was.
 */
public final class AtomicFile {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Body {
        /** Writes everything to {@code out}; must not close it. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target} atomically, replacing an existing file. The target's directory must exist.
     *
     * @throws InputException naming the target when it cannot be written (a directory, a missing directory,
     *                        no permission, disk full); the target is then unchanged. Runtime exceptions of
     *                        the body (cancellation, bad input) pass through unchanged, after clean-up
     */
    public static void write(Path target, Body body) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException("cannot write " + target + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new InputException("cannot write " + target + ": it is a directory");
        }
        Path temp = null;
        boolean done = false;
        try {
            temp = createTemp(dir, String.valueOf(absolute.getFileName()));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            String reason = Files.isDirectory(absolute) ? "it is a directory"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new InputException("cannot write " + target + ": " + reason, e);
        } finally {
            if (!done && temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The temporary file stays behind, hidden; the original error matters more.
                }
            }
        }
    }

    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                // CREATE_NEW with default permissions: the final file gets what the umask allows, like any
                // new file (Files.createTempFile would make it private to the owner).
                FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }
}
