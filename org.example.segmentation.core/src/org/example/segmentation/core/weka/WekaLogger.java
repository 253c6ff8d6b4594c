package org.example.segmentation.core.weka;

import weka.core.logging.Logger;

/**
 * Weka's logger singleton for the engine: hands Weka's warnings and errors to the platform logger
 * {@code System.getLogger("weka")} (java.util.logging by default, which KNIME routes to its log). It replaces
 * Weka's default {@code OutputLogger}, which would redirect {@code System.out}/{@code System.err} and append to
 * {@code WEKA_HOME/weka.log}.
 */
final class WekaLogger extends Logger {

    private static final System.Logger LOG = System.getLogger("weka");

    private WekaLogger() {
        // Logger() reads the minimum level from Weka's Logging.props (INFO); warnings and worse only here
        m_MinLevel = Level.WARNING;
    }

    /** Installs this logger unless Weka already created its logger singleton. */
    static void install() {
        synchronized (Logger.class) {
            if (m_Singleton == null) {
                m_Singleton = new WekaLogger();
            }
        }
    }

    @Override
    protected void initialize() {
        m_MinLevel = Level.WARNING;
    }

    @Override
    protected void doLog(Level level, String msg, String cls, String method, int lineno) {
        System.Logger.Level target = switch (level) {
            case SEVERE -> System.Logger.Level.ERROR;
            case WARNING -> System.Logger.Level.WARNING;
            case INFO -> System.Logger.Level.INFO;
            case OFF -> System.Logger.Level.OFF;
            default -> System.Logger.Level.DEBUG;
        };
        LOG.log(target, () -> cls + "." + method + ": " + msg);
    }

    @Override
    public String getRevision() {
        return "1";
    }
}
