package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * RetinaNet's two heads, shared by every pyramid level: a class head (convolutions, then
 * {@code A x K} logits per cell) and a box head ({@code A x 4} offsets per cell).
 *
 * <p>Input: the levels (batch, F, H_l, W_l). Output: {@code [classLogits (batch, N, K),
 * boxOffsets (batch, N, 4)]} with the N = sum_l H_l W_l A anchors ordered level, row, column,
 * anchor: the order of {@code org.pixeldistill.core.detect.Anchors}. The class output's bias
 * starts at -log((1 - p) / p) with p = 0.01, so at the start every anchor says "background" with
 * 99% and the focal loss is not swamped by the many easy negatives.
 */
final class DetectionHeads extends ContainerBlock {
    static final float PRIOR = 0.01f;

    private final Block classTower;
    private final Block boxTower;
    private final int anchors;
    private final int classes;

    DetectionHeads(int channels, int convs, int anchors, int classes) {
        this.anchors = anchors;
        this.classes = classes;
        float bias = (float) -Math.log((1 - PRIOR) / PRIOR);
        this.classTower = addChildBlock("class", tower(channels, convs, DetectorLayers.conv(anchors * classes, 3, bias)));
        this.boxTower = addChildBlock("box", tower(channels, convs, DetectorLayers.conv(anchors * 4, 3)));
    }

    private static Block tower(int channels, int convs, Block output) {
        Sequential tower = new Sequential();
        for (int i = 0; i < convs; i++) {
            tower.add(DetectorLayers.conv(channels, 3)).add(Activation.reluBlock());
        }
        return tower.add(output);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList levels, boolean training,
            PairList<String, Object> params) {
        NDList logits = new NDList(levels.size());
        NDList boxes = new NDList(levels.size());
        for (NDArray level : levels) {
            logits.add(flatten(classTower.forward(ps, new NDList(level), training).singletonOrThrow(), classes));
            boxes.add(flatten(boxTower.forward(ps, new NDList(level), training).singletonOrThrow(), 4));
        }
        return new NDList(NDArrays.concat(logits, 1), NDArrays.concat(boxes, 1));
    }

    /** (batch, A*k, H, W) to (batch, H*W*A, k): row, column, anchor order. */
    private static NDArray flatten(NDArray map, int k) {
        long batch = map.getShape().get(0);
        return map.transpose(0, 2, 3, 1).reshape(batch, -1, k);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] levels) {
        long n = 0;
        for (Shape s : levels) {
            n += s.get(2) * s.get(3) * anchors;
        }
        long batch = levels[0].get(0);
        return new Shape[] {new Shape(batch, n, classes), new Shape(batch, n, 4)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... levels) {
        classTower.initialize(manager, dataType, levels[0]);
        boxTower.initialize(manager, dataType, levels[0]);
    }

}
