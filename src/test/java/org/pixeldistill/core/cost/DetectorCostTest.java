package org.pixeldistill.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.DetectorSpec;

class DetectorCostTest {

    private static DetectorSpec spec(int headConvs) {
        return new DetectorSpec(new BackboneSpec("resnet18", 14, 1, 2, 0.125, "small", 0), 16, headConvs, 3, 0, 9);
    }

    @Test
    void theSharedHeadsAreCountedOnEveryLevel() {
        // One more 3x3 16->16 convolution in each of the two heads adds, per cell,
        // 2 x (16 x 16 x 3 x 3) = 4,608 MACs and 2 x (16 x 16 x 9 + 16) = 4,640 parameters.
        // A 14-pixel input with the small stem has pyramid levels of 7x7, 4x4 and 2x2: 69 cells.
        NetworkCost one = NetworkCounter.count(spec(1));
        NetworkCost two = NetworkCounter.count(spec(2));
        assertEquals(4_608L * 69, two.macs() - one.macs());
        assertEquals(4_640L, two.params() - one.params(), "parameters are shared: counted once");
    }
}
