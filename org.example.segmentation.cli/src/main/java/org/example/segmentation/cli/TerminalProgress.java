package org.example.segmentation.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.Progress;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, shown only when the command runs
 * in a terminal. Setting the shared cancel flag (Ctrl-C sets it, see {@link SegmentCli#main}) makes the
 * engine's next {@link #checkCancelled()} stop the work.
 */
final class TerminalProgress implements Progress, AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final boolean visible;
    private final AtomicBoolean cancelled;
    private String message = "";
    private long lastDraw;
    private boolean drawn;

    private TerminalProgress(PrintStream err, boolean visible, AtomicBoolean cancelled) {
        this.err = err;
        this.visible = visible;
        this.cancelled = cancelled;
    }

    /**
     * A progress bar on {@code System.err}, visible when a console is attached (Java 17 has no test for
     * stderr alone; {@code System.console()} is non-null when stdin and stdout are a terminal) and
     * {@code TERM} is not {@code dumb}, unless {@code quiet}.
     */
    static TerminalProgress forStderr(boolean quiet, AtomicBoolean cancelled) {
        String term = System.getenv("TERM");
        boolean tty = System.console() != null && term != null && !"dumb".equals(term);
        return new TerminalProgress(System.err, tty && !quiet, cancelled);
    }

    /** A progress that draws nothing (tests, scripts). */
    static TerminalProgress hidden(AtomicBoolean cancelled) {
        return new TerminalProgress(System.err, false, cancelled);
    }

    @Override
    public synchronized void update(double fraction, String newMessage) {
        if (newMessage != null) {
            message = newMessage;
        }
        if (!visible) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS && !(fraction >= 1.0)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        StringBuilder line = new StringBuilder("\r");
        if (Double.isNaN(fraction)) {
            line.append("[").append(" ".repeat(WIDTH)).append("]      ");
        } else {
            double f = Math.max(0, Math.min(1, fraction));
            int filled = (int) Math.round(f * WIDTH);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", Math.round(f * 100)));
        }
        String m = message.length() > 40 ? message.substring(0, 40) : message;
        line.append(m).append("\u001b[K");
        err.print(line);
        err.flush();
    }

    @Override
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }

    /** Clears the bar line, if one was drawn. */
    @Override
    public synchronized void close() {
        if (visible && drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
