package org.example.segmentation.core.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.example.segmentation.core.InputException;

/**
 * Loads a model from the bytes of its JSON model file, as a KNIME port object holds them, with the model's own
 * {@code load(Path)}, so that every check of the file format applies to port contents too.
 */
public final class ModelBytes {

    private ModelBytes() {
    }

    /**
     * @param bytes  the model file's bytes
     * @param what   what the bytes are, for messages ({@code the Cleaning Model port})
     * @param loader the model's {@code load(Path)}
     * @throws InputException when the bytes are not a valid model of that kind
     */
    public static <T> T load(byte[] bytes, String what, Function<Path, T> loader) {
        Path dir = null;
        Path file = null;
        try {
            dir = Files.createTempDirectory("segmentation-model");
            file = dir.resolve("model.json");
            Files.write(file, bytes);
            return loader.apply(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + what + " in a temporary file", e);
        } catch (InputException e) {
            throw new InputException(what + ": " + e.getMessage(), e);
        } finally {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
                if (dir != null) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException e) {
                // a leftover temporary file does no harm
            }
        }
    }
}
