package org.example.segmentation.core.nodes;

/** What travels through a node port: a data table, one of the engine's model files, or PMML. */
public enum PortKind {
    /** A KNIME data table. */
    TABLE(null, "Table"),
    /** A fitted cleaning model ({@code cleaning_model}). */
    CLEANING_MODEL("cleaning_model", "Cleaning Model"),
    /** A fitted feature selection ({@code feature_selection}). */
    FEATURE_SELECTION("feature_selection", "Feature Selection"),
    /** A fitted segmentation ({@code segmentation_model}). */
    SEGMENTATION_MODEL("segmentation_model", "Segmentation Model"),
    /** A fitted digital profile scoring model ({@code scoring_model}). */
    SCORING_MODEL("scoring_model", "Scoring Model"),
    /** A drift baseline of a reference month ({@code drift_baseline}). */
    DRIFT_BASELINE("drift_baseline", "Drift Baseline"),
    /** A PMML 4.4 document (KNIME's PMML port). */
    PMML(null, "PMML");

    private final String modelKind;
    private final String label;

    PortKind(String modelKind, String label) {
        this.modelKind = modelKind;
        this.label = label;
    }

    /** The {@link org.example.segmentation.core.model.ModelFile} kind the port carries, or null (table, PMML). */
    public String modelKind() {
        return modelKind;
    }

    /** The port type's name as KNIME shows it. */
    public String label() {
        return label;
    }

    /** Whether the port carries one of the engine's JSON model files. */
    public boolean isModel() {
        return modelKind != null;
    }
}
