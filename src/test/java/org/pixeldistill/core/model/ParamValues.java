package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.Arrays;

/** Test helper: overwrite an initialised parameter with known numbers. */
public final class ParamValues {
    private ParamValues() {}

    /** Sets every element of the parameter to {@code value}. */
    public static void fill(Parameter p, float value) {
        float[] values = new float[Math.toIntExact(p.getArray().size())];
        Arrays.fill(values, value);
        set(p, values);
    }

    /** Sets the parameter's elements in row-major order. */
    public static void set(Parameter p, float... values) {
        NDArray array = p.getArray();
        boolean grad = array.hasGradient();
        // PyTorch refuses in-place writes into a leaf that requires gradients.
        array.setRequiresGradient(false);
        array.set(values);
        array.setRequiresGradient(grad);
    }

    /** Sets a 1x1 convolution weight (out x in x 1 x 1) to the identity (out == in). */
    public static void identity(Parameter p) {
        long out = p.getArray().getShape().get(0);
        long in = p.getArray().getShape().get(1);
        float[] values = new float[Math.toIntExact(out * in)];
        for (int i = 0; i < Math.min(out, in); i++) {
            values[(int) (i * in + i)] = 1f;
        }
        set(p, values);
    }
}
