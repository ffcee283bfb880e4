package org.pixeldistill.core.cache;

/**
 * How a teacher cache says what it does: one-line messages (reused, rebuilt and why, built, its
 * size) and build progress. The training loop forwards both to its own listener.
 */
public interface CacheListener {
    /** Says nothing. */
    CacheListener SILENT = new CacheListener() {};

    default void onMessage(String message) {}

    /** After each teacher batch of a build; {@code secondsLeft} is NaN until there is a rate. */
    default void onProgress(int imagesDone, int images, double secondsLeft) {}
}
