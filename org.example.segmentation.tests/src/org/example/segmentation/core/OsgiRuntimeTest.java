package org.example.segmentation.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Proves the engine tests run inside an OSGi framework (Equinox, started by tycho-surefire) and that the
 * engine bundle's manifest resolves against the target platform. If these fail, every other engine test
 * ran on a flat classpath and proves nothing about the bundle KNIME will load.
 */
class OsgiRuntimeTest {

    private static final String ENGINE_BUNDLE = "org.example.segmentation.core";

    @Test
    void testClassIsLoadedByTheEngineBundle() {
        // The tests are a fragment: their classes are loaded by the host, the engine bundle.
        assertEquals(ENGINE_BUNDLE, engineBundle().getSymbolicName());
    }

    @Test
    void engineBundleIsResolvedOrActive() {
        int state = engineBundle().getState();
        assertTrue(state == Bundle.RESOLVED || state == Bundle.ACTIVE,
                "engine bundle state is " + state + ", expected RESOLVED (4) or ACTIVE (32)");
    }

    @Test
    void engineBundleWiresItsLibraries() {
        Bundle engine = engineBundle();
        for (String type : new String[] { "org.apache.commons.csv.CSVFormat",
                "com.fasterxml.jackson.databind.ObjectMapper" }) {
            Class<?> loaded = assertDoesNotThrow(() -> engine.loadClass(type), type);
            Bundle provider = FrameworkUtil.getBundle(loaded);
            assertNotNull(provider, type + " does not come from a bundle");
        }
    }

    private static Bundle engineBundle() {
        Bundle bundle = FrameworkUtil.getBundle(OsgiRuntimeTest.class);
        assertNotNull(bundle, "test class was not loaded by an OSGi bundle: not running inside OSGi");
        return bundle;
    }
}
