package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** The student's classification loss. */
public final class CrossEntropy {
    private CrossEntropy() {}

    /**
     * Mean over the batch of -log_softmax(logits)[label].
     *
     * <p>The label's entry is picked with {@code gather}: three operations on the gradient tape
     * (log-softmax, gather, mean) where a one-hot mask took six, and the same numbers to the bit
     * (the mask's sum added exact zeros to the picked entry; its gradient was the mask times the
     * upstream gradient, which is what gather's gradient scatters).
     *
     * @param logits batch x classes
     * @param labels class indices (int or float), shape batch or batch x 1; int64 labels are used
     *     as they are
     */
    public static NDArray loss(NDArray logits, NDArray labels) {
        NDArray index = labels.toType(DataType.INT64, false).reshape(-1, 1);
        return logits.logSoftmax(1).gather(index, 1).mean().neg();
    }
}
