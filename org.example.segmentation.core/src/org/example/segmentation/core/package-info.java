/**
 * The segmentation engine: KNIME-free, used by the command line and by the KNIME nodes alike.
 *
 * <p>This package holds what every step shares: {@link org.example.segmentation.core.InputException} for bad
 * input, {@link org.example.segmentation.core.Progress} for progress and cancellation. The steps live in
 * sub-packages, one concern each.
 */
package org.example.segmentation.core;
