package org.example.segmentation.node.common;

import org.example.segmentation.core.CancelledException;
import org.example.segmentation.core.Progress;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** The engine's {@link Progress} on a KNIME {@link ExecutionMonitor}: progress bar, message and cancel button. */
public final class KnimeProgress implements Progress {
    private final ExecutionMonitor exec;

    /** Progress reported to {@code exec}. */
    public KnimeProgress(ExecutionMonitor exec) {
        this.exec = exec;
    }

    @Override
    public void update(double fraction, String message) {
        if (Double.isNaN(fraction)) {
            if (message != null) {
                exec.setMessage(message);
            }
        } else if (message == null) {
            exec.setProgress(Math.max(0, Math.min(1, fraction)));
        } else {
            exec.setProgress(Math.max(0, Math.min(1, fraction)), message);
        }
    }

    @Override
    public void checkCancelled() {
        try {
            exec.checkCanceled();
        } catch (CanceledExecutionException e) {
            throw new CancelledException();
        }
    }
}
