package org.example.segmentation.core;

/** Thrown by {@link Progress#checkCancelled()} when the user asked to stop (KNIME's cancel, Ctrl-C). */
public class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
