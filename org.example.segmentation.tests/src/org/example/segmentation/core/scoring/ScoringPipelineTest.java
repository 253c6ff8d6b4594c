package org.example.segmentation.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.csv.CsvReadOptions;
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
import org.example.segmentation.core.table.ColumnType;
import org.example.segmentation.core.table.Table;
import org.example.segmentation.core.table.TextColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New customers end to end: cleaning model, segmentation model, scoring model; streamed equals in memory. */
class ScoringPipelineTest {

    private static String csv(Table t) throws IOException {
        StringWriter w = new StringWriter();
        CsvWriter.defaults().write(t, w);
        return w.toString();
    }

    @Test
    void streamedScoringEqualsScoringInMemoryAndAssignsTheModelsSegments(@TempDir Path dir) throws IOException {
        GeneratorConfig g = new GeneratorConfig(3_000, 42L, 1, false, true);
        Table month1 = CustomerGenerator.generate(g, Progress.NONE);
        Table month2 = CustomerGenerator.generate(g.withSnapshot(2), Progress.NONE);
        CleaningModel cleaning = Cleaner.fit(month1, CleanerConfig.fromSettings(Settings.parse(List.of(
                "id.columns=customer_id"))), Progress.NONE).model();
        Table cleaned1 = cleaning.apply(month1).table();
        SegmentationModel segmentation = Segmenter.fit(cleaned1, SegmenterConfig.fromSettings(Settings.parse(List.of(
                "k=6", "restarts=2", "features=" + Settings.formatList(CustomerColumns.DIGITAL_BEHAVIOUR)))),
                Progress.NONE).model();
        ScoringModel scoring = ProfileScorer.fit(month1, ScoringConfig.defaults(), Progress.NONE);
        ScoringPipeline pipeline = new ScoringPipeline(cleaning, segmentation, scoring);

        Path in = dir.resolve("month2.csv");
        CsvWriter.defaults().write(month2, in);
        Path out = dir.resolve("scored.csv");
        ScoringPipeline.Summary summary = pipeline.scoreCsv(in, CsvReadOptions.defaults(), out, 700, Progress.NONE);
        Table read = CsvReader.read(in).table();
        assertEquals(read.rowCount(), summary.rows(), "one output row per input row");
        assertEquals((read.rowCount() + 699) / 700, summary.chunks());
        Table whole = pipeline.score(read, Progress.NONE);
        assertEquals(csv(whole), Files.readString(out), "streamed in chunks = scored at once");
        assertEquals(pipeline.outputColumns(read.columnNames()), whole.columnNames());
        assertEquals("customer_id", whole.columnNames().get(0));
        assertEquals(SegmentationModel.OUTPUT_COLUMNS, whole.columnNames().subList(1, 6));
        assertEquals(scoring.outputColumns(), whole.columnNames().subList(6, whole.columnCount()));

        // The segments are the segmentation model's for the cleaned rows, matched by identifier.
        Table cleaned2 = cleaning.apply(read).table();
        Table assigned = segmentation.assign(cleaned2);
        Map<String, String> segmentOf = new HashMap<>();
        TextColumn ids = assigned.text("customer_id");
        for (int i = 0; i < assigned.rowCount(); i++) {
            segmentOf.putIfAbsent(ids.value(i), assigned.categorical("segment").level(i));
        }
        CategoricalColumn segment = whole.categorical("segment");
        TextColumn outIds = whole.text("customer_id");
        for (int i = 0; i < whole.rowCount(); i++) {
            assertEquals(segmentOf.get(outIds.value(i)), segment.level(i), "row " + i);
        }
        long flagged = 0;
        for (int i = 0; i < whole.rowCount(); i++) {
            flagged += whole.numeric("out_of_range").value(i) == 1 ? 1 : 0;
        }
        assertEquals(flagged, summary.outOfRange());
        assertTrue(flagged > 0 && flagged < 0.2 * whole.rowCount(), "out of range: " + flagged);

        // A file with a header and no rows gives the output header and nothing else.
        Path header = dir.resolve("header.csv");
        Files.writeString(header, String.join(",", read.columnNames()) + "\n");
        ScoringPipeline.Summary none = pipeline.scoreCsv(header, CsvReadOptions.defaults(), out, 700, Progress.NONE);
        assertEquals(0, none.rows());
        assertEquals(String.join(",", pipeline.outputColumns(read.columnNames())) + "\n", Files.readString(out));
    }

    @Test
    void withoutSegmentationTheScoresAloneAndBadCombinationsFail(@TempDir Path dir) throws IOException {
        Table month = CustomerGenerator.generate(new GeneratorConfig(500, 1L, 1, false, true), Progress.NONE);
        ScoringModel scoring = ProfileScorer.fit(month, ScoringConfig.defaults(), Progress.NONE);
        ScoringPipeline alone = new ScoringPipeline(null, null, scoring);
        Table out = alone.score(month, Progress.NONE);
        assertEquals("customer_id", out.columnNames().get(0));
        assertEquals(scoring.outputColumns(), out.columnNames().subList(1, out.columnCount()));
        Path header = dir.resolve("header.csv");
        Files.writeString(header, String.join(",", month.columnNames()) + "\n");
        Path target = dir.resolve("out.csv");
        ScoringPipeline.Summary s = alone.scoreCsv(header, CsvReadOptions.defaults(), target, 100, Progress.NONE);
        assertEquals(0, s.rows());
        assertEquals(String.join(",", alone.outputColumns(month.columnNames())) + "\n", Files.readString(target));
        CleaningModel cleaning = Cleaner.fit(month, CleanerConfig.fromSettings(Settings.empty()), Progress.NONE)
                .model();
        InputException e = assertThrows(InputException.class, () -> new ScoringPipeline(cleaning, null, scoring));
        assertTrue(e.getMessage().contains("give the segmentation model too"), e.getMessage());
    }

    @Test
    void aColumnOfOtherTypeAfterTheFirstChunkIsScoredAsTheWholeFileReadsIt(@TempDir Path dir) throws IOException {
        Table month = CustomerGenerator.generate(new GeneratorConfig(500, 9L, 1, false, true), Progress.NONE);
        ScoringPipeline alone = new ScoringPipeline(null, null, ProfileScorer.fit(month, ScoringConfig.defaults(),
                Progress.NONE));
        Path plain = dir.resolve("plain.csv");
        CsvWriter.defaults().write(month, plain);
        // An indicator the first chunks read as numbers has a word at data row 400: as a whole the file reads it
        // as text (with a warning), and the scorer reads its values as numbers, the word as missing.
        List<String> lines = new ArrayList<>(Files.readAllLines(plain));
        int column = Arrays.asList(lines.get(0).split(",", -1)).indexOf("app_logins_30d");
        String[] fields = lines.get(400).split(",", -1);
        fields[column] = "unknown";
        lines.set(400, String.join(",", fields));
        Path late = dir.resolve("late.csv");
        Files.write(late, lines);
        // The same indicator empty in the first 150 rows: the first chunk reads it as text, the whole file as
        // numbers, which only the end of the file tells; the one pass has then counted the whole file, so only the
        // second pass is read again.
        List<String> sparseLines = new ArrayList<>(Files.readAllLines(plain));
        for (int row = 1; row <= 150; row++) {
            String[] f = sparseLines.get(row).split(",", -1);
            f[column] = "";
            sparseLines.set(row, String.join(",", f));
        }
        Path sparse = dir.resolve("sparse.csv");
        Files.write(sparse, sparseLines);
        for (Path in : List.of(plain, late, sparse)) {
            Path out = dir.resolve("scored-" + in.getFileName());
            List<String> messages = new ArrayList<>();
            Progress progress = new Progress() {
                @Override
                public void update(double fraction, String message) {
                    if (message != null) {
                        messages.add(message);
                    }
                }

                @Override
                public void checkCancelled() {
                }
            };
            ScoringPipeline.Summary summary = alone.scoreCsv(in, CsvReadOptions.defaults(), out, 100, progress);
            Table read = CsvReader.read(in, CsvReadOptions.defaults(), alone.inputColumns(CsvReader.header(in,
                    CsvReadOptions.defaults())), Progress.NONE).table();
            assertEquals(csv(alone.score(read, Progress.NONE)), Files.readString(out), in.toString());
            assertEquals(CsvReader.read(in, CsvReadOptions.defaults(), alone.inputColumns(read.columnNames()),
                    Progress.NONE).warnings(), summary.warnings(), in.toString());
            boolean again = messages.stream().anyMatch(m -> m.contains(in.getFileName() + " again"));
            assertEquals(in != plain, again, in + ": read again? " + messages);
            boolean firstPassAgain = messages.stream().anyMatch(m -> m.contains("pass 1 of 2"));
            assertEquals(in == late, firstPassAgain, in + ": the first pass read again? " + messages);
        }
        assertTrue(CsvReader.read(late).warnings().stream().anyMatch(w -> w.contains("app_logins_30d")),
                "the word makes the column text as a whole");
    }

    /**
     * A categorical segmentation feature whose first chunk holds only numbers: read in one pass, that chunk's column is
     * numeric and the segmentation model refuses it; the file is then read in two passes and scored as a whole.
     */
    @Test
    void aCategoricalFeatureWhoseFirstChunkLooksNumericIsScoredAsTheWholeFileReadsIt(@TempDir Path dir)
            throws IOException {
        Table month = CustomerGenerator.generate(new GeneratorConfig(600, 11L, 1, false, true), Progress.NONE);
        Path plain = dir.resolve("plain.csv");
        CsvWriter.defaults().write(month, plain);
        List<String> lines = new ArrayList<>(Files.readAllLines(plain));
        lines.set(0, lines.get(0) + ",branch_code");
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + "," + (i <= 300 ? String.valueOf(100 + i % 3) : "B" + i % 4));
        }
        Path in = dir.resolve("branches.csv");
        Files.write(in, lines);
        Table read = CsvReader.read(in).table();
        assertEquals(ColumnType.CATEGORICAL, read.column("branch_code").type());
        List<String> features = new ArrayList<>();
        for (String f : CustomerColumns.DIGITAL_BEHAVIOUR) {
            if (read.column(f).missingCount() == 0) { // without a cleaning model, segmentation needs complete features
                features.add(f);
            }
        }
        assertTrue(features.size() >= 3, "complete features: " + features);
        features.add("branch_code");
        SegmentationModel segmentation = Segmenter.fit(read, SegmenterConfig.fromSettings(Settings.parse(List.of(
                "k=3", "restarts=1", "features=" + Settings.formatList(features)))), Progress.NONE).model();
        ScoringPipeline pipeline = new ScoringPipeline(null, segmentation, ProfileScorer.fit(read,
                ScoringConfig.defaults(), Progress.NONE));
        Path out = dir.resolve("scored.csv");
        ScoringPipeline.Summary summary = pipeline.scoreCsv(in, CsvReadOptions.defaults(), out, 100, Progress.NONE);
        assertEquals(600, summary.rows());
        assertEquals(csv(pipeline.score(read, Progress.NONE)), Files.readString(out));
    }
}
