package org.example.segmentation.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.generator.CustomerColumns;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.model.TableFingerprint;
import org.example.segmentation.core.table.Column;
import org.example.segmentation.core.table.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profiles 5,000 generated customers by their planted persona ({@code true_persona}) and checks the descriptions
 * against what the generator planted (docs/generator.md: nomads live in the app, analogs visit branches).
 */
class GeneratedPersonasProfileTest {

    private static Table customers;
    private static ProfilerConfig config;

    @BeforeAll
    static void generate() {
        customers = CustomerGenerator.generate(new GeneratorConfig(5_000, 42L, 1, true, false), Progress.NONE);
        List<String> otherTruth = new ArrayList<>(CustomerColumns.TRUTH);
        otherTruth.remove(CustomerColumns.TRUE_PERSONA);
        config = new ProfilerConfig(CustomerColumns.TRUE_PERSONA, List.of(), otherTruth, 3, 3, 0.5, 1.0,
                java.util.Map.of(), 10, true, 50_000);
    }

    @Test
    void nomadsUseTheAppAndAnalogsVisitBranches() {
        SegmentProfile p = Profiler.profile(customers, config, Progress.NONE);
        assertEquals(List.of("analog", "chameleon", "mainstreamer", "nomad", "paranoid", "wannabe"), p.segments());
        String nomad = p.summary("nomad").description();
        assertTrue(nomad.startsWith("Very high app logins (30 days, index "), nomad);
        String analog = p.summary("analog").description();
        assertTrue(analog.startsWith("Very high branch visits (90 days, index "), analog);
        assertTrue(p.numeric("nomad", "app_logins_30d").cohensD() >= 1.0);
        assertTrue(p.numeric("nomad", "app_logins_30d").pValue() < 1e-10);
        assertTrue(p.numeric("analog", "branch_visits_90d").index() > 300);
        // analogs are in the app least of all: very low, or at least low, when it is described
        assertTrue(p.numeric("analog", "app_logins_30d").cohensD() <= -0.5);
        // paranoids prefer the web (docs/generator.md: 83%)
        assertTrue(p.summary("paranoid").description().contains("preferred channel mostly web ("),
                p.summary("paranoid").description());
        // the raw table has no planted problems, so no missing-value warnings; customer_id is text
        assertEquals(List.of("text column 'customer_id' (identifiers or unconverted text) is not profiled"),
                p.warnings());
    }

    @Test
    void labelsChangeTheWords() {
        ProfilerConfig labelled = ProfilerConfig.fromSettings(config.toSettings()
                .with("labels", "{\"app_logins_30d\":\"app use\",\"branch_visits_90d\":\"branch visits\"}"));
        SegmentProfile p = Profiler.profile(customers, labelled, Progress.NONE);
        assertTrue(p.summary("nomad").description().startsWith("Very high app use (index "),
                p.summary("nomad").description());
        assertTrue(p.summary("analog").description().startsWith("Very high branch visits (index "),
                p.summary("analog").description());
    }

    @Test
    void deterministicAndInputUnchanged() {
        TableFingerprint before = TableFingerprint.of(customers);
        SegmentProfile a = Profiler.profile(customers, config, Progress.NONE);
        SegmentProfile b = Profiler.profile(customers, config, Progress.NONE);
        assertEquals(before, TableFingerprint.of(customers), "the input is not modified");
        assertEquals(TableFingerprint.of(a.profileTable()).hash(), TableFingerprint.of(b.profileTable()).hash());
        assertEquals(TableFingerprint.of(a.summaryTable()).hash(), TableFingerprint.of(b.summaryTable()).hash());
        assertEquals(a.descriptionText(), b.descriptionText());

        // the row order does not matter: reversed rows give the same profile
        int[] reversed = new int[customers.rowCount()];
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = reversed.length - 1 - i;
        }
        SegmentProfile c = Profiler.profile(customers.selectRows(reversed), config, Progress.NONE);
        assertEquals(a.summaries().stream().map(SegmentSummary::description).toList(),
                c.summaries().stream().map(SegmentSummary::description).toList());
        assertEquals(TableFingerprint.of(a.profileTable()).hash(), TableFingerprint.of(c.profileTable()).hash(),
                "values are summed in sorted order, so every number is the same to the last bit");
    }

    @Test
    void everyOutputHasTheDocumentedShape() {
        SegmentProfile p = Profiler.profile(customers, config, Progress.NONE);
        Table summary = p.summaryTable();
        assertEquals(6, summary.rowCount());
        double shares = 0;
        for (int i = 0; i < 6; i++) {
            shares += summary.numeric("share").value(i);
            assertEquals(3, summary.text("top_features").value(i).split(", ").length);
        }
        assertEquals(1.0, shares, 1e-12);
        int features = p.features().size();
        assertEquals(CustomerColumns.FEATURES.size(), features);
        for (Column c : p.profileTable().columns()) {
            assertEquals(p.profileTable().rowCount(), c.size());
        }
        assertEquals(6, p.descriptionTable().rowCount());
    }
}
