/**
 * Step settings as a flat {@code key=value} map: the one format shared by the command line
 * ({@code --set key=value}, pipeline files) and the KNIME node dialogs, so that validation and defaults
 * live in one place.
 *
 * <p>{@link org.example.segmentation.core.settings.Settings} reads typed values and fails with the key, the
 * value and what was allowed; {@link org.example.segmentation.core.settings.SettingSpec} documents one key
 * (default, allowed values, meaning) for help texts, the README and generated dialogs.
 *
 * <p>Lists (of column names, say) are written as a JSON array of strings, {@code ["age","Região"]}, which
 * holds any name; a value that does not start with {@code [} is split at commas and trimmed, which is
 * convenient on a command line for names without commas.
 */
package org.example.segmentation.core.settings;
