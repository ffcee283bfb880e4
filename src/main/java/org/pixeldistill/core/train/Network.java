package org.pixeldistill.core.train;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.loop.Checkpoint;
import org.pixeldistill.core.loop.NativeAllocator;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.Backbones;
import org.pixeldistill.core.model.FeatureTaps;

/** A built, initialised backbone with its own manager on one device. */
public final class Network implements AutoCloseable {
    private final BackboneSpec spec;
    private final NDManager manager;
    private final Block block;
    private final boolean trainable;
    private ParameterStore store;

    private Network(BackboneSpec spec, NDManager manager, Block block, boolean trainable) {
        this.spec = spec;
        this.manager = manager;
        this.block = block;
        this.trainable = trainable;
        this.store = new ParameterStore(manager, false);
    }

    /** Builds and initialises; the seed fixes the initial weights. */
    public static Network create(BackboneSpec spec, Device device, long seed, boolean trainable) {
        NativeAllocator.tune();
        Block block = Backbones.create(spec);
        NDManager manager = NDManager.newBaseManager(device);
        Engine.getInstance().setRandomSeed((int) seed);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, spec.channels(), spec.inputSize(), spec.inputSize()));
        if (trainable) {
            attachGradients(block);
        }
        return new Network(spec, manager, block, trainable);
    }

    /** Marks a block's trainable parameters for gradients (again after loading, which replaces the arrays). */
    public static void attachGradients(Block block) {
        for (Parameter p : trainableParameters(block)) {
            p.getArray().setRequiresGradient(true);
        }
    }

    /**
     * Loads saved weights into this network, then into {@code trainedAlong} (the distillers' blocks
     * saved after it). Loading replaces the parameter arrays, and a ParameterStore keeps the arrays
     * it has handed out: without a fresh store the forward pass would go on using the old weights
     * while the optimiser updates the new ones.
     */
    public void load(Path params, List<Block> trainedAlong) {
        List<Block> blocks = new ArrayList<>(List.of(block));
        blocks.addAll(trainedAlong);
        Checkpoint.loadParams(params, manager, blocks);
        if (trainable) {
            blocks.forEach(Network::attachGradients);
        }
        store = new ParameterStore(manager, false);
    }

    public FeatureTaps forward(NDArray x, boolean training) {
        return FeatureTaps.of(block.forward(store, new NDList(x), training));
    }

    public List<Parameter> trainableParameters() {
        return trainableParameters(block);
    }

    static List<Parameter> trainableParameters(Block block) {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                out.add(p);
            }
        }
        return out;
    }

    public BackboneSpec spec() {
        return spec;
    }

    public Block block() {
        return block;
    }

    public NDManager manager() {
        return manager;
    }

    public ParameterStore store() {
        return store;
    }

    @Override
    public void close() {
        manager.close();
    }
}
