package org.example.segmentation.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.csv.CsvReadOptions;
import org.example.segmentation.core.csv.CsvReadResult;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.segmentation.SegmentationModel;
import org.example.segmentation.core.segmentation.Segmenter;
import org.example.segmentation.core.segmentation.SegmenterConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.CategoricalColumn;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.NumericColumn;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScoringPipeline#scoreCsv} reads only the columns the models need ({@link ScoringPipeline#inputColumns}):
 * the output is byte for byte that of scoring the whole file read at once, the warnings about the columns not read
 * are gone, and a column the file lacks gets the model's own message.
 */
class ScoringPipelineColumnsTest {
    private static final List<String> EXTRAS = List.of("extra_number", "extra_level", "extra_note", "extra_almost");
    private static final Pattern COLUMN = Pattern.compile("column '([^']+)'");

    private static Table month1;
    private static Table month2;
    private static CleaningModel cleaning;
    private static SegmentationModel segmentation;
    private static ScoringModel scoring;

    @BeforeAll
    static void fit() {
        GeneratorConfig g = new GeneratorConfig(3_000, 7L, 1, false, true);
        month1 = CustomerGenerator.generate(g, Progress.NONE);
        month2 = CustomerGenerator.generate(g.withSnapshot(2), Progress.NONE);
        cleaning = Cleaner.fit(month1, CleanerConfig.fromSettings(Settings.parse(List.of("id.columns=customer_id"))),
                Progress.NONE).model();
        segmentation = Segmenter.fit(cleaning.apply(month1).table(), SegmenterConfig.fromSettings(Settings.parse(
                List.of("k=5", "restarts=2", "features=" + Settings.formatList(CustomerColumns.DIGITAL_BEHAVIOUR)))),
                Progress.NONE).model();
        scoring = ProfileScorer.fit(month1, ScoringConfig.defaults(), Progress.NONE);
    }

    /**
     * Month 2 with four columns the models do not know, spread between the customer columns (a number, a level, free
     * text with delimiters and quotes, numbers with some 'unknown' that make the column text with a warning), and
     * {@code products_held}, which scoring needs, as numbers with one 'unknown' (text, with a warning).
     */
    private static Table wide() {
        int n = month2.rowCount();
        SplittableRandom r = new SplittableRandom(11);
        double[] number = new double[n];
        int[] level = new int[n];
        TextColumn.Builder note = TextColumn.builder("extra_note", n);
        TextColumn.Builder almost = TextColumn.builder("extra_almost", n);
        TextColumn.Builder products = TextColumn.builder(CustomerColumns.PRODUCTS_HELD, n);
        Column held = month2.column(CustomerColumns.PRODUCTS_HELD);
        for (int i = 0; i < n; i++) {
            number[i] = r.nextGaussian() * 1000;
            level[i] = r.nextInt(4);
            note.add(i % 7 == 0 ? null : "note " + i + ", \"quoted\"; x");
            almost.add(i % 97 == 5 ? "unknown" : Integer.toString(r.nextInt(50)));
            products.add(i == 17 ? "unknown" : held.isMissing(i) ? null : held.format(i));
        }
        List<Column> extras = List.of(NumericColumn.of("extra_number", number),
                CategoricalColumn.of("extra_level", level, List.of("bronze", "gold", "platinum", "silver")),
                note.build(), almost.build());
        List<Column> columns = new ArrayList<>();
        int e = 0;
        for (Column c : month2.columns()) {
            columns.add(c.name().equals(CustomerColumns.PRODUCTS_HELD) ? products.build() : c);
            if (columns.size() % 6 == 1 && e < extras.size()) {
                columns.add(extras.get(e++));
            }
        }
        while (e < extras.size()) {
            columns.add(extras.get(e++));
        }
        return Table.of(columns);
    }

    /** The warnings of the whole read that name a column read, in order. */
    private static List<String> warningsAbout(List<String> warnings, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String w : warnings) {
            Matcher m = COLUMN.matcher(w);
            if (!m.find() || columns.contains(m.group(1))) {
                out.add(w);
            }
        }
        return out;
    }

    private static void assertSameAsWholeRead(ScoringPipeline pipeline, Path in, Path dir, String label)
            throws IOException {
        Path streamed = dir.resolve(label + "-streamed.csv");
        Path whole = dir.resolve(label + "-whole.csv");
        ScoringPipeline.Summary summary = pipeline.scoreCsv(in, CsvReadOptions.defaults(), streamed, 700,
                Progress.NONE);
        CsvReadResult read = CsvReader.read(in);
        CsvWriter.defaults().write(pipeline.score(read.table(), Progress.NONE), whole);
        assertEquals(-1, Files.mismatch(streamed, whole), label + ": streamed from the columns read = whole file");

        List<String> columns = pipeline.inputColumns(read.table().columnNames());
        for (String x : EXTRAS) {
            assertFalse(columns.contains(x), label + ": " + x + " is not read");
        }
        assertTrue(read.warnings().stream().anyMatch(w -> w.contains("'extra_almost'")),
                "the whole read warns about extra_almost: " + read.warnings());
        assertTrue(summary.warnings().stream().noneMatch(w -> w.contains("'extra_")), label + ": "
                + summary.warnings());
        assertTrue(summary.warnings().stream().anyMatch(w -> w.contains("'products_held'")), label + ": the "
                + "warning about a needed column is kept: " + summary.warnings());
        assertEquals(warningsAbout(read.warnings(), columns), summary.warnings(), label);
    }

    @Test
    void scoringAloneReadsItsColumnsAndTheIdentifierAndGivesTheWholeReadsBytes(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("wide.csv");
        CsvWriter.defaults().write(wide(), in);
        ScoringPipeline alone = new ScoringPipeline(null, null, scoring);
        assertSameAsWholeRead(alone, in, dir, "scoring alone");

        Table read = CsvReader.read(in).table();
        List<String> columns = alone.inputColumns(read.columnNames());
        assertEquals("customer_id", columns.get(0));
        List<String> expected = new ArrayList<>(ScoringConfig.defaults().inputColumns());
        expected.add("customer_id");
        assertEquals(expected.size(), columns.size(), columns.toString());
        assertTrue(columns.containsAll(expected), columns.toString());
        // monthly_income (text with '#VALUE!', a warning) is no input of the scoring: its warning is gone.
        assertFalse(columns.contains(CustomerColumns.MONTHLY_INCOME));
        // Every column but the identifier is required: scoring fails without it.
        for (String c : ScoringConfig.defaults().inputColumns()) {
            Table without = read.select(columns).drop(c);
            assertThrows(InputException.class, () -> alone.score(without, Progress.NONE), c);
        }
    }

    @Test
    void cleaningAndSegmentationReadTheirColumnsAndGiveTheWholeReadsBytes(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("wide.csv");
        CsvWriter.defaults().write(wide(), in);
        ScoringPipeline full = new ScoringPipeline(cleaning, segmentation, scoring);
        assertSameAsWholeRead(full, in, dir, "cleaning and segmentation");
        List<String> columns = full.inputColumns(CsvReader.header(in, CsvReadOptions.defaults()));
        assertTrue(columns.containsAll(cleaning.requiredColumns()), columns.toString());
        assertTrue(columns.contains(CustomerColumns.MONTHLY_INCOME), "the cleaning reads it");

        // Without the cleaning, the segmentation model's identifier and feature columns are read from the file.
        ScoringPipeline noCleaning = new ScoringPipeline(null, segmentation, scoring);
        List<String> read = noCleaning.inputColumns(CsvReader.header(in, CsvReadOptions.defaults()));
        assertTrue(read.containsAll(segmentation.featureNames()), read.toString());
        assertTrue(read.containsAll(segmentation.idColumns()), read.toString());
        assertFalse(read.contains(CustomerColumns.MONTHLY_INCOME), read.toString());
    }

    @Test
    void aColumnTheFileLacksGetsTheModelsOwnMessage(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("lacking.csv");
        CsvWriter.defaults().write(wide().drop(CustomerColumns.TENURE_MONTHS), in);
        Path out = dir.resolve("out.csv");
        for (ScoringPipeline p : List.of(new ScoringPipeline(null, null, scoring),
                new ScoringPipeline(cleaning, segmentation, scoring))) {
            Table whole = CsvReader.read(in).table();
            String expected = assertThrows(InputException.class, () -> p.score(whole, Progress.NONE)).getMessage();
            InputException e = assertThrows(InputException.class, () -> p.scoreCsv(in, CsvReadOptions.defaults(),
                    out, 500, Progress.NONE));
            assertEquals(expected, e.getMessage());
            assertTrue(e.getMessage().contains("tenure_months"), e.getMessage());
            assertFalse(Files.exists(out));
        }
    }
}
