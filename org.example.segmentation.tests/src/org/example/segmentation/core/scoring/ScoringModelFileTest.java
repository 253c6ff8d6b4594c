package org.example.segmentation.core.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.example.segmentation.core.InputException;
import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save and load, bytes, and chunk-wise scoring. */
class ScoringModelFileTest {

    private static String csv(Table t) throws IOException {
        StringWriter w = new StringWriter();
        CsvWriter.defaults().write(t, w);
        return w.toString();
    }

    @Test
    void saveLoadGivesIdenticalScores(@TempDir Path dir) throws IOException {
        Table month1 = CustomerGenerator.generate(new GeneratorConfig(5_000, 42L, 1, true, true), Progress.NONE);
        Table month2 = CustomerGenerator.generate(new GeneratorConfig(5_000, 42L, 2, true, true), Progress.NONE);
        ScoringModel model = ProfileScorer.fit(month1, ScoringConfig.defaults(), Progress.NONE);
        Path file = dir.resolve(ScoringModel.FILE_NAME);
        model.save(file);
        ScoringModel loaded = ScoringModel.load(file);
        assertEquals(model, loaded);
        assertEquals(model.config(), loaded.config());
        assertArrayEquals(model.toBytes(), loaded.toBytes());
        assertEquals(csv(model.score(month2)), csv(loaded.score(month2)), "identical scores after a round trip");
        ScoringModel parsed = ScoringModel.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        assertEquals(csv(model.score(month2)), csv(parsed.score(month2)));
        String json = Files.readString(file);
        assertTrue(json.contains("\"kind\" : \"scoring_model\""), json.substring(0, 200));
        assertTrue(json.contains("\"step\" : \"scorer\""));
        // Constant size: at most 1001 knots per indicator, whatever the rows.
        assertTrue(Files.size(file) < 400_000, "model file of " + Files.size(file) + " bytes");
    }

    @Test
    void chunksScoreExactlyLikeTheWholeTable() throws IOException {
        Table month = CustomerGenerator.generate(new GeneratorConfig(3_000, 9L, 1, true, true), Progress.NONE);
        ScoringModel model = ProfileScorer.fit(month, ScoringConfig.defaults(), Progress.NONE);
        String whole = csv(model.score(month));
        StringWriter w = new StringWriter();
        CsvWriter.Chunked out = CsvWriter.defaults().chunked(w);
        for (int from = 0; from < month.rowCount(); from += 701) {
            int to = Math.min(month.rowCount(), from + 701);
            int[] rows = new int[to - from];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = from + i;
            }
            out.write(model.score(month.selectRows(rows)));
        }
        out.flush();
        assertEquals(whole, w.toString());
    }

    @Test
    void aHandEditedFileFailsNamingTheFile(@TempDir Path dir) throws IOException {
        ScoringModel model = ProfileScorer.fit(ScoringTables.reference(),
                ScoringConfig.fromSettings(ScoringTables.handSettings()), Progress.NONE);
        Path file = dir.resolve("bad.json");
        String json = new String(model.toBytes(), StandardCharsets.UTF_8);
        Files.writeString(file, json.replace("Wannabes=0..26.5x47.5..100", "Wannabes=0..36.5x47.5..100"));
        InputException e = assertThrows(InputException.class, () -> ScoringModel.load(file));
        assertTrue(e.getMessage().startsWith("model file " + file + ": ") && e.getMessage().contains("overlap"),
                e.getMessage());
        Files.writeString(file, json.replace("scoring_model", "cleaning_model"));
        assertTrue(assertThrows(InputException.class, () -> ScoringModel.load(file)).getMessage()
                .contains("expected a scoring_model"));
    }
}
