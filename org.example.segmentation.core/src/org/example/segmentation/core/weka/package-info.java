/**
 * The bridge to Weka 3.8 (GPLv3, wrapped as an OSGi bundle in the target platform): {@link
 * org.example.segmentation.core.weka.WekaBridge} converts a {@link org.example.segmentation.core.table.Table}
 * to {@code weka.core.Instances} and reads cluster assignments and attribute merits back as arrays.
 *
 * <p>Before Weka is first used, the bridge points Weka's home directory away from the user's home, turns its
 * package manager off and offline, and routes its logging to {@code System.getLogger("weka")}; see
 * {@code WekaRuntime}. Use the bridge (or call {@code WekaBridge.ensureInitialized()}) before touching Weka
 * classes directly.
 */
package org.example.segmentation.core.weka;
