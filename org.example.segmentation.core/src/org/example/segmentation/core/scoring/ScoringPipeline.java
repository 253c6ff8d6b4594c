package org.example.segmentation.core.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.csv.CsvChunks;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.io.AtomicFile;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;

/**
 * Scores new customers end to end with saved models: the optional cleaning model cleans each row for the optional
 * segmentation model, which assigns the segment (and flags customers farther from their segment's centre than 99% of
 * the training customers: {@code out_of_range}); the scoring model scores the <em>raw</em> row (its consent,
 * lifecycle and product rules read raw units, and its percentiles do not care about scaling).
 *
 * <p>Output, one row per input row and in input order: the identifier column ({@code id_column} of the scoring
 * settings, when the input has it), then the segmentation model's output columns (when there is one; missing for a
 * row the cleaning model removed), then {@link ScoringModel#outputColumns()}. Every output row depends only on its
 * input row, so {@link #scoreCsv} streams a file of any size in chunks, in memory proportional to the chunk.
 */
public final class ScoringPipeline {
    /** The default chunk size of {@link #scoreCsv}. */
    public static final int DEFAULT_CHUNK_ROWS = 65_536;
    /** The row-number column carried through cleaning to align cleaned rows with input rows. */
    static final String ROW_COLUMN = "__scoring_pipeline_row__";

    private final CleaningModel cleaning;
    private final SegmentationModel segmentation;
    private final ScoringModel scoring;

    /**
     * A pipeline of saved models.
     *
     * @param cleaning     the cleaning model, or null (then the segmentation model reads the raw rows)
     * @param segmentation the segmentation model, or null (then no segment columns)
     * @param scoring      the scoring model
     * @throws InputException when a cleaning model is given without a segmentation model (it would have no use)
     */
    public ScoringPipeline(CleaningModel cleaning, SegmentationModel segmentation, ScoringModel scoring) {
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        if (cleaning != null && segmentation == null) {
            throw new InputException("a cleaning model only prepares rows for a segmentation model; give the "
                    + "segmentation model too, or leave the cleaning model out (scoring reads the raw rows)");
        }
        this.cleaning = cleaning;
        this.segmentation = segmentation;
    }

    /** The scoring model. */
    public ScoringModel scoringModel() {
        return scoring;
    }

    /**
     * The output column names for an input with the given column names, in order, before anything is scored (for a
     * KNIME node's output spec).
     */
    public List<String> outputColumns(List<String> inputColumns) {
        List<String> out = new ArrayList<>();
        String id = scoring.config().idColumn();
        if (!id.isEmpty() && inputColumns.contains(id)) {
            out.add(id);
        }
        if (segmentation != null) {
            out.addAll(SegmentationModel.OUTPUT_COLUMNS);
        }
        out.addAll(scoring.outputColumns());
        return out;
    }

    /**
     * The columns of an input with the given column names (a CSV file's header, a KNIME table's spec) that this
     * pipeline reads, in input order; the others cannot change its output, so a reader may skip them. Every column
     * that could change the output or an error is kept:
     * <ul>
     * <li>the scoring model's input columns ({@link ScoringConfig#inputColumns()}) and the identifier column;</li>
     * <li>with a cleaning model: the columns its {@code apply} requires ({@link CleaningModel#requiredColumns()}),
     * the columns named like its output (it refuses to pass those through), and the segmentation model's identifier
     * and feature columns (a feature the cleaning does not produce can only be a passed-through input column). The
     * columns the cleaning model does not know are passed through and ignored by the segmentation model, and the
     * cleaning's exact duplicate removal compares the pipeline's row number too, so it never finds any;</li>
     * <li>without a cleaning model: the segmentation model's identifier and feature columns;</li>
     * <li>the columns named like an output column of the scoring model, and the pipeline's own row-number column
     * (both are refused).</li>
     * </ul>
     * When the input lacks a column a model requires, the whole input is kept: the model then reports what is
     * lacking exactly as on the whole input (the scoring model's message lists the table's columns).
     */
    public List<String> inputColumns(List<String> inputColumns) {
        Set<String> required = new LinkedHashSet<>(scoring.config().inputColumns());
        Set<String> optional = new HashSet<>(scoring.outputColumns());
        optional.add(scoring.config().idColumn());
        if (segmentation != null) {
            List<String> segmentationColumns = new ArrayList<>(segmentation.idColumns());
            segmentationColumns.addAll(segmentation.featureNames());
            if (cleaning != null) {
                required.addAll(cleaning.requiredColumns());
                optional.addAll(cleaning.outputColumns());
                optional.add(ROW_COLUMN);
                // Produced by the cleaning, or else they must be passed through from the input.
                optional.addAll(segmentationColumns);
                for (String c : segmentationColumns) {
                    if (!cleaning.outputColumns().contains(c)) {
                        required.add(c);
                    }
                }
            } else {
                required.addAll(segmentationColumns);
            }
        }
        if (!inputColumns.containsAll(required)) {
            return List.copyOf(inputColumns);
        }
        List<String> out = new ArrayList<>();
        for (String c : inputColumns) {
            if (required.contains(c) || optional.contains(c)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Scores one table (a chunk, or a whole month held in memory); see the class comment for the output.
     *
     * @throws InputException     when a model cannot read the table (columns lacking, segmentation features missing
     *                            without a cleaning model), naming the columns
     * @throws CancelledException when {@code progress} says so
     */
    public Table score(Table raw, Progress progress) {
        Objects.requireNonNull(raw, "raw");
        int n = raw.rowCount();
        List<Column> out = new ArrayList<>();
        String id = scoring.config().idColumn();
        if (!id.isEmpty() && raw.hasColumn(id)) {
            out.add(raw.column(id));
        }
        if (segmentation != null && n == 0) {
            for (String c : SegmentationModel.OUTPUT_COLUMNS) {
                out.add(c.equals(SegmentationModel.SEGMENT) || c.equals(SegmentationModel.SEGMENT_SECOND)
                        ? CategoricalColumn.of(c, new int[0], segmentation.segmentNames())
                        : NumericColumn.of(c, new double[0]));
            }
        } else if (segmentation != null) {
            Table assigned;
            int[] rowOf = null;
            if (cleaning != null) {
                double[] rowNumbers = new double[n];
                for (int i = 0; i < n; i++) {
                    rowNumbers[i] = i;
                }
                if (raw.hasColumn(ROW_COLUMN)) {
                    throw new InputException("the table has a column '" + ROW_COLUMN + "', which the scoring pipeline "
                            + "uses itself; rename it");
                }
                Table cleaned = cleaning.apply(raw.append(NumericColumn.of(ROW_COLUMN, rowNumbers)),
                        progress.range(0, 0.4)).table();
                assigned = segmentation.assign(cleaned, progress.range(0.4, 0.6));
                NumericColumn kept = cleaned.numeric(ROW_COLUMN);
                rowOf = new int[n];
                java.util.Arrays.fill(rowOf, -1);
                boolean identity = cleaned.rowCount() == n;
                for (int r = 0; r < cleaned.rowCount(); r++) {
                    int original = (int) kept.value(r);
                    rowOf[original] = r;
                    identity &= original == r;
                }
                if (identity) {
                    rowOf = null;
                }
            } else {
                assigned = segmentation.assign(raw, progress.range(0, 0.6));
            }
            for (String c : SegmentationModel.OUTPUT_COLUMNS) {
                out.add(rowOf == null ? assigned.column(c) : spread(assigned.column(c), rowOf));
            }
        }
        Table scored = scoring.score(raw, progress.range(0.6, 1));
        for (String c : scoring.outputColumns()) {
            out.add(scored.column(c));
        }
        return Table.of(out);
    }

    /** The column's values at the input rows: row {@code i} of the output is row {@code rowOf[i]}, or missing. */
    private static Column spread(Column c, int[] rowOf) {
        int n = rowOf.length;
        if (c instanceof NumericColumn num) {
            double[] v = new double[n];
            boolean[] m = new boolean[n];
            for (int i = 0; i < n; i++) {
                m[i] = rowOf[i] < 0 || num.isMissing(rowOf[i]);
                v[i] = m[i] ? Double.NaN : num.value(rowOf[i]);
            }
            return NumericColumn.of(c.name(), v, m);
        }
        if (c instanceof CategoricalColumn cat) {
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = rowOf[i] < 0 ? CategoricalColumn.MISSING : cat.code(rowOf[i]);
            }
            return CategoricalColumn.of(c.name(), codes, cat.levels());
        }
        TextColumn.Builder b = TextColumn.builder(c.name(), n);
        for (int i = 0; i < n; i++) {
            b.add(rowOf[i] < 0 ? null : c.format(rowOf[i]));
        }
        return b.build();
    }

    /**
     * What {@link #scoreCsv} did.
     *
     * @param rows              rows scored (= input rows = output rows)
     * @param chunks            chunks read
     * @param insufficientData  rows whose digital score is missing (too little indicator weight)
     * @param outOfRange        rows the segmentation model flagged out of range (0 without a segmentation model)
     * @param warnings          the CSV reader's warnings about the columns read ({@link #inputColumns(List)})
     */
    public record Summary(long rows, int chunks, long insufficientData, long outOfRange, List<String> warnings) {
        public Summary {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Scores a CSV file into a CSV file, streamed in chunks of {@code chunkRows} rows: memory is that of one chunk
     * (plus the CSV reader's bounded first pass), whatever the file's size. The output is written atomically.
     *
     * <p>Only the {@linkplain #inputColumns(List) columns the models read} are read: the other fields are split off
     * but not parsed, and the reader's warnings are only about the columns read. The output is that of
     * {@link #score(Table, Progress)} on the whole file, with one exception: with delimiter {@code ;} and the decimal
     * mark detected, the mark is detected from the columns read (a file whose columns disagree, decimal commas in
     * some and points in others, is read with a point as a whole and may be read with a comma here).
     *
     * <p>The file is read in one pass when the whole file has the column types of its first {@code chunkRows} rows
     * ({@link CsvReader#chunksInOnePass}); when it does not, or anything fails during that pass, what was written is
     * discarded and the file is read again in two passes ({@link CsvReader#chunks}), types first (only the second when
     * the one pass found the other types at the end of the file: it has counted the whole file as the first pass
     * does, {@link CsvChunks.GuessFailed#secondPass()}). The output, and any error, are those of the two passes.
     *
     * @throws InputException     naming the file, line, column or setting
     * @throws CancelledException when {@code progress} says so; the output is then not written
     */
    public Summary scoreCsv(Path input, CsvReadOptions options, Path output, int chunkRows, Progress progress) {
        List<String> header = CsvReader.header(input, options);
        List<String> columns = inputColumns(header);
        List<String> read = columns.size() == header.size() ? null : columns;
        try {
            return scoreChunks(CsvReader.chunksInOnePass(input, options, read, chunkRows, progress), output, progress);
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            // The first rows' column types are not the whole file's (GuessFailed), or something failed before the
            // read could tell: a model may refuse a chunk for a type the whole file does not give the column (a
            // categorical feature whose first 65,536 values look like numbers). What was written is discarded, and
            // the file is read in two passes, types first, which is the read the output and the errors are defined
            // by: an error that was not the guess's comes again, with the two-pass read's message.
            // A guess that failed at the end of the file has counted the whole file: only the second pass is left.
            CsvChunks again = e instanceof CsvChunks.GuessFailed g ? g.secondPass() : null;
            progress.update(0, "Reading " + input.getFileName() + " again" + (again == null ? ", types first" : "")
                    + " (" + e.getMessage() + ")");
            if (again == null) {
                again = read == null ? CsvReader.chunks(input, options, chunkRows, progress)
                        : CsvReader.chunks(input, options, read, chunkRows, progress);
            }
            return scoreChunks(again, output, progress);
        }
    }

    /** Scores and writes every chunk; the summary once the chunks are read to the end. */
    private Summary scoreChunks(CsvChunks opened, Path output, Progress progress) {
        long[] counts = new long[4];
        try (CsvChunks chunks = opened) {
            AtomicFile.write(output, os -> {
                CsvWriter.Chunked csv = CsvWriter.defaults().chunked(os);
                // Progress: the reader's, by bytes.
                for (Table chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                    progress.checkCancelled();
                    Table scored = score(chunk, Progress.NONE);
                    csv.write(scored);
                    counts[0] += chunk.rowCount();
                    counts[1]++;
                    counts[2] += count(scored.categorical(ScoringModel.DIGITAL_SCORE_STATUS), "insufficient_data");
                    if (segmentation != null) {
                        NumericColumn oor = scored.numeric(SegmentationModel.OUT_OF_RANGE);
                        for (int i = 0; i < oor.size(); i++) {
                            counts[3] += !oor.isMissing(i) && oor.value(i) == 1 ? 1 : 0;
                        }
                    }
                }
                if (counts[1] == 0) {
                    csv.write(score(chunks.emptyTable(), Progress.NONE));
                }
                csv.flush();
            });
            progress.update(1, null);
            return new Summary(counts[0], (int) counts[1], counts[2], counts[3], chunks.warnings());
        }
    }

    private static long count(CategoricalColumn c, String level) {
        int code = c.codeOf(level);
        if (code < 0) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < c.size(); i++) {
            n += c.code(i) == code ? 1 : 0;
        }
        return n;
    }
}
