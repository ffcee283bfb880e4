package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * ISRD's decoder: maps the student's input-module feature f0 (batch x featureChannels x g x g) to
 * an image of the teacher's size (batch x imageChannels x targetSize x targetSize). A 1x1
 * convolution without bias to imageChannels*s*s channels, pixel shuffle by s = ceil(target / g), a
 * per-channel PReLU, then a top-left crop to the target size (g*s may overshoot it, e.g. 3*75=225
 * for 224). It exists only during training, so it adds nothing to the student's inference cost.
 *
 * <p>Initialise it with {@code initialize(manager, FLOAT32, new Shape(1, featureChannels, g, g))}.
 */
public class IsrdDecoder extends ContainerBlock {
    private static final byte VERSION = 1;

    private final int featureChannels;
    private final int imageChannels;
    private final int gridSize;
    private final int targetSize;
    private final int scale;
    private final Conv2d projection;
    private final PReLU activation;

    public IsrdDecoder(int featureChannels, int imageChannels, int gridSize, int targetSize) {
        super(VERSION);
        if (featureChannels < 1 || imageChannels < 1 || gridSize < 1 || targetSize < 1) {
            throw new IllegalArgumentException("ISRD decoder sizes must be positive: features "
                    + featureChannels + ", image channels " + imageChannels + ", grid " + gridSize
                    + ", target " + targetSize);
        }
        this.featureChannels = featureChannels;
        this.imageChannels = imageChannels;
        this.gridSize = gridSize;
        this.targetSize = targetSize;
        this.scale = (targetSize + gridSize - 1) / gridSize;
        this.projection = addChildBlock("projection", PaddedConv2d.of(Conv2d.builder()
                .setKernelShape(new Shape(1, 1))
                .setFilters(imageChannels * scale * scale)
                .optBias(false)));
        this.activation = addChildBlock("prelu", new PReLU());
    }

    /** The pixel-shuffle factor s = ceil(targetSize / gridSize). */
    public int scale() {
        return scale;
    }

    /** The 1x1 projection (its "weight" is imageChannels*s*s x featureChannels x 1 x 1). */
    public Conv2d projection() {
        return projection;
    }

    /** The per-image-channel PReLU after the shuffle. */
    public PReLU activation() {
        return activation;
    }

    public int targetSize() {
        return targetSize;
    }

    public int imageChannels() {
        return imageChannels;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        checkInput(in);
        projection.initialize(manager, dataType, in);
        Shape shuffled = new Shape(in.get(0), imageChannels, in.get(2) * scale, in.get(3) * scale);
        activation.initialize(manager, dataType, shuffled);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray f0 = inputs.singletonOrThrow();
        checkInput(f0.getShape());
        NDArray expanded = projection.forward(ps, new NDList(f0), training).singletonOrThrow();
        NDArray image = PixelShuffle.shuffle(expanded, scale);
        image = activation.forward(ps, new NDList(image), training).singletonOrThrow();
        if (image.getShape().get(2) != targetSize || image.getShape().get(3) != targetSize) {
            image = image.get(new NDIndex(":, :, :{}, :{}", targetSize, targetSize));
        }
        return new NDList(image);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), imageChannels, targetSize, targetSize)};
    }

    private void checkInput(Shape in) {
        if (in.dimension() != 4 || in.get(1) != featureChannels || in.get(2) != gridSize
                || in.get(3) != gridSize) {
            throw new IllegalArgumentException("ISRD decoder expects batch x " + featureChannels + " x "
                    + gridSize + " x " + gridSize + ", got " + in);
        }
    }
}
