package org.pixeldistill.core.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class FeatureMapsTest {

    @Test
    void adaptivePoolUsesPyTorchWindowsForNonMultiples() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 3 -> 2: windows [0,2) and [1,3): (1+2)/2 = 1.5, (2+3)/2 = 2.5
            NDArray three = m.create(new float[] {1, 2, 3}, new Shape(1, 1, 1, 3));
            assertArrayEquals(new float[] {1.5f, 2.5f}, FeatureMaps.adaptiveAvgPool(three, 1, 2).toFloatArray(), 1e-6f);
            // 5 -> 3: windows [0,2) [1,4) [3,5): 1.5, (2+3+4)/3 = 3, 4.5
            NDArray five = m.create(new float[] {1, 2, 3, 4, 5}, new Shape(1, 1, 1, 5));
            assertArrayEquals(new float[] {1.5f, 3f, 4.5f}, FeatureMaps.adaptiveAvgPool(five, 1, 3).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void adaptivePoolAveragesBothAxesPerChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 channels of 2x2 pooled to 1x1: channel means 2.5 and 25
            NDArray x = m.create(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, new Shape(1, 2, 2, 2));
            NDArray y = FeatureMaps.adaptiveAvgPool(x, 1, 1);
            assertEquals(new Shape(1, 2, 1, 1), y.getShape());
            assertArrayEquals(new float[] {2.5f, 25f}, y.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void poolToCommonSizeShrinksOnlyTheLargerMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray small = m.ones(new Shape(2, 3, 2, 2));
            NDArray large = m.ones(new Shape(2, 5, 7, 7));
            NDArray[] pooled = FeatureMaps.poolToCommonSize(large, small);
            assertEquals(new Shape(2, 5, 2, 2), pooled[0].getShape());
            assertSame(small, pooled[1]);
        }
    }

    @Test
    void bilinearResizeUsesHalfPixelCentres() {
        try (NDManager m = NDManager.newBaseManager()) {
            // width 2 -> 4, align_corners=False: sources -0.25, 0.25, 0.75, 1.25 (clamped) -> 1, 1.5, 2.5, 3
            NDArray x = m.create(new float[] {1, 3}, new Shape(1, 1, 1, 2));
            NDArray y = FeatureMaps.resizeBilinear(x, 1, 4);
            assertEquals(new Shape(1, 1, 1, 4), y.getShape());
            assertArrayEquals(new float[] {1f, 1.5f, 2.5f, 3f}, y.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void normalisedRowsHaveUnitLengthAndZeroRowsStayZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {3, 4, 0, 0}, new Shape(2, 2));
            assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0}, FeatureMaps.l2NormaliseRows(x).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void logSumExpIsStableForLargeValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            // log(e^1000 + e^1000) = 1000 + ln 2
            NDArray x = m.create(new float[] {1000, 1000}, new Shape(1, 2));
            assertEquals(1000f + (float) Math.log(2), FeatureMaps.logSumExp(x, 1).getFloat(0, 0), 1e-3f);
        }
    }
}
