package org.pixeldistill.core.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * SGD with momentum and (coupled) weight decay, the PyTorch way: v = mu v + (g + wd w); w -= lr v.
 * Written here rather than taken from DJL so that the momentum buffers can be checkpointed and a
 * resumed run continues exactly; gradients are zeroed after each step (PyTorch accumulates them).
 * Optionally clips the global gradient norm first, as torch.nn.utils.clip_grad_norm_ does.
 *
 * <p>Each tensor is updated by libtorch's fused SGD kernel (one native call instead of seven
 * array operations: on the tiny demo networks the optimiser's time was mostly per-call cost).
 * That kernel keeps the buffer scaled by the rate, s = mu s + lr (g + wd w); w -= s. With a rate
 * that changes every step (warm-up, cosine) the buffer is rescaled by lr_now / lr_before first,
 * which makes it the same method: s = lr v at every step. {@code bufferRate} is the rate the
 * buffers are scaled by (1 = PyTorch's plain v, as checkpoints written before held them); the
 * buffers of parameters that learn at a fraction of the rate also carry that fraction while
 * {@code buffersScaled}.
 *
 * <p>Each parameter's gradient handle is fetched once and kept: libtorch accumulates later
 * gradients into the same tensor in place (backward runs with grad mode off), so a new handle
 * per parameter per step bought nothing. It is fetched again when the parameter's array is
 * replaced (a loaded checkpoint). Zeroing uses libtorch's {@code zero_} on the gradient, one
 * kernel, where multiplying by an integer zero first converted the zero to float.
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
    private double bufferRate = 1.0;
    private boolean buffersScaled;
    // The constant factors as 0-dim arrays made once: DJL's mul(Number) builds and frees a new
    // array for its scalar on every call. Same dtypes as mul(Number) makes.
    private final NDArray momentumFactor;
    private final NDArray decayFactor;
    private final NDArray zero;
    // the gradient handle of each parameter (fused path), and the array it was fetched for
    private final PtNDArray[] gradients;
    private final NDArray[] gradientOwners;

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
        this.gradients = new PtNDArray[this.params.size()];
        this.gradientOwners = new NDArray[this.params.size()];
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
        boolean fused = lr > 0 && params.get(0).getArray() instanceof PtNDArray;
        if (fused) {
            rescaleBuffers(lr, true);
            fusedStep(lr, gradScale);
        } else {
            rescaleBuffers(1.0, false);
            plainStep(lr, gradScale);
        }
    }

    /** Brings every buffer to {@code rate} x v (x the pretrained fraction where {@code withScale}). */
    private void rescaleBuffers(double rate, boolean withScale) {
        if (rate == bufferRate && withScale == buffersScaled) {
            return;
        }
        double factor = rate / bufferRate;
        double from = buffersScaled ? pretrainedScale : 1.0;
        double to = withScale ? pretrainedScale : 1.0;
        // a fraction of 0 (frozen pretrained weights) leaves nothing to recover, and nothing needed
        double scaledFactor = from == 0 ? 0 : factor * to / from;
        NDManager manager = zero.getManager();
        try (NDArray f = manager.create((float) factor); NDArray fs = manager.create((float) scaledFactor)) {
            for (int i = 0; i < velocity.size(); i++) {
                velocity.get(i).muli(scaled[i] ? fs : f);
            }
        }
        bufferRate = rate;
        buffersScaled = withScale;
    }

    private void fusedStep(double lr, float gradScale) {
        for (int i = 0; i < params.size(); i++) {
            PtNDArray w = (PtNDArray) params.get(i).getArray();
            float rate = (float) (scaled[i] ? lr * pretrainedScale : lr);
            PtNDArray g = gradient(i, w);
            try {
                // clip_gradient < 0: off (the global-norm clipping is gradScale)
                JniUtils.sgdUpdate(w, g, (PtNDArray) velocity.get(i), rate, (float) weightDecay, gradScale, -1f,
                        (float) momentum);
            } finally {
                if (g != gradients[i]) {
                    g.close();
                }
            }
            JniUtils.zeroGrad(w);
        }
    }

    /**
     * Parameter i's gradient handle, fetched again only when its array was replaced. A parameter
     * that has had no gradient yet (not on any step's tape so far) gets a zero one for this step,
     * as DJL's getGradient gives, and nothing is kept: its real gradient may come later.
     */
    private PtNDArray gradient(int i, PtNDArray w) {
        if (gradientOwners[i] != w) {
            PtNDArray g = JniUtils.getGradient(w);
            if (g == null) {
                return (PtNDArray) w.getManager().zeros(w.getShape());
            }
            if (gradients[i] != null) {
                gradients[i].close();
            }
            gradients[i] = g;
            gradientOwners[i] = w;
        }
        return gradients[i];
    }

    /** The update in array operations, with the buffers as PyTorch's v (for a rate of 0, or another engine). */
    private void plainStep(double lr, float gradScale) {
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

    /** The buffers as they are, then the rate they are scaled by (so a resume continues bit for bit). */
    public byte[] stateBytes() {
        NDList state = new NDList(velocity);
        try (NDArray rate = zero.getManager().create(new double[] {bufferRate, buffersScaled ? 1 : 0})) {
            state.add(rate);
            return state.encode();
        }
    }

    /** Reads {@link #stateBytes()}, or the plain buffers (rate 1) that checkpoints held before. */
    public void loadState(NDManager manager, byte[] bytes) {
        NDList saved = NDList.decode(manager, bytes);
        boolean withRate = saved.size() == velocity.size() + 1;
        if (!withRate && saved.size() != velocity.size()) {
            throw new IllegalStateException("optimizer state holds " + saved.size() + " buffers, model has " + velocity.size());
        }
        for (int i = 0; i < velocity.size(); i++) {
            velocity.get(i).set(saved.get(i).toFloatArray());
        }
        double[] rate = withRate ? saved.get(velocity.size()).toDoubleArray() : new double[] {1.0, 0};
        bufferRate = rate[0];
        buffersScaled = rate[1] != 0;
        saved.close();
    }
}
