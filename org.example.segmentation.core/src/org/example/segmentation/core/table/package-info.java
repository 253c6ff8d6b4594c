/**
 * The engine's in-memory customer table: an immutable, columnar {@link org.example.segmentation.core.table.Table}
 * of numeric, categorical and text columns.
 *
 * <p>Numeric columns hold a {@code double[]} and an explicit missing mask; categorical columns hold
 * {@code int} codes into a dictionary of levels ({@code -1} is missing); text columns (identifiers, free
 * text) hold strings ({@code null} is missing). Column names are arbitrary UTF-8 text. Every operation
 * returns a new table and never modifies its input.
 */
package org.example.segmentation.core.table;
