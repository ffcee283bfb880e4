package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class PixelShuffleTest {

    @Test
    void fourChannelsBecomeOneTwoByTwoBlockInRowMajorOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            // channel i*s + j goes to pixel (i, j): channels [1,2,3,4] -> [[1,2],[3,4]]
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 4, 1, 1));
            NDArray y = PixelShuffle.shuffle(x, 2);
            assertEquals(new Shape(1, 1, 2, 2), y.getShape());
            assertArrayEquals(new float[] {1, 2, 3, 4}, y.toFloatArray());
        }
    }

    @Test
    void matchesPyTorchLayoutOnTwoByTwoGrid() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 4 channels of a 1x2 grid: channel k holds [10k, 10k+1] (values 0,1,10,11,20,21,30,31).
            // Output pixel (h*2+i, w*2+j) = channel i*2+j at (h, w): row 0 = c0,c1 at w=0 then c0,c1 at w=1.
            NDArray x = m.create(new float[] {0, 1, 10, 11, 20, 21, 30, 31}, new Shape(1, 4, 1, 2));
            NDArray y = PixelShuffle.shuffle(x, 2);
            assertEquals(new Shape(1, 1, 2, 4), y.getShape());
            assertArrayEquals(new float[] {0, 10, 1, 11, 20, 30, 21, 31}, y.toFloatArray());
        }
    }

    @Test
    void unshuffleUndoesShuffle() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(2 * 18 * 2 * 3f).reshape(2, 18, 2, 3);
            NDArray y = PixelShuffle.shuffle(x, 3);
            assertEquals(new Shape(2, 2, 6, 9), y.getShape());
            NDArray back = PixelShuffle.unshuffle(y, 3);
            assertEquals(x.getShape(), back.getShape());
            assertArrayEquals(x.toFloatArray(), back.toFloatArray());
        }
    }

    @Test
    void rejectsChannelsNotDivisibleByScaleSquared() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.zeros(new Shape(1, 3, 2, 2));
            assertThrows(IllegalArgumentException.class, () -> PixelShuffle.shuffle(x, 2));
        }
    }
}
