package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape every CNN backbone here shares: first convolution (its raw output is {@code f0}), the
 * rest of the stem, a list of stages, global average pooling and a linear classifier. Its forward
 * pass returns {@code [logits, f0, stage1, ..., stageN]} as {@link FeatureTaps} describes.
 */
final class TappedCnn extends ContainerBlock {

    private final Block firstConv;
    private final Block stemRest;
    private final List<Block> stages = new ArrayList<>();
    private final Linear head;

    TappedCnn(Block firstConv, Block stemRest, List<Block> stages, int classes) {
        this.firstConv = addChildBlock("firstConv", firstConv);
        this.stemRest = addChildBlock("stem", stemRest);
        for (int i = 0; i < stages.size(); i++) {
            this.stages.add(addChildBlock("stage" + (i + 1), stages.get(i)));
        }
        this.head = addChildBlock("head", Layers.linear(classes, Layers.LINEAR_DEFAULT));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray f0 = firstConv.forward(ps, inputs, training).singletonOrThrow();
        NDList x = stemRest.forward(ps, new NDList(f0), training);
        NDList out = new NDList(stages.size() + 2);
        out.add(null); // logits, filled in below once the last stage exists
        out.add(f0);
        for (Block stage : stages) {
            x = stage.forward(ps, x, training);
            out.add(x.singletonOrThrow());
        }
        NDArray pooled = Layers.globalAveragePool(x.singletonOrThrow());
        out.set(0, head.forward(ps, new NDList(pooled), training).singletonOrThrow());
        return out;
    }

    /**
     * Continues a forward pass from stage {@code stage}'s output (1-based): the later stages, global
     * average pooling and the linear head, returning the logits. Lets Grad-CAM start from a detached
     * copy of a stage's output (see {@link Backbones#logitsFromStage}).
     */
    NDArray logitsFromStage(ParameterStore ps, NDArray stageOutput, int stage, boolean training) {
        if (stage < 1 || stage > stages.size()) {
            throw new IllegalArgumentException("stage must be 1.." + stages.size() + ", got " + stage);
        }
        NDList x = new NDList(stageOutput);
        for (int i = stage; i < stages.size(); i++) {
            x = stages.get(i).forward(ps, x, training);
        }
        NDArray pooled = Layers.globalAveragePool(x.singletonOrThrow());
        return head.forward(ps, new NDList(pooled), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return walkShapes(inputShapes, null, null);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        walkShapes(inputShapes, manager, dataType);
    }

    /**
     * Follows the input shape through every child, initialising each one on the way when a manager
     * is given; returns the output shapes in the forward layout.
     */
    private Shape[] walkShapes(Shape[] inputShapes, NDManager manager, DataType dataType) {
        List<Shape> shapes = new ArrayList<>();
        Shape[] f0 = step(firstConv, inputShapes, manager, dataType);
        Shape[] x = step(stemRest, f0, manager, dataType);
        for (Block stage : stages) {
            x = step(stage, x, manager, dataType);
            shapes.add(x[0]);
        }
        Shape pooled = new Shape(x[0].get(0), x[0].get(1));
        Shape logits = step(head, new Shape[] {pooled}, manager, dataType)[0];
        shapes.add(0, f0[0]);
        shapes.add(0, logits);
        return shapes.toArray(new Shape[0]);
    }

    private static Shape[] step(Block block, Shape[] in, NDManager manager, DataType dataType) {
        if (manager != null) {
            block.initialize(manager, dataType, in);
        }
        return block.getOutputShapes(in);
    }
}
