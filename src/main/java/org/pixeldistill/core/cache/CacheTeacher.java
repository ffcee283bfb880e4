package org.pixeldistill.core.cache;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.UnaryOperator;
import org.pixeldistill.core.model.BackboneSpec;

/**
 * What a cache build needs from the frozen network: its spec, the manager its batches are made
 * under (one sub-manager per batch) and its logits in inference mode. For a
 * {@code core.train.Network}: {@code new CacheTeacher(net.spec(), net.manager(), x ->
 * net.forward(x, false).logits())}. A function rather than the Network itself keeps this
 * package free of the training packages, which will use it.
 */
public record CacheTeacher(BackboneSpec spec, NDManager manager, UnaryOperator<NDArray> evalLogits) {}
