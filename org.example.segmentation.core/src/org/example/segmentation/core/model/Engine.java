package org.example.segmentation.core.model;

/** The engine's version, recorded in every model file. A test checks it against the bundle version. */
public final class Engine {
    /** Major.minor.micro of the engine bundle, without qualifier. */
    public static final String VERSION = "1.0.0";

    private Engine() {
    }
}
