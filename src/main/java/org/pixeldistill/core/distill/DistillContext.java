package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import org.pixeldistill.core.model.FeatureTaps;

/**
 * What one training step gives the distillers.
 *
 * @param student the student's taps on the small view (with gradients)
 * @param teacher the frozen teacher's taps on the large view (no gradients)
 * @param labels class indices, shape (batch)
 * @param largeImage the normalised large view the teacher saw, batch x C x S x S (ISRD's target)
 * @param epoch zero-based epoch, for losses that ramp in (DKD)
 * @param training true in a training step (distillers may skip work in evaluation)
 */
public record DistillContext(
        FeatureTaps student, FeatureTaps teacher, NDArray labels, NDArray largeImage, int epoch, boolean training) {}
