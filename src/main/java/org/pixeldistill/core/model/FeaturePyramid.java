package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature pyramid (FPN) over the last three backbone stages: 1x1 lateral convolutions to a common
 * width, a top-down path (nearest upsampling, added), a 3x3 convolution on each sum, then extra
 * coarser levels by 3x3 stride-2 max-pooling, which halves a side the same way the backbone's
 * padded stride-2 convolutions do (ceil(H/2)). Max-pooling rather than convolutions because the
 * extra levels only exist to give an AFP assistant the student's grid sizes (METHOD.md): they add
 * no weights, so the assistant's parameters do not depend on the ratio.
 *
 * <p>Input: the three stage maps, fine to coarse. Output: {@code stages + extra} levels, fine to coarse.
 */
final class FeaturePyramid extends ContainerBlock {
    private final List<Conv2d> laterals = new ArrayList<>();
    private final List<Conv2d> outputs = new ArrayList<>();
    private final int extra;

    FeaturePyramid(int channels, int stages, int extra) {
        for (int i = 0; i < stages; i++) {
            laterals.add(addChildBlock("lateral" + i, DetectorLayers.pyramidConv(channels, 1)));
            outputs.add(addChildBlock("output" + i, DetectorLayers.pyramidConv(channels, 3)));
        }
        this.extra = extra;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList stageMaps, boolean training,
            PairList<String, Object> params) {
        int n = laterals.size();
        NDArray[] merged = new NDArray[n];
        for (int i = n - 1; i >= 0; i--) {
            NDArray lateral = laterals.get(i).forward(ps, new NDList(stageMaps.get(i)), training).singletonOrThrow();
            merged[i] = i == n - 1 ? lateral : lateral.add(upsampleTo(merged[i + 1], lateral.getShape()));
        }
        NDList out = new NDList(n + extra);
        for (int i = 0; i < n; i++) {
            out.add(outputs.get(i).forward(ps, new NDList(merged[i]), training).singletonOrThrow());
        }
        for (int e = 0; e < extra; e++) {
            out.add(halve(out.get(out.size() - 1)));
        }
        return out;
    }

    /** Nearest-neighbour x2, cut to the finer map's size (a ceil-halved side can be one short of twice). */
    private static NDArray upsampleTo(NDArray coarse, Shape fine) {
        NDArray up = coarse.repeat(2, 2).repeat(3, 2);
        return up.get(":, :, :" + fine.get(2) + ", :" + fine.get(3));
    }

    static NDArray halve(NDArray x) {
        return Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < laterals.size(); i++) {
            Shape s = inputShapes[i];
            shapes.add(new Shape(s.get(0), laterals.get(i).getOutputShapes(new Shape[] {s})[0].get(1), s.get(2), s.get(3)));
        }
        for (int e = 0; e < extra; e++) {
            Shape last = shapes.get(shapes.size() - 1);
            shapes.add(new Shape(last.get(0), last.get(1), Layers.strided(last.get(2), 2), Layers.strided(last.get(3), 2)));
        }
        return shapes.toArray(new Shape[0]);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int i = 0; i < laterals.size(); i++) {
            laterals.get(i).initialize(manager, dataType, inputShapes[i]);
            Shape lateral = laterals.get(i).getOutputShapes(new Shape[] {inputShapes[i]})[0];
            outputs.get(i).initialize(manager, dataType, lateral);
        }
    }
}
