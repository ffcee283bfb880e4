package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A RetinaNet-style one-stage detector: a CNN backbone, a {@link FeaturePyramid} on its last
 * three stages, and {@link DetectionHeads} shared by the levels the spec selects.
 *
 * <p>Forward: (batch, C, S, S) images to {@code [classLogits (batch, N, K), boxOffsets (batch, N, 4),
 * level_0, ..., level_{L-1}]}, the last being the pyramid levels the heads saw (what AFP distils).
 */
public final class Detector extends ContainerBlock {
    private final DetectorSpec spec;
    private final Block backbone;
    private final FeaturePyramid pyramid;
    private final DetectionHeads heads;

    private Detector(DetectorSpec spec) {
        this.spec = spec;
        this.backbone = addChildBlock("backbone", Backbones.create(spec.backbone()));
        int extra = Math.max(0, spec.levelShift() + spec.levels() - DetectorSpec.STAGES_USED);
        this.pyramid = addChildBlock("pyramid", new FeaturePyramid(spec.pyramidChannels(), DetectorSpec.STAGES_USED, extra));
        this.heads = addChildBlock("heads", new DetectionHeads(spec.pyramidChannels(), spec.headConvs(),
                spec.anchorsPerCell(), spec.classes()));
    }

    /** An uninitialised detector; initialise with {@code new Shape(1, C, S, S)}. */
    public static Detector create(DetectorSpec spec) {
        return new Detector(spec);
    }

    public DetectorSpec spec() {
        return spec;
    }

    /** The backbone, for loading weights trained elsewhere (an assistant's, for example). */
    public Block backbone() {
        return backbone;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        FeatureTaps taps = FeatureTaps.of(backbone.forward(ps, inputs, training));
        List<NDArray> stages = taps.stages();
        NDList used = new NDList(stages.subList(stages.size() - DetectorSpec.STAGES_USED, stages.size()));
        NDList levels = pyramid.forward(ps, used, training);
        NDList selected = new NDList(levels.subList(spec.levelShift(), spec.levelShift() + spec.levels()));
        NDList out = new NDList(heads.forward(ps, selected, training));
        out.addAll(selected);
        return out;
    }

    /**
     * The shared heads run once per level but are initialised (and so remember their input shape)
     * for the first level only: a cost counter multiplies what it counts for them by this factor,
     * the cells of all levels over the cells of the first.
     */
    public double headCellFactor() {
        int size = spec.backbone().inputSize();
        Shape[] levels = levelShapes(new Shape(1, spec.backbone().channels(), size, size));
        double all = 0;
        for (Shape s : levels) {
            all += s.get(2) * s.get(3);
        }
        return all / (levels[0].get(2) * levels[0].get(3));
    }

    /** The block of the shared heads (see {@link #headCellFactor}). */
    public Block heads() {
        return heads;
    }

    /** Shapes (batch, F, H, W) of the levels the heads see, for an input of {@code inputShape}. */
    public Shape[] levelShapes(Shape inputShape) {
        Shape[] all = pyramid.getOutputShapes(stageShapes(inputShape));
        return Arrays.copyOfRange(all, spec.levelShift(), spec.levelShift() + spec.levels());
    }

    private Shape[] stageShapes(Shape inputShape) {
        Shape[] taps = backbone.getOutputShapes(new Shape[] {inputShape});
        return Arrays.copyOfRange(taps, taps.length - DetectorSpec.STAGES_USED, taps.length);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] levels = levelShapes(inputShapes[0]);
        List<Shape> out = new ArrayList<>(Arrays.asList(heads.getOutputShapes(levels)));
        out.addAll(Arrays.asList(levels));
        return out.toArray(new Shape[0]);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        backbone.initialize(manager, dataType, inputShapes);
        Shape[] stages = stageShapes(inputShapes[0]);
        pyramid.initialize(manager, dataType, stages);
        heads.initialize(manager, dataType, levelShapes(inputShapes[0]));
    }
}
