package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class MultiHeadSelfAttentionTest {

    /** Two heads of size 2 over 3 tokens, checked against attention written out with loops. */
    @Test
    void matchesAttentionComputedByHand() {
        int batch = 2, tokens = 3, dim = 4, heads = 2, headDim = 2;
        try (NDManager manager = NDManager.newBaseManager()) {
            MultiHeadSelfAttention attention = new MultiHeadSelfAttention(dim, heads);
            attention.initialize(manager, DataType.FLOAT32, new Shape(1, tokens, dim));
            var params = attention.getParameters();
            params.get("01qkv_bias").getArray().addi(manager.randomNormal(new Shape(3 * dim)).mul(0.1));
            float[] wQkv = params.get("01qkv_weight").getArray().mul(20).toFloatArray(); // sharper weights
            params.get("01qkv_weight").getArray().muli(20);
            float[] bQkv = params.get("01qkv_bias").getArray().toFloatArray();
            float[] wOut = params.get("02projection_weight").getArray().toFloatArray();
            float[] bOut = params.get("02projection_bias").getArray().toFloatArray();
            NDArray x = manager.randomNormal(new Shape(batch, tokens, dim));
            float[] xs = x.toFloatArray();

            float[] actual = attention.forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();

            float[] expected = new float[batch * tokens * dim];
            for (int b = 0; b < batch; b++) {
                // qkv[t][j] = sum_i x[t][i] * W[j][i] + bias[j]; j < dim: q, then k, then v
                double[][] qkv = new double[tokens][3 * dim];
                for (int t = 0; t < tokens; t++) {
                    for (int j = 0; j < 3 * dim; j++) {
                        double s = bQkv[j];
                        for (int i = 0; i < dim; i++) {
                            s += xs[(b * tokens + t) * dim + i] * wQkv[j * dim + i];
                        }
                        qkv[t][j] = s;
                    }
                }
                double[][] mixed = new double[tokens][dim];
                for (int h = 0; h < heads; h++) {
                    for (int t = 0; t < tokens; t++) {
                        double[] score = new double[tokens];
                        double max = Double.NEGATIVE_INFINITY;
                        for (int u = 0; u < tokens; u++) {
                            for (int d = 0; d < headDim; d++) {
                                score[u] += qkv[t][h * headDim + d] * qkv[u][dim + h * headDim + d];
                            }
                            score[u] /= Math.sqrt(headDim);
                            max = Math.max(max, score[u]);
                        }
                        double total = 0;
                        for (int u = 0; u < tokens; u++) {
                            score[u] = Math.exp(score[u] - max);
                            total += score[u];
                        }
                        for (int u = 0; u < tokens; u++) {
                            for (int d = 0; d < headDim; d++) {
                                mixed[t][h * headDim + d] += score[u] / total * qkv[u][2 * dim + h * headDim + d];
                            }
                        }
                    }
                }
                for (int t = 0; t < tokens; t++) {
                    for (int o = 0; o < dim; o++) {
                        double s = bOut[o];
                        for (int i = 0; i < dim; i++) {
                            s += mixed[t][i] * wOut[o * dim + i];
                        }
                        expected[(b * tokens + t) * dim + o] = (float) s;
                    }
                }
            }
            assertArrayEquals(expected, actual, 1e-5f);
        }
    }
}
