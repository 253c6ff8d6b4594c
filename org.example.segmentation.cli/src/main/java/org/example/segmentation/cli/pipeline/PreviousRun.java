package org.example.segmentation.cli.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.drift.DriftBaseline;
import org.example.segmentation.core.selection.FeatureSelection;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.Table;

/**
 * The output directory of an earlier run: its models (applied with {@code reuse_models}, or the previous
 * segmentation for segment-id carry-over), its drift baseline and its scored customers (for migration). Each is
 * loaded when first asked for; a missing file is an error naming it.
 */
public final class PreviousRun {
    private final Path dir;
    private CleaningModel cleaning;
    private FeatureSelection selection;
    private SegmentationModel segmentation;
    private DriftBaseline baseline;

    PreviousRun(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException("previous run " + dir + " is not a directory (give the output directory of an "
                    + "earlier 'segment run')");
        }
        this.dir = dir;
    }

    /** The previous run's directory. */
    public Path dir() {
        return dir;
    }

    /** Whether the previous run wrote {@code name}. */
    public boolean has(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    /** The previous run's cleaning model. */
    public CleaningModel cleaning() {
        if (cleaning == null) {
            cleaning = CleaningModel.load(require(CleaningModel.FILE_NAME));
        }
        return cleaning;
    }

    /** The previous run's feature selection. */
    public FeatureSelection selection() {
        if (selection == null) {
            selection = FeatureSelection.load(require(FeatureSelection.FILE_NAME));
        }
        return selection;
    }

    /** The previous run's segmentation model. */
    public SegmentationModel segmentation() {
        if (segmentation == null) {
            segmentation = SegmentationModel.load(require(SegmentationModel.FILE_NAME));
        }
        return segmentation;
    }

    /** The previous run's drift baseline. */
    public DriftBaseline baseline() {
        if (baseline == null) {
            baseline = DriftBaseline.load(require(DriftBaseline.FILE_NAME));
        }
        return baseline;
    }

    /**
     * The previous run's scored customers, only the {@code columns} it has (null: every column; a wide file of a
     * million rows reads several times faster for a few columns), or {@code null} when it wrote none.
     */
    public Table customers(Collection<String> columns) {
        return has(PipelineRun.CUSTOMERS)
                ? read(dir.resolve(PipelineRun.CUSTOMERS), CsvReadOptions.defaults(), columns, Progress.NONE)
                : null;
    }

    /**
     * Reads the {@code columns} that {@code file} has (null: every column), for the previous month of a migration
     * ({@code DriftMonitor.previousColumns} says which it needs).
     */
    public static Table read(Path file, CsvReadOptions options, Collection<String> columns, Progress progress) {
        if (columns == null) {
            return CsvReader.read(file, options, progress).table();
        }
        List<String> present = new ArrayList<>(CsvReader.header(file, options));
        present.retainAll(columns);
        return CsvReader.read(file, options, present, progress).table();
    }

    /** The path of {@code name} in the previous run, which must exist. */
    Path require(String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new InputException("previous run " + dir + " has no " + name);
        }
        return p;
    }
}
