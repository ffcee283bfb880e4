package org.pixeldistill.core.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Batch normalisation over axis 1 (channels), the same layer as DJL's {@code BatchNorm} with its
 * defaults (momentum 0.9, i.e. PyTorch's 0.1; epsilon 1e-5; learnt scale and shift), computed by one
 * call of libtorch's {@code batch_norm}.
 *
 * <p>Why not DJL's: for channels on axis 1, PyTorch's own layout, DJL 0.29 still swaps axis 1
 * with itself before and after the call, in a sub-manager of its own. Two transposes per layer
 * land on the gradient tape, and each backward pass walks two more nodes per layer: about 80 extra
 * operations a step on the demo's ResNet-18, a measurable part of the 7 px student's step.
 *
 * <p>Saved networks are unchanged: the class is called BatchNorm (containers name their children
 * after the class, and those names are in every parameter's saved name), and the parameters
 * (gamma, beta, runningMean, runningVar, in that order), the encoding version (2) and the metadata
 * (input shapes, then the channel count) are DJL's.
 */
public final class BatchNorm extends AbstractBlock {
    private static final byte VERSION = 2;
    /** DJL's default momentum (weight of the old running value); PyTorch's momentum is 1 minus it. */
    private static final float MOMENTUM = 0.9f;
    private static final float EPSILON = 1e-5f;

    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private long inChannels;
    private boolean initialized;

    BatchNorm() {
        super(VERSION);
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray g = ps.getValue(gamma, x.getDevice(), training);
        NDArray b = ps.getValue(beta, x.getDevice(), training);
        NDArray mean = ps.getValue(runningMean, x.getDevice(), training);
        NDArray var = ps.getValue(runningVar, x.getDevice(), training);
        if (x instanceof PtNDArray px) {
            return new NDList(JniUtils.batchNorm(px, (PtNDArray) mean, (PtNDArray) var, (PtNDArray) g, (PtNDArray) b,
                    training, 1.0 - MOMENTUM, EPSILON));
        }
        // another engine: DJL's general path
        return ai.djl.nn.norm.BatchNorm.batchNorm(x, mean, var, g, b, 1, MOMENTUM, EPSILON, training);
    }

    /** Parameters, once initialised, stay so; DJL asks on every training forward pass (see {@link Sequential}). */
    @Override
    public boolean isInitialized() {
        if (!initialized) {
            initialized = super.isInitialized();
        }
        return initialized;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        inChannels = inputShapes[0].get(1);
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        for (Parameter p : new Parameter[] {gamma, beta, runningMean, runningVar}) {
            p.setShape(new Shape(inChannels));
        }
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeLong(inChannels);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion == VERSION) {
            readInputShapes(is);
        } else if (loadVersion != 1) {
            throw new MalformedModelException("Unsupported encoding version: " + loadVersion);
        }
        inChannels = is.readLong();
    }
}
