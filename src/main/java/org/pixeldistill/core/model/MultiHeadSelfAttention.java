package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product self-attention over (batch, tokens, dim): one linear layer makes
 * queries, keys and values for all heads, heads are folded into the batch axis so the two
 * products are plain 3-D {@code batchMatMul}s, and a linear layer mixes the heads back.
 */
final class MultiHeadSelfAttention extends ContainerBlock {

    private final int dim;
    private final int heads;
    private final Linear qkv;
    private final Linear projection;

    MultiHeadSelfAttention(int dim, int heads) {
        if (dim % heads != 0) {
            throw new IllegalArgumentException("dim " + dim + " is not a multiple of " + heads + " heads");
        }
        this.dim = dim;
        this.heads = heads;
        this.qkv = addChildBlock("qkv", Layers.linear(3 * dim, Layers.VIT_NORMAL));
        this.projection = addChildBlock("projection", Layers.linear(dim, Layers.VIT_NORMAL));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        long headDim = dim / heads;
        // (b, n, 3*dim) -> (3, b, heads, n, headDim): q, k and v for every head in one tensor
        NDArray qkvHeads =
                qkv.forward(ps, inputs, training)
                        .singletonOrThrow()
                        .reshape(batch, tokens, 3, heads, headDim)
                        .transpose(2, 0, 3, 1, 4);
        Shape folded = new Shape(batch * heads, tokens, headDim);
        NDArray q = Scalars.mul(qkvHeads.get(0).reshape(folded), 1.0 / Math.sqrt(headDim));
        NDArray k = qkvHeads.get(1).reshape(folded);
        NDArray v = qkvHeads.get(2).reshape(folded);
        NDArray weights = q.batchMatMul(k.transpose(0, 2, 1)).softmax(2);
        NDArray mixed =
                weights.batchMatMul(v)
                        .reshape(batch, heads, tokens, headDim)
                        .transpose(0, 2, 1, 3)
                        .reshape(batch, tokens, dim);
        return projection.forward(ps, new NDList(mixed), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        qkv.initialize(manager, dataType, inputShapes);
        projection.initialize(manager, dataType, inputShapes);
    }
}
