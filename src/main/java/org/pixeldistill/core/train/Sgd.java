package org.pixeldistill.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * SGD with momentum and (coupled) weight decay, the PyTorch way: v = mu v + (g + wd w); w -= lr v.
 * Written here rather than taken from DJL so that the momentum buffers can be checkpointed and a
 * resumed run continues exactly; gradients are zeroed after each step (PyTorch accumulates them).
 */
public final class Sgd {
    private final List<Parameter> params;
    private final double momentum;
    private final double weightDecay;
    private final List<NDArray> velocity = new ArrayList<>();

    public Sgd(List<Parameter> params, double momentum, double weightDecay) {
        this.params = List.copyOf(params);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        for (Parameter p : this.params) {
            velocity.add(p.getArray().zerosLike());
        }
    }

    public void step(double lr) {
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getArray();
            NDArray v = velocity.get(i);
            try (NDArray g = w.getGradient()) {
                if (weightDecay != 0) {
                    try (NDArray decay = w.mul(weightDecay)) {
                        g.addi(decay);
                    }
                }
                v.muli(momentum).addi(g);
                try (NDArray update = v.mul(lr)) {
                    w.subi(update);
                }
                g.muli(0);
            }
        }
    }

    /** Drops gradients without stepping (after a skipped or failed batch). */
    public void zeroGradients() {
        for (Parameter p : params) {
            try (NDArray g = p.getArray().getGradient()) {
                g.muli(0);
            }
        }
    }

    public byte[] stateBytes() {
        return new NDList(velocity).encode();
    }

    public void loadState(NDManager manager, byte[] bytes) {
        NDList saved = NDList.decode(manager, bytes);
        if (saved.size() != velocity.size()) {
            throw new IllegalStateException("optimizer state holds " + saved.size() + " buffers, model has " + velocity.size());
        }
        for (int i = 0; i < velocity.size(); i++) {
            velocity.get(i).set(saved.get(i).toFloatArray());
        }
        saved.close();
    }
}
