package org.example.segmentation.cli;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line, in-process through {@link SegmentCli#run}, with progress bars off: what the
 * CLI tests assert on.
 *
 * @param exit the exit code
 * @param out  what was printed on standard output
 * @param err  what was printed on standard error
 */
record CliRun(int exit, String out, String err) {

    /** Runs {@code segment ARGS...}. */
    static CliRun segment(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SegmentCli.run(new PrintWriter(out, true), new PrintWriter(err, true), false, args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The class path of this test JVM (surefire's, with the engine and every library), for child JVMs. */
    static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        if (!cp.contains(File.pathSeparator) && !cp.endsWith(".jar")) {
            throw new IllegalStateException("no usable class path for a child JVM: " + cp);
        }
        return cp;
    }
}
