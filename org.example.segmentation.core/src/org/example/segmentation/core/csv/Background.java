package org.example.segmentation.core.csv;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One piece of work on a thread of its own, for reading ahead and formatting beside the caller: a daemon thread per
 * task (a few per chunk or block of a large file, nothing left running when the caller stops waiting), and the task's
 * exception rethrown as it was thrown when the caller joins.
 */
final class Background {
    private Background() {
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    static <T> CompletableFuture<T> start(Supplier<T> work, String name) {
        return CompletableFuture.supplyAsync(work, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        });
    }

    /** Waits for {@code f}; its failure is rethrown as the exception or error the work threw. */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
