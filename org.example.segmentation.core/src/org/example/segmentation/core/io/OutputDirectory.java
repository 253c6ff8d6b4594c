package org.example.segmentation.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.example.segmentation.core.InputException;

/**
 * An output directory whose files appear all together or not at all.
 *
 * <p>Files are written into a hidden staging directory inside the target ({@code .staging-RANDOM}); {@link
 * #commit()} renames them into the target one by one (each rename atomic) and removes the staging
 * directory. Closing without a commit deletes the staging directory, so a failed or cancelled run leaves
 * the target as it was (and removes the target itself if this call created it).
 *
 * <pre>{@code
 * try (OutputDirectory out = OutputDirectory.open(dir)) {
 *     CsvWriter.defaults().write(table, out.file("cleaned.csv"));
 *     out.commit();
 * }
 * }</pre>
 */
public final class OutputDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final boolean created;
    private final List<String> names = new ArrayList<>();
    private boolean committed;

    private OutputDirectory(Path target, Path staging, boolean created) {
        this.target = target;
        this.staging = staging;
        this.created = created;
    }

    /**
     * Opens (and creates, with its parents, when missing) the output directory.
     *
     * @throws InputException when {@code dir} is an existing file or cannot be created or written
     */
    public static OutputDirectory open(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException("output directory " + dir + " is an existing file");
        }
        boolean created = false;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                created = true;
            }
            for (int attempt = 0;; attempt++) {
                Path staging = dir.resolve(".staging-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
                try {
                    Files.createDirectory(staging);
                    return new OutputDirectory(dir, staging, created);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 10) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot write to output directory " + dir + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** The final directory. */
    public Path target() {
        return target;
    }

    /**
     * Where to write the output file {@code name} (a plain file name, no directories): a path inside the
     * staging directory. The file appears in the target at {@link #commit()}.
     */
    public Path file(String name) {
        if (committed) {
            throw new IllegalStateException("output directory " + target + " was already committed");
        }
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("output file name '" + name + "' must be a plain file name");
        }
        if (!names.contains(name)) {
            names.add(name);
        }
        return staging.resolve(name);
    }

    /** The names of the files registered so far, in order. */
    public List<String> fileNames() {
        return List.copyOf(names);
    }

    /**
     * Moves every staged file into the target, replacing files of the same name, and removes the staging
     * directory. Files registered with {@link #file} but never written are skipped.
     *
     * @throws InputException when a file cannot be moved
     */
    public void commit() {
        if (committed) {
            return;
        }
        try {
            for (String name : names) {
                Path from = staging.resolve(name);
                if (!Files.exists(from)) {
                    continue;
                }
                Path to = target.resolve(name);
                if (Files.isDirectory(to)) {
                    throw new InputException("cannot write " + to + ": it is a directory");
                }
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            deleteTree(staging);
            committed = true;
        } catch (IOException e) {
            throw new InputException("cannot write to output directory " + target + ": " + e.getMessage(), e);
        }
    }

    /** Without a commit: deletes the staging directory, and the target too if this call created it. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            deleteTree(staging);
            if (created) {
                try (DirectoryStream<Path> s = Files.newDirectoryStream(target)) {
                    if (!s.iterator().hasNext()) {
                        Files.delete(target);
                    }
                }
            }
        } catch (IOException e) {
            // Best effort: a hidden staging directory may stay behind; the run's own error matters more.
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
