package org.example.segmentation.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.example.segmentation.core.Progress;
import org.example.segmentation.core.csv.CsvWriter;
import org.example.segmentation.core.generator.CustomerGenerator;
import org.example.segmentation.core.generator.GeneratorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log hygiene (issue #11): customer values do not reach the terminal. Two generated months carry sentinel values in
 * their first row, a customer id {@value #SECRET_ID} and an e-mail address {@value #SECRET_EMAIL} in a free-text
 * column; every command that reads customers runs on them successfully, and nothing it prints on stdout or stderr
 * contains either sentinel (or the e-mail's local part). The outputs themselves keep them where they belong (the
 * scored table's id column), which shows the sentinels were really read.
 */
class LogHygieneTest {
    static final String SECRET_ID = "SECRET-ID-123";
    static final String SECRET_EMAIL = "jane.secret-4711@example.org";
    /** Exit codes of a successful drift check: OK, WARN, ALERT. */
    private static final List<Integer> VERDICTS = List.of(0, 3, 4);

    @TempDir
    static Path dir;

    static Path month1;
    static Path month2;

    @BeforeAll
    static void generate() throws Exception {
        month1 = withSentinels(1, "month1.csv");
        month2 = withSentinels(2, "month2.csv");
    }

    /** A generated month (1,500 customers) with the sentinels in the first data row and an e-mail column. */
    private static Path withSentinels(int snapshot, String name) throws Exception {
        Path raw = dir.resolve("raw-" + name);
        CsvWriter.defaults().write(CustomerGenerator.generate(new GeneratorConfig(1500, 3L, snapshot, true, true),
                Progress.NONE), raw);
        List<String> lines = Files.readAllLines(raw, UTF_8);
        List<String> out = new ArrayList<>();
        assertTrue(lines.get(0).startsWith("customer_id,"), lines.get(0));
        out.add(lines.get(0) + ",email");
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String id = line.substring(0, line.indexOf(','));
            if (i == 1) {
                // the same customer in both months, so migration matches it
                line = SECRET_ID + line.substring(id.length());
                out.add(line + "," + SECRET_EMAIL);
            } else {
                out.add(line + "," + id.toLowerCase() + "@example.com");
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, out, UTF_8);
        return file;
    }

    private static String p(String name) {
        return dir.resolve(name).toString();
    }

    /** Runs the command, expects exit code 0, and checks that nothing printed holds a sentinel. */
    private static CliRun clean(String... args) {
        return clean(List.of(0), args);
    }

    /** Runs the command, expects one of {@code exits}, and checks that nothing printed holds a sentinel. */
    private static CliRun clean(List<Integer> exits, String... args) {
        CliRun r = segment(args);
        assertTrue(exits.contains(r.exit()), r.exit() + ": " + String.join(" ", args) + "\n" + r.out() + r.err());
        String printed = r.out() + r.err();
        for (String secret : List.of(SECRET_ID, SECRET_EMAIL, "jane.secret", "SECRET")) {
            assertFalse(printed.contains(secret), "'" + secret + "' printed by segment " + String.join(" ", args)
                    + ":\n" + printed);
        }
        return r;
    }

    @Test
    void noCommandPrintsACustomerValue() throws Exception {
        String m1 = month1.toString();
        String m2 = month2.toString();
        clean("inspect", m1);
        clean("inspect", m1, "--json");
        clean("clean", "--input", m1, "--out", p("clean1"), "--set", "id.columns=customer_id");
        clean("clean", "--input", m2, "--out", p("clean2"), "--model", p("clean1"));
        clean("select", "--input", p("clean1/cleaned.csv"), "--out", p("select1"), "--set",
                "exclude=[\"true_persona\",\"true_life_stage\",\"true_capability\",\"true_trust\",\"true_engagement\"]");
        clean("select", "--input", p("clean2/cleaned.csv"), "--out", p("select2"), "--model", p("select1"));
        clean("fit", "--input", p("select1/selected.csv"), "--out", p("fit1"), "--set", "k=4", "--set",
                "restarts=2");
        clean("fit", "--input", p("select2/selected.csv"), "--out", p("fit2"), "--set", "k=4", "--set",
                "restarts=2", "--previous", p("fit1"));
        clean("profile", "--input", m1, "--out", p("profile"), "--set", "segment.column=true_persona");
        clean("score", "--input", m1, "--out", p("score1"));
        clean("score", "--input", m2, "--out", p("score2"), "--model", p("score1"), "--cleaning-model",
                p("clean1"), "--segmentation-model", p("fit1"));
        clean("baseline", "--input", m1, "--out", p("baseline"), "--set", "segment.column=true_persona");
        CliRun drift = clean(VERDICTS, "drift", "--baseline", p("baseline"), "--input", m2, "--out",
                p("drift"), "--previous", m1);
        assertTrue(drift.out().contains("customers matched"), drift.out());
        clean("control", "--input", p("clean1/cleaned.csv"), "--out", p("control"), "--set", "salt=spring");
        Path campaign = campaign();
        clean("uplift", "--input", campaign.toString(), "--out", p("uplift"), "--set", "outcome.column=converted",
                "--set", "segment.column=true_persona");
        clean("run", Path.of("..", "workflows", "01-build-segmentation.yaml").toString(), "--input", m1, "--out",
                p("run1"));
        clean(VERDICTS, "run", Path.of("..", "workflows", "02-monthly-scoring-and-drift.yaml").toString(), "--input",
                m2, "--out", p("run2"), "--previous", p("run1"));

        // the sentinels were read and kept where they belong
        assertTrue(Files.readString(dir.resolve("score1/scored.csv")).contains(SECRET_ID));
        assertTrue(Files.readString(dir.resolve("control/groups.csv")).contains(SECRET_ID));
        assertTrue(Files.readString(dir.resolve("run1/customers_scored.csv")).contains(SECRET_ID));
    }

    /** Month 1's cleaned customers with their control group and a made-up conversion, for the uplift readout. */
    private static Path campaign() throws Exception {
        List<String> groups = Files.readAllLines(dir.resolve("control/groups.csv"), UTF_8);
        List<String> customers = Files.readAllLines(dir.resolve("clean1/cleaned.csv"), UTF_8);
        List<String> header = List.of(customers.get(0).split(",", -1));
        int persona = header.indexOf("true_persona");
        int group = List.of(groups.get(0).split(",", -1)).indexOf("group");
        List<String> out = new ArrayList<>();
        out.add("customer_id,true_persona,group,converted");
        for (int i = 1; i < groups.size(); i++) {
            String[] g = groups.get(i).split(",", -1);
            String[] c = customers.get(i).split(",", -1);
            assertEquals(g[0], c[0], "groups.csv keeps the row order");
            out.add(g[0] + "," + c[persona] + "," + g[group] + "," + (i % 7 == 0 ? 1 : 0));
        }
        Path file = dir.resolve("campaign.csv");
        Files.write(file, out, UTF_8);
        return file;
    }
}
