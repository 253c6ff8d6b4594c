package org.example.segmentation.core.cluster;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The threads of one fit, and the fixed split of a matrix's rows into groups that makes the result
 * independent of the thread count. Package-private; owned by one call to {@code fit}, closed in its
 * {@code finally}.
 *
 * <p><b>Determinism.</b> The rows are split into at most {@value #MAX_GROUPS} groups of whole storage blocks
 * ({@link Matrix#BLOCK_ROWS} rows); the split depends only on the number of rows. A pass computes one partial
 * result per group (sums, counts, inertia), each in row order, on whatever thread picks the group up; the
 * caller then combines the partial results in group order. So every floating-point addition happens in the
 * same order whatever the number of threads, and the result has the same bits. No random number is drawn on
 * a worker thread.
 */
final class KMeansExecutor implements AutoCloseable {

    /** The most groups a pass is split into (bounds the per-group partial sums: groups x k x d doubles). */
    static final int MAX_GROUPS = 128;

    private final int threads;
    private final ExecutorService pool;

    KMeansExecutor(int threads) {
        this.threads = threads;
        if (threads > 1) {
            AtomicInteger id = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "kmeans-worker-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.pool = null;
        }
    }

    /** The number of groups the rows of {@code data} are split into: at most {@value #MAX_GROUPS}. */
    static int groupCount(Matrix data) {
        return Math.min(data.blockCount(), MAX_GROUPS);
    }

    /** The first block of group {@code g} of {@code groups}; group {@code g} ends where group {@code g + 1} starts. */
    static int firstBlock(Matrix data, int g, int groups) {
        return (int) ((long) g * data.blockCount() / groups);
    }

    /** A task that also learns which worker runs it: 0 (the calling thread) to {@code threads - 1}. */
    @FunctionalInterface
    interface WorkerTask {
        void run(int task, int worker);
    }

    /** The number of threads, the calling one included. */
    int threads() {
        return threads;
    }

    /**
     * Runs {@code task.accept(t)} once for every {@code t < tasks}, on the calling thread and up to
     * {@code threads - 1} pool threads, and returns when all have finished. The first failure is rethrown after
     * the other threads stopped (they take no new task once one failed).
     */
    void forEach(int tasks, IntConsumer task) {
        forEach(tasks, (t, w) -> task.accept(t));
    }

    /**
     * As {@link #forEach(int, IntConsumer)}, telling each task its worker's index, so that workers can keep
     * scratch space of their own: no two tasks run on the same worker at the same time.
     */
    void forEach(int tasks, WorkerTask task) {
        if (pool == null || tasks <= 1) {
            for (int t = 0; t < tasks; t++) {
                task.run(t, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int helpers = Math.min(threads, tasks) - 1;
        Future<?>[] futures = new Future<?>[helpers];
        for (int h = 0; h < helpers; h++) {
            int worker = h + 1;
            futures[h] = pool.submit(() -> work(next, tasks, task, worker));
        }
        Throwable failure = null;
        try {
            work(next, tasks, task, 0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    next.set(tasks);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error er) {
            throw er;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static void work(AtomicInteger next, int tasks, WorkerTask task, int worker) {
        int t;
        while ((t = next.getAndIncrement()) < tasks) {
            try {
                task.run(t, worker);
            } catch (RuntimeException | Error e) {
                next.set(tasks);
                throw e;
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
