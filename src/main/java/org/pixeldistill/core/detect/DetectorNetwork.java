package org.pixeldistill.core.detect;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.loop.Checkpoint;
import org.pixeldistill.core.loop.NativeAllocator;
import org.pixeldistill.core.model.Detector;
import org.pixeldistill.core.model.DetectorSpec;

/**
 * A built, initialised {@link Detector} with its own manager on one device, its anchors, and the
 * parameters an optimiser should update: all but the backbone's classifier, which a detector
 * never uses (it would get no gradient).
 */
public final class DetectorNetwork implements AutoCloseable {
    /** Head outputs and the pyramid levels of one forward pass. */
    public record Output(NDArray logits, NDArray offsets, NDList levels) {}

    private final DetectorSpec spec;
    private final NDManager manager;
    private final Detector block;
    private final boolean trainable;
    private final float[] anchors;
    private ParameterStore store;

    private DetectorNetwork(DetectorSpec spec, NDManager manager, Detector block, boolean trainable, float anchorSize) {
        this.spec = spec;
        this.manager = manager;
        this.block = block;
        this.trainable = trainable;
        this.anchors = Anchors.retinaNet().generate(DetectorAnchors.levels(block, spec, anchorSize));
        this.store = new ParameterStore(manager, false);
    }

    /**
     * Builds and initialises; the seed fixes the initial weights.
     *
     * @param anchorSize anchor side at scale 1 in units of its level's stride (RetinaNet: 4)
     */
    public static DetectorNetwork create(DetectorSpec spec, float anchorSize, Device device, long seed, boolean trainable) {
        NativeAllocator.tune();
        Detector block = Detector.create(spec);
        NDManager manager = NDManager.newBaseManager(device);
        Engine.getInstance().setRandomSeed((int) seed);
        int size = spec.backbone().inputSize();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, spec.backbone().channels(), size, size));
        DetectorNetwork net = new DetectorNetwork(spec, manager, block, trainable, anchorSize);
        if (trainable) {
            net.attachGradients();
        }
        return net;
    }

    private void attachGradients() {
        for (Parameter p : trainableParameters()) {
            p.getArray().setRequiresGradient(true);
        }
    }

    /** Every parameter but the backbone's unused classifier. */
    public List<Parameter> trainableParameters() {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient() && !p.getKey().startsWith("backbone_head")) {
                out.add(p.getValue());
            }
        }
        return out;
    }

    /** Loads saved weights (a checkpoint of a detector of the same architecture; level shift may differ). */
    public void load(Path params) {
        Checkpoint.loadParams(params, manager, List.of(block));
        if (trainable) {
            attachGradients();
        }
        store = new ParameterStore(manager, false);
    }

    public Output forward(NDArray images, boolean training) {
        NDList out = block.forward(store, new NDList(images), training);
        return new Output(out.get(0), out.get(1), new NDList(out.subNDList(2)));
    }

    public DetectorSpec spec() {
        return spec;
    }

    public int inputSize() {
        return spec.backbone().inputSize();
    }

    public Block block() {
        return block;
    }

    public NDManager manager() {
        return manager;
    }

    /** All anchors (N x 4), in the heads' output order. */
    public float[] anchors() {
        return anchors;
    }

    @Override
    public void close() {
        manager.close();
    }
}
