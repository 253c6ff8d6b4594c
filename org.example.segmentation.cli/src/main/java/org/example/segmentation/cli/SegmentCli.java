package org.example.segmentation.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.InputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code segment}. Exit codes: 0 success, 1 bad input or failed run (one line on stderr),
 * 2 usage error.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, versionProvider = SegmentCli.Version.class,
        description = "Customer segmentation and digital profiling from the command line.",
        subcommands = {GenerateCommand.class, InspectCommand.class, DemoCommand.class, CleanCommand.class,
                SelectCommand.class, FitCommand.class, ProfileCommand.class, BaselineCommand.class,
                DriftCommand.class, ControlCommand.class, UpliftCommand.class, ScoreCommand.class, RunCommand.class,
                BenchCommand.class},
        footer = {"", "Exit codes: 0 success, 1 bad input or failed run (one line on stderr), 2 usage error,",
                "130 stopped by Ctrl-C (143 by SIGTERM): the work stops at its next check and no partial output is left."})
public final class SegmentCli implements Callable<Integer> {

    /** Exit code of a run that failed on bad input or an error while running. */
    public static final int EXIT_FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    private boolean debug;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "No progress bar.")
    private boolean quiet;

    private boolean showProgress = true;

    /** Set when the user asks to stop (Ctrl-C); every progress this run hands out reads it. */
    private AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * How long a Ctrl-C waits for the running command to stop at its next cancellation check and remove its
     * staged output before the JVM exits anyway.
     */
    private static final long CANCEL_GRACE_SECONDS = 30;

    public static void main(String[] args) {
        // Explicitly UTF-8: Java 17's default charset follows the locale, which may be ASCII on a server,
        // and customer data is full of names like "São Paulo".
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
        // Ctrl-C (SIGINT) and SIGTERM run the shutdown hooks while this thread is still working. The hook sets
        // the cancel flag, so the engine throws CancelledException at its next check, the command's
        // OutputDirectory / AtomicFile removes what it staged, and run() returns; the hook waits for that
        // before letting the JVM exit (with 130 for SIGINT, 143 for SIGTERM).
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "segment-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        int code;
        try {
            code = run(out, err, true, cancelled, args);
        } finally {
            out.flush();
            err.flush();
            finished.countDown();
        }
        if (cancelled.get()) {
            return; // the JVM is already shutting down, with the signal's exit code
        }
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code; never calls System.exit. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, true, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with progress bars off for tests. */
    static int run(PrintWriter out, PrintWriter err, boolean progress, String... args) {
        return run(out, err, progress, new AtomicBoolean(), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, boolean, String...)}; setting {@code cancelled} stops the run. */
    static int run(PrintWriter out, PrintWriter err, boolean progress, AtomicBoolean cancelled, String... args) {
        SegmentCli cli = new SegmentCli();
        cli.showProgress = progress;
        cli.cancelled = cancelled;
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("segment: " + describe(e));
            if (cli.debug) {
                e.printStackTrace(cmd.getErr());
            } else if (!(e instanceof InputException) && !(e instanceof CancelledException)) {
                cmd.getErr().println("segment: (run again with --debug to see where it failed)");
            }
            cmd.getErr().flush();
            return EXIT_FAILED;
        });
        return commandLine.execute(args);
    }

    private static String describe(Exception e) {
        if (e instanceof InputException || e instanceof CancelledException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describeIo(u.getCause());
        }
        if (e instanceof IOException io) {
            return describeIo(io);
        }
        return "internal error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getName());
    }

    private static String describeIo(IOException io) {
        return "I/O error: " + (io.getMessage() != null ? io.getMessage() : io.getClass().getSimpleName());
    }

    @Override
    public Integer call() {
        // No subcommand given: a usage error (exit code 2, message and usage on stderr).
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    TerminalProgress progress() {
        return showProgress ? TerminalProgress.forStderr(quiet, cancelled) : TerminalProgress.hidden(cancelled);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
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
