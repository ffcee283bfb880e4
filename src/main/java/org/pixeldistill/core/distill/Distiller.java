package org.pixeldistill.core.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;

/**
 * One distillation loss. The trainer sums the terms of every active distiller with the student's
 * cross-entropy, which it scales by the smallest {@link #ceScale()} among them.
 */
public interface Distiller {
    /** The name of its settings' {@link org.pixeldistill.core.config.DistillerKind}: kd, at, isrd, ... */
    String name();

    /** Factor for the cross-entropy term (KD: 1 - alpha); 1 when the distiller leaves CE alone. */
    default double ceScale() {
        return 1.0;
    }

    /**
     * Creates and initialises this distiller's own trainable blocks (the ISRD decoder, projection
     * convolutions) from the shapes of the first batch. Called once, before the first
     * {@link #losses}; {@code manager} is the student model's manager.
     */
    default void prepare(NDManager manager, DistillContext first) {}

    /** Blocks whose parameters are trained along with the student (may be empty). */
    default List<Block> trainableBlocks() {
        return List.of();
    }

    /**
     * The weighted loss terms of this distiller, each a scalar, keyed by term name (usually the
     * distiller's name). Results must live on the context's arrays' manager (the step's manager).
     */
    Map<String, NDArray> losses(ParameterStore ps, DistillContext ctx);
}
