package org.example.segmentation.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code segment}. Exit codes: 0 success, 1 bad input or failed run (one line on stderr),
 * 2 usage error.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, versionProvider = SegmentCli.Version.class,
        description = "Customer segmentation from the command line.")
public final class SegmentCli implements Callable<Integer> {

    /** Exit code of a run that failed on bad input or an error while running. */
    public static final int EXIT_FAILED = 1;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams and returns the exit code; never calls System.exit. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new SegmentCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("segment: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return EXIT_FAILED;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        // No subcommand given: a usage error (exit code 2, message and usage on stderr).
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** Reads the version Maven filtered into version.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = SegmentCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] { "segment " + properties.getProperty("version", "unknown") };
        }
    }
}
