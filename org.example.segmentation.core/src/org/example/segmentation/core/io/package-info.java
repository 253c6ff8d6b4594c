/**
 * File output shared by every step: {@link org.example.segmentation.core.io.AtomicFile} writes to a
 * temporary file in the target's directory and renames it at the end, so a failed or cancelled write never
 * leaves a half-written file and never damages an existing one.
 */
package org.example.segmentation.core.io;
