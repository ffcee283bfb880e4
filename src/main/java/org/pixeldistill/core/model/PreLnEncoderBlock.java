package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A ViT encoder block with LayerNorm before each sub-layer: {@code x + MHA(LN(x))}, then {@code x +
 * MLP(LN(x))} with a GELU MLP. Written here because DJL's TransformerEncoderBlock normalises with
 * BatchNorm, which is not what ViTs use.
 */
final class PreLnEncoderBlock extends ContainerBlock {

    private final LayerNorm attentionNorm;
    private final MultiHeadSelfAttention attention;
    private final LayerNorm mlpNorm;
    private final Linear mlpIn;
    private final Linear mlpOut;
    private final int mlpDim;

    PreLnEncoderBlock(int dim, int heads, int mlpDim) {
        this.mlpDim = mlpDim;
        this.attentionNorm = addChildBlock("attentionNorm", tokenNorm());
        this.attention = addChildBlock("attention", new MultiHeadSelfAttention(dim, heads));
        this.mlpNorm = addChildBlock("mlpNorm", tokenNorm());
        this.mlpIn = addChildBlock("mlpIn", Layers.linear(mlpDim, Layers.VIT_NORMAL));
        this.mlpOut = addChildBlock("mlpOut", Layers.linear(dim, Layers.VIT_NORMAL));
    }

    /** LayerNorm over the feature axis of (batch, tokens, dim), epsilon as in the ViT papers. */
    static LayerNorm tokenNorm() {
        return LayerNorm.builder().axis(2).optEpsilon(1e-6f).build();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList normed = attentionNorm.forward(ps, inputs, training);
        x = x.add(attention.forward(ps, normed, training).singletonOrThrow());
        NDList hidden = mlpIn.forward(ps, mlpNorm.forward(ps, new NDList(x), training), training);
        NDArray mlp = mlpOut.forward(ps, new NDList(Activation.gelu(hidden.singletonOrThrow())), training)
                .singletonOrThrow();
        return new NDList(x.add(mlp));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        attentionNorm.initialize(manager, dataType, inputShapes);
        attention.initialize(manager, dataType, inputShapes);
        mlpNorm.initialize(manager, dataType, inputShapes);
        mlpIn.initialize(manager, dataType, inputShapes);
        Shape in = inputShapes[0];
        mlpOut.initialize(manager, dataType, new Shape(in.get(0), in.get(1), mlpDim));
    }
}
