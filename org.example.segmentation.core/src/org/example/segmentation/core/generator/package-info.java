/**
 * A seeded generator of synthetic retail-bank customers with known truth, for tests, demos and benchmarks.
 *
 * <p>{@link org.example.segmentation.core.generator.CustomerGenerator} produces a
 * {@link org.example.segmentation.core.table.Table} for a
 * {@link org.example.segmentation.core.generator.GeneratorConfig}. What is planted, and can be asserted
 * against: six digital {@link org.example.segmentation.core.generator.Persona}s on the capability x trust grid
 * mixed with four {@link org.example.segmentation.core.generator.LifeStage}s (truth columns on request), the
 * data-quality problems of {@link org.example.segmentation.core.generator.PlantedProblems} with exact counts,
 * and the month-2 drift of {@link org.example.segmentation.core.generator.PlantedDrift}.
 * {@link org.example.segmentation.core.generator.CustomerColumns} names the columns. The generative model
 * itself ({@code Customer}), the row layout and the placement of problems are package-private; the user
 * documentation is {@code docs/generator.md}.
 */
package org.example.segmentation.core.generator;
