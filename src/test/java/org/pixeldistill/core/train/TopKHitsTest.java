package org.pixeldistill.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.loop.TrainingFailedException;

/** Accuracy counts: a NaN output is a failed run, never a hit. */
class TopKHitsTest {
    @Test
    void countsTopOneAndTopFive() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 samples, 6 classes: the first has its label on top, the second's label is 6th
            float[] z = {9, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5};
            assertArrayEquals(new long[] {1, 1}, Evaluator.topKHits(m.create(z, new Shape(2, 6)), new int[] {0, 0}));
        }
    }

    @Test
    void allNanLogitsAreAnError() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] z = new float[12];
            java.util.Arrays.fill(z, Float.NaN);
            TrainingFailedException e = assertThrows(TrainingFailedException.class,
                    () -> Evaluator.topKHits(m.create(z, new Shape(2, 6)), new int[] {0, 3}));
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
    }

    @Test
    void oneNanScoreIsAnErrorToo() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] z = {9, 1, 2, 3, 4, 5, 0, 1, Float.NaN, 3, 4, 5};
            assertThrows(TrainingFailedException.class,
                    () -> Evaluator.topKHits(m.create(z, new Shape(2, 6)), new int[] {0, 0}));
        }
    }
}
