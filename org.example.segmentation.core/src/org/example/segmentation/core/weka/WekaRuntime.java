package org.example.segmentation.core.weka;

import java.nio.file.Path;
import java.util.Locale;

import weka.core.Environment;
import weka.core.WekaPackageManager;

/**
 * Prepares Weka before the engine touches it, once per class loader (that is, once per copy of Weka).
 *
 * <p>Weka's class initialisation ({@code WekaPackageManager}, reached through {@code Capabilities} from every
 * {@code buildClusterer}/{@code buildEvaluator}) creates {@code WEKA_HOME} with {@code packages/},
 * {@code native/}, {@code repCache/} and {@code props/}, and {@code WEKA_HOME} defaults to
 * {@code ~/wekafiles}. Its default logger ({@code OutputLogger}) replaces {@code System.out} and
 * {@code System.err} and appends to {@code WEKA_HOME/weka.log}. This class, before any of that runs:
 * <ul>
 * <li>sets {@code WEKA_HOME} in Weka's own {@link Environment} (not as a JVM system property, so another
 * copy of Weka in the same JVM is not affected), unless the environment variable or system property
 * {@code WEKA_HOME} is already set: then that one is used, as Weka would. The default is
 * {@code <java.io.tmpdir>/segmentation-weka-<user>}: Weka still creates its four empty directories there,
 * but never in the user's home directory;</li>
 * <li>turns Weka's package manager offline and off ({@code weka.packageManager.offline=true},
 * {@code weka.packageManager.loadPackages=false}, again only in Weka's environment and only when not set):
 * the engine never loads Weka packages and never goes to the network;</li>
 * <li>installs {@link WekaLogger}, which hands Weka's few log messages (warnings and worse) to
 * {@link System.Logger} {@code weka}, instead of the {@code OutputLogger};</li>
 * <li>initialises netlib-java (BLAS/LAPACK behind MTJ, used by {@code PrincipalComponents}) with its pure
 * Java F2J implementation, the only one shipped, so it does not log warnings about missing native
 * libraries; the system properties it reads are set for that moment only and restored afterwards.</li>
 * </ul>
 * Nothing here needs a display: the engine's use of Weka works with {@code java.awt.headless=true}.
 */
final class WekaRuntime {

    /** Weka's name for its home directory, as environment variable or system property. */
    static final String WEKA_HOME = "WEKA_HOME";

    private static final String[][] NETLIB = {
        { "com.github.fommil.netlib.BLAS", "com.github.fommil.netlib.F2jBLAS" },
        { "com.github.fommil.netlib.LAPACK", "com.github.fommil.netlib.F2jLAPACK" },
        { "com.github.fommil.netlib.ARPACK", "com.github.fommil.netlib.F2jARPACK" },
    };

    private static volatile boolean initialized;

    private WekaRuntime() {
    }

    /** Prepares Weka as described in the class comment; cheap after the first call. */
    static void ensureInitialized() {
        if (!initialized) {
            synchronized (WekaRuntime.class) {
                if (!initialized) {
                    initialize();
                    initialized = true;
                }
            }
        }
    }

    /** The directory Weka uses as its home in this class loader (initialises Weka first). */
    static Path wekaHome() {
        ensureInitialized();
        return WekaPackageManager.WEKA_HOME.toPath();
    }

    private static void initialize() {
        // Environment's class initialisation reads only env variables and system properties, nothing on disk.
        Environment env = Environment.getSystemWide();
        if (isBlank(env.getVariableValue(WEKA_HOME)) && isBlank(System.getProperty(WEKA_HOME))
                && isBlank(System.getenv(WEKA_HOME))) {
            env.addVariable(WEKA_HOME, defaultWekaHome().toString());
        } else if (isBlank(env.getVariableValue(WEKA_HOME))) {
            // set after Environment was initialised by someone else: still honour it
            String home = System.getProperty(WEKA_HOME);
            env.addVariable(WEKA_HOME, isBlank(home) ? System.getenv(WEKA_HOME) : home);
        }
        addIfAbsent(env, "weka.packageManager.offline", "true");
        addIfAbsent(env, "weka.packageManager.loadPackages", "false");
        // before WekaPackageManager's class initialisation, which initialises netlib's ARPACK (it probes it)
        initNetlib();
        // The first use of weka.core.logging.Logger runs WekaPackageManager's class initialisation, which
        // reads the environment prepared above.
        WekaLogger.install();
    }

    /** {@code <java.io.tmpdir>/segmentation-weka-<user name>}, the user name reduced to safe characters. */
    static Path defaultWekaHome() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "segmentation-weka-" + user.toLowerCase(Locale.ROOT));
    }

    private static void addIfAbsent(Environment env, String key, String value) {
        if (isBlank(env.getVariableValue(key)) && isBlank(System.getProperty(key))) {
            env.addVariable(key, value);
        }
    }

    private static void initNetlib() {
        // netlib is loaded through Weka's class loader, which sees it (OSGi: the Weka bundle imports it).
        ClassLoader loader = WekaPackageManager.class.getClassLoader();
        String[] saved = new String[NETLIB.length];
        synchronized (System.getProperties()) {
            for (int i = 0; i < NETLIB.length; i++) {
                saved[i] = System.getProperty(NETLIB[i][0]);
                if (saved[i] == null) {
                    System.setProperty(NETLIB[i][0], NETLIB[i][1]);
                }
            }
        }
        try {
            for (String[] entry : NETLIB) {
                try {
                    Class.forName(entry[0], true, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // netlib absent: only PrincipalComponents needs it, and fails there with a clear error
                }
            }
        } finally {
            synchronized (System.getProperties()) {
                for (int i = 0; i < NETLIB.length; i++) {
                    if (saved[i] == null) {
                        System.clearProperty(NETLIB[i][0]);
                    }
                }
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
