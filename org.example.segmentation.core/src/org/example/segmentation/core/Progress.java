package org.example.segmentation.core;

/**
 * Where long work reports how far it is and learns that it should stop. The command line shows a progress
 * bar; a KNIME node forwards to its execution monitor. Implementations must be cheap to call: loops call
 * {@link #update} and {@link #checkCancelled} every few thousand rows.
 */
public interface Progress {

    /** A sink that shows nothing and never cancels. */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public void checkCancelled() {
        }
    };

    /**
     * Reports progress.
     *
     * @param fraction how much is done, 0..1, or {@code NaN} when unknown
     * @param message  what is being done, or {@code null} to keep the previous message
     */
    void update(double fraction, String message);

    /**
     * Returns normally, or throws when the user asked to stop.
     *
     * @throws CancelledException when cancelled
     */
    void checkCancelled();

    /**
     * A view of this progress for a sub-task that covers {@code from..to} of the whole.
     */
    default Progress range(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void update(double fraction, String message) {
                parent.update(Double.isNaN(fraction) ? Double.NaN : from + (to - from) * fraction, message);
            }

            @Override
            public void checkCancelled() {
                parent.checkCancelled();
            }
        };
    }
}
