package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * Parametric ReLU with one learnable slope per channel (axis 1), initialised to 0.25 as in
 * PyTorch: {@code max(x, 0) + a * min(x, 0)}. Written here because DJL's built-in PReLU block fails
 * on the PyTorch engine. The channel count is taken from the input shape at initialisation.
 */
public class PReLU extends AbstractBlock {
    private static final byte VERSION = 1;
    /** PyTorch's default initial slope. */
    public static final float INITIAL_SLOPE = 0.25f;

    private final Parameter slope;

    public PReLU() {
        super(VERSION);
        // Type OTHER so that a trainer's setInitializer(..., WEIGHT) cannot overwrite the 0.25 start.
        slope = addParameter(Parameter.builder()
                .setName("slope")
                .setType(Parameter.Type.OTHER)
                .optInitializer(new ConstantInitializer(INITIAL_SLOPE))
                .build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        if (in.dimension() < 2) {
            throw new IllegalArgumentException("PReLU needs a channel axis (axis 1), got " + in);
        }
        slope.setShape(new Shape(in.get(1)));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = ps.getValue(slope, x.getDevice(), training);
        long[] broadcast = new long[x.getShape().dimension()];
        Arrays.fill(broadcast, 1);
        broadcast[1] = a.getShape().get(0);
        NDArray aBroadcast = a.reshape(new Shape(broadcast));
        // The reshaped view would otherwise live on the parameter's (model) manager and pile up there
        // for the whole training run; the step's manager frees it with the step.
        aBroadcast.attach(x.getManager());
        return new NDList(Scalars.maximum(x, 0).add(Scalars.minimum(x, 0).mul(aBroadcast)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** The slope parameter (one value per channel once initialised). */
    public Parameter slope() {
        return slope;
    }
}
