package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link Conv2d} that computes with its filter count rounded up to a multiple of 16 and drops
 * the extra output channels again. Its parameters, output and checkpoints are those of a plain
 * Conv2d. Why: libtorch's oneDNN convolution (2.3.1 CPU) lays the output gradient out in blocks
 * of 16 channels (8 under AVX2); when the filters do not fill the last block, the backward pass
 * reads the unfilled channels from uninitialised memory and multiplies them by zero weights, so
 * a NaN left there by an earlier tensor turns the input gradient NaN: random "loss is not finite"
 * failures one step later. With full blocks nothing is read that was not written.
 */
public final class PaddedConv2d extends Conv2d {
    /** The oneDNN channel block on AVX-512 (a multiple of AVX2's 8, so it covers both). */
    static final int BLOCK = 16;

    private PaddedConv2d(Conv2d.Builder builder) {
        super(builder);
    }

    /** Builds the convolution {@code builder} describes. */
    public static Conv2d of(Conv2d.Builder builder) {
        return new PaddedConv2d(builder);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = ps.getValue(weight, x.getDevice(), training);
        NDArray b = includeBias ? ps.getValue(bias, x.getDevice(), training) : null;
        int missing = groups == 1 ? (BLOCK - filters % BLOCK) % BLOCK : 0;
        if (missing == 0) {
            return Conv2d.conv2d(x, w, b, stride, padding, dilation, groups);
        }
        NDManager m = x.getManager();
        Shape extra = new Shape(missing).addAll(w.getShape().slice(1));
        NDArray paddedW = w.concat(m.zeros(extra, w.getDataType()), 0);
        NDArray paddedB = b == null ? null : b.concat(m.zeros(new Shape(missing), b.getDataType()), 0);
        // concat attaches its result to the weight's (model) manager; it belongs to this forward pass
        paddedW.attach(m);
        if (paddedB != null) {
            paddedB.attach(m);
        }
        NDArray y = Conv2d.conv2d(x, paddedW, paddedB, stride, padding, dilation, groups).singletonOrThrow();
        return new NDList(y.get(":, :" + filters));
    }
}
