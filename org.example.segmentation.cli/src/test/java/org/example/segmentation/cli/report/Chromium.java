package org.example.segmentation.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * Opens a report in Debian's headless Chromium: the DOM after the scripts ran ({@code --dump-dom} with a virtual time
 * budget) and a screenshot. Absent Chromium skips the test, except when the environment variable {@code CI} is set
 * ({@code .ci/run} installs it), where it fails.
 */
public final class Chromium {
    private static final Pattern CHART = Pattern.compile("<div[^>]*\\bdata-chart=\"([^\"]+)\"[^>]*>");

    private Chromium() {
    }

    /** The chromium executable on the PATH. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The executable; skips the test without one, fails it on CI. */
    public static Path require() {
        Optional<Path> c = find();
        if (c.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("chromium is not installed, and CI is set: .ci/run installs it (apt-get install chromium)");
            }
            Assumptions.assumeTrue(false, "chromium is not installed; the browser test is skipped locally");
        }
        return c.get();
    }

    /** The DOM of {@code html} after its scripts ran. */
    public static String dumpDom(Path html, Path work) throws IOException, InterruptedException {
        return run(html, work, "--dump-dom");
    }

    /** Saves a screenshot of {@code html} (1280 pixels wide, {@code height} high) to {@code png}. */
    public static void screenshot(Path html, Path work, Path png, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(html, work, "--window-size=1280," + height, "--screenshot=" + png.toAbsolutePath());
        assertTrue(Files.size(png) > 10_000, "screenshot " + png + " written");
    }

    private static String run(Path html, Path work, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(require().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--virtual-time-budget=15000"));
        cmd.addAll(List.of(extra));
        cmd.add(html.toAbsolutePath().toUri().toString());
        Path stdout = work.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // a guard against a hung browser, not a timing assertion
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish: " + cmd);
        }
        assertEquals(0, p.exitValue(), "chromium exit code: " + cmd);
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /**
     * Asserts the page recorded no script error and every chart container holds a non-empty SVG; returns the chart
     * names in page order.
     */
    public static List<String> assertChartsRendered(String dom) {
        Matcher root = Pattern.compile("<html[^>]*\\bdata-script-errors=\"([^\"]*)\"").matcher(dom);
        assertTrue(root.find(), "the error trap ran: " + dom.substring(0, Math.min(400, dom.length())));
        assertEquals("", root.group(1), "script errors");
        Matcher m = CHART.matcher(dom);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            starts.add(m.start());
            assertTrue(m.group().contains("data-rendered=\"yes\""), "chart " + m.group(1) + " rendered: " + m.group());
        }
        assertFalse(names.isEmpty(), "the page has charts");
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : dom.length();
            String body = dom.substring(starts.get(i), end);
            int svg = body.indexOf("<svg");
            assertTrue(svg >= 0, "chart " + names.get(i) + " holds an svg");
            String inside = body.substring(svg);
            long shapes = Pattern.compile("<(path|rect|circle|polyline|polygon)\\b").matcher(inside).results().count();
            assertTrue(shapes >= 3, "chart " + names.get(i) + " draws shapes: " + shapes);
        }
        Matcher count = Pattern.compile("<html[^>]*\\bdata-charts=\"(\\d+)\"").matcher(dom);
        assertTrue(count.find(), "chart count set");
        assertEquals(names.size(), Integer.parseInt(count.group(1)), "every chart container was drawn");
        return names;
    }
}
