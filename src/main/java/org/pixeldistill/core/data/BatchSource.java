package org.pixeldistill.core.data;

/**
 * Makes batch {@code b} of one epoch from nothing but {@code b}, on any thread, always the same:
 * what a {@link BatchLoader} runs on its workers. The live two-view sampler is one source; the
 * teacher cache (core/cache) is another.
 */
public interface BatchSource {
    /** A batch and how many of its images did not decode. */
    record Built(Batch batch, int skipped) {}

    /** Batches of the epoch if no image fails to decode. */
    int batchCount();

    /** Batch {@code b} (0-based); thread-safe. */
    Built build(int b);
}
