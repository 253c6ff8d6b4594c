/**
 * How fitted models are stored: one JSON file per model, never Java serialization, so a model file is safe
 * to load from anyone.
 *
 * <p>Every file is an envelope {@code {"kind", "format_version", "engine_version", "provenance", "model"}}:
 * {@link org.example.segmentation.core.model.ModelFile} writes it atomically and reads it back through
 * size and nesting limits, refusing a file of another kind (a drift baseline given as a segmentation
 * model) or of a newer format version with a message that says so. {@link
 * org.example.segmentation.core.model.Provenance} records where a model came from: the step's settings,
 * a fingerprint of the input table, the seed, the engine version and the time.
 *
 * <p>Reproducible files: the creation time is the current time, unless the environment variable
 * {@code SOURCE_DATE_EPOCH} (seconds since 1970, the reproducible-builds convention) is set, in which
 * case that time is used, so that the same input, settings and seed give byte-identical model files.
 */
package org.example.segmentation.core.model;
