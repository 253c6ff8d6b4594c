package org.example.segmentation.core.segmentation;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.cleaning.Cleaner;
import org.example.segmentation.core.cleaning.CleanerConfig;
import org.example.segmentation.core.cleaning.CleaningModel;
import org.example.segmentation.core.csv.CsvReader;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.example.segmentation.core.selection.FeatureSelector;
import org.example.segmentation.core.selection.SelectorConfig;
import org.example.segmentation.core.settings.Settings;
import org.example.segmentation.core.table.Table;

/**
 * Timing (a {@code main}, not a test) of automatic k over 2..10 on generated customers, prepared as
 * {@code segment bench} prepares them: the generator's month 1 (seed 42) written to CSV and read back, cleaned with
 * {@code customer_id} as identifier, features selected with the defaults. Prints every progress message with the
 * wall-clock and process CPU seconds since the fit started (where the time goes), then the totals and the chosen k.
 * The CPU time is what a busy, shared machine does not inflate.
 *
 * <p>Command line, with the engine and its libraries on the class path (the command-line jar has them all):
 * {@code java -Xmx8g -cp <test classes>:org.example.segmentation.cli/target/segment.jar
 * org.example.segmentation.core.segmentation.AutomaticKTiming [rows [threads [key=value ...]]]}, defaults
 * 1,000,000 rows and 2 threads; e.g. {@code k_search.sample_size=0} for the search on all rows.
 */
public final class AutomaticKTiming {

    private AutomaticKTiming() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Map<String, String> settings = new TreeMap<>(Map.of("k.min", "2", "k.max", "10", "seed", "42", "threads",
                Integer.toString(threads)));
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        Path csv = Files.createTempFile("customers", ".csv");
        Table selected;
        try {
            CsvWriter.defaults().write(CustomerGenerator.generate(GeneratorConfig.of(rows, 42), Progress.NONE), csv);
            Table raw = CsvReader.read(csv).table();
            CleaningModel cleaning = Cleaner.fit(raw, CleanerConfig.fromSettings(Settings.of(Map.of(
                    CleanerConfig.KEY_ID_COLUMNS, "customer_id"))), Progress.NONE).model();
            Table cleaned = cleaning.apply(raw).table();
            selected = FeatureSelector.fit(cleaned, SelectorConfig.defaults(), Progress.NONE).apply(cleaned);
        } finally {
            Files.deleteIfExists(csv);
        }
        SegmenterConfig config = SegmenterConfig.fromSettings(Settings.of(settings));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        String[] last = {""};
        Progress log = new Progress() {
            @Override
            public void update(double fraction, String message) {
                if (message != null && !message.equals(last[0])) {
                    last[0] = message;
                    System.out.printf(Locale.ROOT, "%8.2f s wall %8.2f s CPU  %s%n", (System.nanoTime() - t0) / 1e9,
                            (os.getProcessCpuTime() - cpu0) / 1e9, message);
                }
            }

            @Override
            public void checkCancelled() {
            }
        };
        SegmentationResult r = Segmenter.fit(selected, config, log);
        System.out.printf(Locale.ROOT, "automatic k 2..10 on %,d rows, %d threads: %.1f s wall, %.1f s CPU; chosen k=%d"
                + "%n%s%n", selected.rowCount(), threads, (System.nanoTime() - t0) / 1e9,
                (os.getProcessCpuTime() - cpu0) / 1e9, r.model().k(), r.model().kSelection().reason());
    }
}
