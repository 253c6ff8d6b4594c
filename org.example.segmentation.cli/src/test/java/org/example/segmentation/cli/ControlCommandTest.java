package org.example.segmentation.cli;

import static org.example.segmentation.cli.CliRun.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code segment control}, run in-process through {@link SegmentCli#run}. */
class ControlCommandTest {

    @TempDir
    Path dir;

    private Path generate(String name, int rows) {
        Path f = dir.resolve(name);
        CliRun r = segment("generate", "--rows", Integer.toString(rows), "--seed", "5", "--no-problems", "--out",
                f.toString());
        assertEquals(0, r.exit(), r.err());
        return f;
    }

    private static List<String> lines(Path f) throws Exception {
        return Files.readAllLines(f, StandardCharsets.UTF_8);
    }

    /** id -> group from a groups.csv whose first column is the id and last the group. */
    private static Map<String, String> groups(Path f) throws Exception {
        Map<String, String> m = new HashMap<>();
        for (String line : lines(f).subList(1, lines(f).size())) {
            String[] cells = line.split(",", -1);
            m.put(cells[0], cells[cells.length - 1]);
        }
        return m;
    }

    @Test
    void assignsStratifiedGroupsAndWritesThePlan() throws Exception {
        Path in = generate("customers.csv", 2000);
        Path out = dir.resolve("out");
        CliRun r = segment("control", "--input", in.toString(), "--out", out.toString(), "--set", "salt=spring-2025",
                "--set", "stratify.by=region", "--set", "balance.covariates=age,preferred_channel");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("control: 2000 customers from " + in + "; method stratified_rank, salt "
                + "'spring-2025', control share 0.1, stratified by 'region'"), r.out());
        // exact per stratum (8 regions), so the total is within 4 of 200
        assertTrue(r.out().contains("groups: 1801 treatment, 199 control"), r.out());
        assertTrue(r.out().contains("wrote " + out + ": groups.csv, control_plan.csv, control_plan.json"), r.out());
        List<String> g = lines(out.resolve("groups.csv"));
        assertTrue(g.get(0).startsWith("customer_id,"), g.get(0));
        assertTrue(g.get(0).endsWith(",group"), g.get(0));
        assertEquals(2001, g.size());
        List<String> plan = lines(out.resolve("control_plan.csv"));
        assertEquals("stratum,customers,holdout,treatment,control,control_share,target_share,expected_control,"
                + "srm_p_value,smd_age,smd_preferred_channel,smd_chance,balanced,warning", plan.get(0));
        assertTrue(plan.get(plan.size() - 1).startsWith("(all),2000,0,1801,199,0.0995,0.1,199,0.94058"),
                plan.get(plan.size() - 1));
        JsonNode json = new ObjectMapper().readTree(out.resolve("control_plan.json").toFile());
        assertEquals("spring-2025", json.get("salt").asText());
        assertEquals("stratified_rank", json.get("method").asText());
    }

    @Test
    void sameSaltSameGroupsWhateverTheRowOrder() throws Exception {
        Path in = generate("customers.csv", 1500);
        List<String> rows = lines(in);
        List<String> body = new ArrayList<>(rows.subList(1, rows.size()));
        Collections.shuffle(body, new Random(3));
        Path shuffled = dir.resolve("shuffled.csv");
        List<String> all = new ArrayList<>();
        all.add(rows.get(0));
        all.addAll(body);
        Files.write(shuffled, all, StandardCharsets.UTF_8);
        String[] common = {"--set", "salt=s1", "--set", "stratify.by=region", "--id-only", "--quiet"};
        CliRun a = segment(concat(new String[] {"control", "--input", in.toString(), "--out", dir.resolve("a").toString()},
                common));
        CliRun b = segment(concat(new String[] {"control", "--input", in.toString(), "--out", dir.resolve("b").toString()},
                common));
        CliRun c = segment(concat(new String[] {"control", "--input", shuffled.toString(), "--out",
                dir.resolve("c").toString()}, common));
        assertEquals(0, a.exit() + b.exit() + c.exit(), a.err() + b.err() + c.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/groups.csv")),
                Files.readAllBytes(dir.resolve("b/groups.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/control_plan.json")),
                Files.readAllBytes(dir.resolve("b/control_plan.json")), "no time stamp: same bytes");
        assertEquals(groups(dir.resolve("a/groups.csv")), groups(dir.resolve("c/groups.csv")));
        assertEquals("customer_id,group", lines(dir.resolve("a/groups.csv")).get(0));
    }

    @Test
    void numericLookingIdsAreHashedAsWritten() throws Exception {
        Path in = dir.resolve("ids.csv");
        Files.writeString(in, "id,x\n00123,1\n123,2\n0042,3\n", StandardCharsets.UTF_8);
        CliRun r = segment("control", "--input", in.toString(), "--out", dir.resolve("o").toString(), "--set", "salt=s",
                "--set", "id.column=id", "--set", "control.share=0.5");
        assertEquals(0, r.exit(), r.err());
        List<String> g = lines(dir.resolve("o/groups.csv"));
        assertTrue(g.get(1).startsWith("00123,") && g.get(2).startsWith("123,") && g.get(3).startsWith("0042,"),
                g.toString());
    }

    @Test
    void holdoutAndPreviousAssignmentAreReported() throws Exception {
        Path in = generate("customers.csv", 1000);
        Path first = dir.resolve("first");
        assertEquals(0, segment("control", "--input", in.toString(), "--out", first.toString(), "--set", "salt=s",
                "--set", "holdout.salt=global", "--set", "holdout.share=0.05").exit());
        CliRun again = segment("control", "--input", first.resolve("groups.csv").toString(), "--out",
                dir.resolve("again").toString(), "--set", "salt=s", "--set", "holdout.salt=global", "--set",
                "holdout.share=0.05", "--set", "previous.column=group");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("compared with 'group': 0 customers changed group, 0 new"), again.out());
        assertTrue(again.out().contains("global holdout (salt 'global', share 0.05)"), again.out());
        assertTrue(lines(dir.resolve("again/control_plan.csv")).get(0).contains(",flipped,"));
    }

    @Test
    void missingSaltIsAnErrorBeforeReading() {
        CliRun r = segment("control", "--input", dir.resolve("nope.csv").toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("segment: control setting 'salt' is required"), r.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void duplicateIdsFailWithOneLineAndNoOutput() throws Exception {
        Path in = dir.resolve("dup.csv");
        Files.writeString(in, "customer_id,segment\nA1,x\nA2,y\nA1,x\n", StandardCharsets.UTF_8);
        CliRun r = segment("control", "--input", in.toString(), "--out", dir.resolve("o").toString(), "--set", "salt=s");
        assertEquals(1, r.exit());
        assertEquals("segment: column 'customer_id': id 'A1' appears twice, in rows 1 and 3; ids must be distinct "
                + "(remove duplicate customers first)", r.err().strip());
        assertFalse(Files.exists(dir.resolve("o")), "a failed run leaves no output directory");
    }

    @Test
    void tinyStratumWarnsOnStderr() throws Exception {
        Path in = dir.resolve("tiny.csv");
        StringBuilder sb = new StringBuilder("customer_id,segment\n");
        for (int i = 0; i < 40; i++) {
            sb.append("C").append(i).append(',').append(i < 38 ? "big" : "tiny").append('\n');
        }
        Files.writeString(in, sb.toString(), StandardCharsets.UTF_8);
        CliRun r = segment("control", "--input", in.toString(), "--out", dir.resolve("o").toString(), "--set", "salt=s",
                "--set", "stratify.by=segment");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("segment: warning: stratum 'tiny': no control customers: round(0.1 x 2) = 0"),
                r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, segment("control", "--out", dir.toString()).exit());
        assertEquals(2, segment("control", "--input", "x.csv").exit());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
