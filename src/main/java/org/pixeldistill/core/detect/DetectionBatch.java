package org.pixeldistill.core.detect;

import java.util.List;

/**
 * A batch of detection training images in both views: the model's (small) view and, for
 * distillation, the teacher's large view of the same pictures; channel-major pixels, normalised.
 *
 * @param boxes each image's boxes in the small view's pixels
 * @param labels each image's class per box
 * @param large null when there is no teacher
 */
public record DetectionBatch(int count, int channels, int smallSize, float[] small, int largeSize, float[] large,
        List<List<Box>> boxes, List<int[]> labels) {}
