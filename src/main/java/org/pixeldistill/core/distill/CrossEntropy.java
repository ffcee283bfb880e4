package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;

/** The student's classification loss. */
public final class CrossEntropy {
    private CrossEntropy() {}

    /**
     * Mean over the batch of -log_softmax(logits)[label].
     *
     * @param logits batch x classes
     * @param labels class indices (int or float), shape batch
     */
    public static NDArray loss(NDArray logits, NDArray labels) {
        NDArray mask = Labels.oneHot(labels, logits.getShape().get(1));
        return logits.logSoftmax(1).mul(mask).sum(new int[] {1}).mean().neg();
    }
}
