/**
 * The KNIME nodes described without KNIME: which nodes exist, their factory classes, settings (the step's
 * {@link org.example.segmentation.core.settings.SettingSpec} list), ports and output columns, and the pieces of
 * the node layer that need no KNIME class: the bridge between the string map a node stores and the engine's
 * {@link org.example.segmentation.core.settings.Settings}, the column-wise table builder the KNIME table
 * converter fills, and the node description XML written from the catalog.
 *
 * <p>The KNIME bundle {@code org.example.segmentation} (built only with {@code -Pknime}) reads this catalog, so
 * that the names, keys and documents the nodes use are the ones checked by the engine's tests here.
 */
package org.example.segmentation.core.nodes;
