package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Turning class-index labels (int or float, shape batch or batch x 1) into masks. */
final class Labels {
    private Labels() {}

    /** batch x classes float mask with 1 at each sample's label. */
    static NDArray oneHot(NDArray labels, long classes) {
        NDArray index = labels.toType(DataType.INT64, false).reshape(-1);
        return index.oneHot(Math.toIntExact(classes), DataType.FLOAT32);
    }
}
