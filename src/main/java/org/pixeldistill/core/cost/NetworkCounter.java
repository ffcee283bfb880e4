package org.pixeldistill.core.cost;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.Backbones;
import org.pixeldistill.core.model.Detector;
import org.pixeldistill.core.model.DetectorSpec;

/**
 * Counts parameters, multiply-accumulates and activation memory of a network the conventional way
 * (as published model tables do), by walking its initialised block tree. Every block remembers the
 * input shapes it was initialised with, so the walk needs no forward pass:
 *
 * <ul>
 *   <li>convolution: {@code out_h * out_w * out_channels * (in_channels / groups) * kh * kw}
 *   <li>linear layer: {@code in * out} per row; a token sequence has one row per token
 *   <li>self-attention: its projections are linear layers, counted as such, plus {@code 2 * N^2 * D}
 *       for QK^T and for the attention weights times V (N tokens of dimension D; the sum over
 *       heads of {@code N^2 * D/heads} each)
 *   <li>BatchNorm, LayerNorm, activations, pooling, additions: 0
 * </ul>
 *
 * Only the backbone is counted: ISRD's decoder is used in training only and never runs at
 * inference, so it is no part of what a deployed student costs.
 */
public final class NetworkCounter {
    private static final long FLOAT_BYTES = 4;

    private NetworkCounter() {}

    /** Counts depend on the spec alone, and a sweep or the GUI asks for the same ones again. */
    private static final Map<BackboneSpec, NetworkCost> CACHE = new ConcurrentHashMap<>();

    /**
     * Builds the backbone (ConfigException for an unknown name or too small an input), initialises
     * it at batch 1 on a manager of its own and counts it; remembered per spec for the JVM's life.
     */
    public static NetworkCost count(BackboneSpec spec) {
        NetworkCost known = CACHE.get(spec);
        if (known != null) {
            return known;
        }
        NetworkCost counted = countFresh(spec);
        CACHE.putIfAbsent(spec, counted);
        return counted;
    }

    private static NetworkCost countFresh(BackboneSpec spec) {
        Block block = Backbones.create(spec);
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape image = new Shape(1, spec.channels(), spec.inputSize(), spec.inputSize());
            block.initialize(manager, DataType.FLOAT32, image);
            return count(block);
        }
    }

    /**
     * Counts a block that has been initialised (at batch 1 for the activation estimate to mean one
     * image; MACs are divided by the batch size).
     */
    public static NetworkCost count(Block initialised) {
        long params = 0;
        for (Parameter p : initialised.getParameters().values()) {
            if (p.requiresGradient()) {
                params += p.getArray().size();
            }
        }
        Tally tally = new Tally();
        walk(initialised, tally);
        return new NetworkCost(params, tally.macs, tally.peakActivation * FLOAT_BYTES);
    }

    private static final class Tally {
        long macs;
        long peakActivation;
        long outputs;
    }

    private static final Map<BackboneSpec, Long> KEPT = new ConcurrentHashMap<>();

    /**
     * Bytes of every leaf layer's output for one image in float32: what a training step's forward
     * pass keeps for its backward pass (each layer's backward reads its input, the previous layer's
     * output), so a lower bound of a training step's activation memory per image. Remembered per spec.
     */
    public static long keptActivationBytes(BackboneSpec spec) {
        return KEPT.computeIfAbsent(spec, s -> {
            Block block = Backbones.create(s);
            try (NDManager manager = NDManager.newBaseManager()) {
                block.initialize(manager, DataType.FLOAT32, new Shape(1, s.channels(), s.inputSize(), s.inputSize()));
                Tally tally = new Tally();
                walk(block, tally);
                return tally.outputs * FLOAT_BYTES;
            }
        });
    }

    /**
     * Counts a detector at its input size: backbone (its unused classifier included, a few
     * thousand MACs), pyramid, and the shared heads once per pyramid level.
     */
    public static NetworkCost count(DetectorSpec spec) {
        Detector detector = Detector.create(spec);
        try (NDManager manager = NDManager.newBaseManager()) {
            int size = spec.backbone().inputSize();
            detector.initialize(manager, DataType.FLOAT32, new Shape(1, spec.backbone().channels(), size, size));
            NetworkCost all = count(detector);
            Tally heads = new Tally();
            walk(detector.heads(), heads);
            long extra = Math.round(heads.macs * (detector.headCellFactor() - 1));
            return new NetworkCost(all.params(), all.macs() + extra, all.activationBytes());
        }
    }

    private static void walk(Block block, Tally tally) {
        Shape[] in = block.getInputShapes();
        if (in == null) {
            throw new IllegalStateException("block " + block.getClass().getSimpleName() + " was never initialised");
        }
        tally.macs += ownMacs(block, in);
        if (block.getChildren().isEmpty()) {
            long elements = 0;
            for (Shape s : in) {
                elements += s.size();
            }
            for (Shape s : block.getOutputShapes(in)) {
                elements += s.size();
                tally.outputs += s.size();
            }
            tally.peakActivation = Math.max(tally.peakActivation, elements);
        }
        for (Block child : block.getChildren().values()) {
            walk(child, tally);
        }
    }

    /** MACs of the block itself, not of its children, for one image. */
    private static long ownMacs(Block block, Shape[] in) {
        if (block instanceof Convolution conv) {
            Shape out = conv.getOutputShapes(in)[0];
            long inChannels = in[0].get(1);
            return out.size() / batch(in) * (inChannels / conv.getGroups()) * conv.getKernelShape().size();
        }
        if (block instanceof Linear linear) {
            Shape out = linear.getOutputShapes(in)[0];
            long inFeatures = in[0].tail();
            return out.size() / batch(in) * inFeatures;
        }
        if (Backbones.isSelfAttention(block)) {
            long tokens = in[0].get(1);
            long dim = in[0].get(2);
            return 2 * tokens * tokens * dim;
        }
        return 0;
    }

    private static long batch(Shape[] in) {
        return Math.max(1, in[0].get(0));
    }
}
