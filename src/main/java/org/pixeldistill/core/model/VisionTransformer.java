package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Vision Transformer: patch embedding (convolution with kernel = stride = patch, grid g =
 * floor(S/patch)), learned class token and position embeddings, pre-LN encoder blocks, final
 * LayerNorm and a linear head on the class token. Feature taps: {@code f0} = patch tokens plus
 * position embedding, and the tokens after each quarter of the blocks, both reshaped to (batch, D,
 * g, g) without the class token. The grid is fixed when the block is initialised.
 */
final class VisionTransformer extends ContainerBlock {

    /** Lecun-normal over the patch's pixels, as the original ViT code initialises its embedding. */
    private static final XavierInitializer PATCH_INIT =
            new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 1);

    private final int dim;
    private final int patch;
    private final int blocksPerStage;
    private final Conv2d patchEmbedding;
    private final Parameter classToken;
    private final Parameter positions;
    private final List<PreLnEncoderBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear head;

    VisionTransformer(int dim, int depth, int heads, int mlpDim, int patch, int classes) {
        this.dim = dim;
        this.patch = patch;
        this.blocksPerStage = depth / 4;
        this.patchEmbedding =
                addChildBlock(
                        "patchEmbedding",
                        PaddedConv2d.of(Conv2d.builder()
                                .setKernelShape(new Shape(patch, patch))
                                .optStride(new Shape(patch, patch))
                                .setFilters(dim)));
        patchEmbedding.setInitializer(PATCH_INIT, Parameter.Type.WEIGHT);
        this.classToken = addParameter(tokenParameter("classToken").optShape(new Shape(1, 1, dim)).build());
        this.positions = addParameter(tokenParameter("positions").build()); // shape known in prepare()
        for (int i = 0; i < depth; i++) {
            blocks.add(addChildBlock("block" + (i + 1), new PreLnEncoderBlock(dim, heads, mlpDim)));
        }
        this.finalNorm = addChildBlock("finalNorm", PreLnEncoderBlock.tokenNorm());
        this.head = addChildBlock("head", Layers.linear(classes, Layers.VIT_NORMAL));
    }

    private static Parameter.Builder tokenParameter(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optInitializer(Layers.VIT_NORMAL);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long grid = grid(inputShapes[0]);
        positions.setShape(new Shape(1, grid * grid + 1, dim));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray image = inputs.singletonOrThrow();
        long batch = image.getShape().get(0);
        long grid = grid(image.getShape());
        NDArray pos = ps.getValue(positions, image.getDevice(), training);
        if (pos.getShape().get(1) != grid * grid + 1) {
            throw new IllegalArgumentException(
                    "this ViT was built for another input size; got " + image.getShape());
        }
        NDArray patches = patchEmbedding.forward(ps, inputs, training).singletonOrThrow();
        NDArray patchPos = ownedBy(pos.get(":, 1:, :"), image);
        NDArray classPos = ownedBy(pos.get(":, :1, :"), image);
        NDArray patchTokens = patches.reshape(batch, dim, grid * grid).transpose(0, 2, 1).add(patchPos);
        NDArray cls = classPos.add(ps.getValue(classToken, image.getDevice(), training));
        NDArray tokens = NDArrays.concat(new NDList(cls.broadcast(batch, 1, dim), patchTokens), 1);

        NDList out = new NDList(blocks.size() / Math.max(1, blocksPerStage) + 2);
        out.add(null); // logits, filled in at the end
        out.add(toMap(patchTokens, grid));
        for (int i = 0; i < blocks.size(); i++) {
            tokens = blocks.get(i).forward(ps, new NDList(tokens), training).singletonOrThrow();
            if ((i + 1) % blocksPerStage == 0) {
                out.add(toMap(tokens.get(":, 1:, :"), grid));
            }
        }
        NDArray normed = finalNorm.forward(ps, new NDList(tokens), training).singletonOrThrow();
        out.set(0, head.forward(ps, new NDList(normed.get(":, 0, :")), training).singletonOrThrow());
        return out;
    }

    /**
     * Results of operations whose first operand is a parameter land on the parameters' manager and
     * would live as long as the model; moving them to the input's manager frees them with the step.
     */
    private static NDArray ownedBy(NDArray fresh, NDArray input) {
        fresh.attach(input.getManager());
        return fresh;
    }

    /** (batch, g*g, D) tokens to a (batch, D, g, g) feature map. */
    private NDArray toMap(NDArray tokens, long grid) {
        return tokens.transpose(0, 2, 1).reshape(tokens.getShape().get(0), dim, grid, grid);
    }

    private long grid(Shape imageShape) {
        return imageShape.get(2) / patch;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long grid = grid(in);
        Shape map = new Shape(in.get(0), dim, grid, grid);
        Shape[] out = new Shape[2 + blocks.size() / blocksPerStage];
        out[0] = head.getOutputShapes(new Shape[] {new Shape(in.get(0), dim)})[0];
        for (int i = 1; i < out.length; i++) {
            out[i] = map;
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        patchEmbedding.initialize(manager, dataType, inputShapes);
        long grid = grid(inputShapes[0]);
        Shape tokens = new Shape(inputShapes[0].get(0), grid * grid + 1, dim);
        for (PreLnEncoderBlock block : blocks) {
            block.initialize(manager, dataType, tokens);
        }
        finalNorm.initialize(manager, dataType, tokens);
        head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), dim));
    }
}
