package org.pixeldistill.core.data;

/**
 * One mini-batch from the two-view sampler, normalised and ready to become tensors: the large
 * view for the teacher (count x channels x largeSize x largeSize) and the small view of the SAME
 * crop for the student (count x channels x smallSize x smallSize). For a single-model run the two
 * sizes may be equal and {@code large} may be null.
 */
public record Batch(
        float[] large, float[] small, int[] labels, int count, int channels, int largeSize, int smallSize) {}
