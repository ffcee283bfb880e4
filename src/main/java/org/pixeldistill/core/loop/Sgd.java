package org.pixeldistill.core.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * SGD with momentum and (coupled) weight decay, the PyTorch way: v = mu v + (g + wd w); w -= lr v.
 * Written here rather than taken from DJL so that the momentum buffers can be checkpointed and a
 * resumed run continues exactly; gradients are zeroed after each step (PyTorch accumulates them).
 * Optionally clips the global gradient norm first, as torch.nn.utils.clip_grad_norm_ does.
 */
public final class Sgd {
    private final List<Parameter> params;
    private final double momentum;
    private final double weightDecay;
    private final double clipNorm;
    private final List<NDArray> velocity = new ArrayList<>();
    // parameters that learn at pretrainedScale x the step's rate (train.pretrained_lr_scale)
    private final boolean[] scaled;
    private double pretrainedScale = 1.0;
    // The constant factors as 0-dim arrays made once: DJL's mul(Number) builds and frees a new
    // array for its scalar on every call, four per parameter tensor per step, which profiling put
    // at most of the optimiser's time on the tiny demo networks. Same dtypes as mul(Number) makes.
    private final NDArray momentumFactor;
    private final NDArray decayFactor;
    private final NDArray zero;

    /** @param clipNorm maximal global L2 norm of the gradients, 0 = no clipping */
    public Sgd(List<Parameter> params, double momentum, double weightDecay, double clipNorm) {
        this.params = List.copyOf(params);
        this.clipNorm = clipNorm;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        for (Parameter p : this.params) {
            velocity.add(p.getArray().zerosLike());
        }
        this.scaled = new boolean[this.params.size()];
        NDManager manager = this.params.isEmpty() ? null : this.params.get(0).getArray().getManager();
        this.momentumFactor = manager == null ? null : manager.create(momentum);
        this.decayFactor = manager == null ? null : manager.create(weightDecay);
        this.zero = manager == null ? null : manager.create(0);
    }

    /** From now on the parameters in {@code subset} learn at {@code scale} x the step's rate. */
    public void scaleRate(Collection<Parameter> subset, double scale) {
        for (int i = 0; i < params.size(); i++) {
            if (subset.contains(params.get(i))) {
                scaled[i] = true;
            }
        }
        pretrainedScale = scale;
    }

    public void step(double lr) {
        if (params.isEmpty()) {
            return;
        }
        float gradScale = clipNorm > 0 ? (float) Math.min(1.0, clipNorm / (gradientNorm() + 1e-6)) : 1f;
        NDManager manager = zero.getManager();
        try (NDArray rate = manager.create(lr); NDArray scaledRate = manager.create(lr * pretrainedScale);
                NDArray scale = manager.create(gradScale)) {
            for (int i = 0; i < params.size(); i++) {
                NDArray w = params.get(i).getArray();
                NDArray v = velocity.get(i);
                try (NDArray g = w.getGradient()) {
                    if (gradScale != 1f) {
                        g.muli(scale);
                    }
                    if (weightDecay != 0) {
                        try (NDArray decay = w.mul(decayFactor)) {
                            g.addi(decay);
                        }
                    }
                    v.muli(momentumFactor).addi(g);
                    try (NDArray update = v.mul(scaled[i] ? scaledRate : rate)) {
                        w.subi(update);
                    }
                    g.muli(zero);
                }
            }
        }
    }

    /** Global L2 norm of all gradients (one sync per parameter; only computed when clipping). */
    double gradientNorm() {
        double sum = 0;
        for (Parameter p : params) {
            try (NDArray g = p.getArray().getGradient(); NDArray sq = g.square(); NDArray s = sq.sum()) {
                sum += s.getFloat();
            }
        }
        return Math.sqrt(sum);
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
