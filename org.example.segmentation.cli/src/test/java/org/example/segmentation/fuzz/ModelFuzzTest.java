package org.example.segmentation.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.drift.DriftMonitor;
import org.example.segmentation.core.scoring.ScoringModel;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.selection.FeatureSelection;
import org.example.segmentation.core.table.Table;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes loading every model kind, and using what loads: a truncated or hand-edited model file must either
 * load and work on a customer table, or fail with an {@link InputException} that says what is wrong; any
 * other exception (a NullPointerException, an index out of bounds, an arithmetic surprise) is a bug. The kinds:
 * cleaning model, feature selection, segmentation model, drift baseline, scoring model (from a file and from bytes).
 * The seed corpus holds one small model of each kind (ModelFuzzTestInputs), fitted on customers.csv.
 */
class ModelFuzzTest {

    /** A small customer table the loaded models are applied to. */
    private static final Table CUSTOMERS = customers();

    private interface Use {
        void run(Path file);
    }

    private static final List<Use> KINDS = List.of(
            file -> CleaningModel.load(file).apply(CUSTOMERS),
            file -> FeatureSelection.load(file).apply(CUSTOMERS),
            file -> SegmentationModel.load(file).assign(CUSTOMERS),
            file -> DriftMonitor.monitor(DriftBaseline.load(file), CUSTOMERS),
            file -> ScoringModel.load(file).score(CUSTOMERS),
            // as the KNIME scorer node reads its model port: from the bytes, through the same ModelFile checks
            file -> ScoringModel.parse(readAll(file)).score(CUSTOMERS));

    @FuzzTest(maxDuration = "60s")
    void loadAndUseAnyBytes(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz", ".json");
        try {
            Files.write(file, bytes);
            for (Use use : KINDS) {
                try {
                    use.run(file);
                } catch (InputException expected) {
                    if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                        throw new AssertionError("an InputException without a message", expected);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table customers() {
        try {
            Path file = Files.createTempFile("fuzz-customers", ".csv");
            try (var in = ModelFuzzTest.class.getResourceAsStream("customers.csv")) {
                Files.write(file, in.readAllBytes());
            }
            Table t = CsvReader.read(file, CsvReadOptions.defaults()).table();
            Files.delete(file);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
