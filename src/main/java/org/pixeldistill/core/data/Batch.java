package org.pixeldistill.core.data;

/**
 * One mini-batch from the two-view sampler, normalised and ready to become tensors: the large
 * view for the teacher (count x channels x largeSize x largeSize) and the small view of the SAME
 * crop for the student (count x channels x smallSize x smallSize). For a single-model run the two
 * sizes may be equal and {@code large} may be null.
 *
 * <p>{@code teacherLogits} (count x classes, row-major) is null unless the batch comes from a
 * teacher cache, which recorded the frozen teacher's outputs for exactly these large views.
 */
public record Batch(float[] large, float[] small, int[] labels, int count, int channels, int largeSize, int smallSize,
        float[] teacherLogits) {

    /** A batch without recorded teacher outputs (the teacher, if any, runs live). */
    public Batch(float[] large, float[] small, int[] labels, int count, int channels, int largeSize, int smallSize) {
        this(large, small, labels, count, channels, largeSize, smallSize, null);
    }
}
