package org.pixeldistill.ui.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pixeldistill.ui.pareto.SizeInterpolation.Sample;

/** Accuracy between and beyond measured input sizes, computed by hand. */
class SizeInterpolationTest {
    @Test
    void linearBetweenTheNeighbouringSizes() {
        SizeInterpolation.Prediction p =
                SizeInterpolation.predict(List.of(new Sample(28, 90), new Sample(7, 80)), 14).orElseThrow();
        assertEquals(80 + 10.0 * (14 - 7) / 21, p.accuracy(), 1e-12);
        assertFalse(p.extrapolated());
        assertEquals(2, p.runs());
    }

    @Test
    void runsAtOneSizeAreAveragedAndAnExactSizeIsTheirMean() {
        List<Sample> s = List.of(new Sample(7, 80), new Sample(7, 82), new Sample(14, 86), new Sample(28, 90));
        assertEquals(81, SizeInterpolation.predict(s, 7).orElseThrow().accuracy(), 1e-12);
        // between 7 (mean 81) and 14 (86): 81 + 5 * 3.5 / 7
        assertEquals(83.5, SizeInterpolation.predict(s, 10.5).orElseThrow().accuracy(), 1e-12);
        assertEquals(88, SizeInterpolation.predict(s, 21).orElseThrow().accuracy(), 1e-12);
    }

    @Test
    void beyondTheRangeItExtrapolatesFromTheNearestTwoWithinZeroToHundred() {
        List<Sample> s = List.of(new Sample(7, 80), new Sample(14, 85), new Sample(56, 95));
        SizeInterpolation.Prediction small = SizeInterpolation.predict(s, 4).orElseThrow();
        assertEquals(80 - 5.0 * 3 / 7, small.accuracy(), 1e-12);
        assertTrue(small.extrapolated());
        assertEquals(7, small.lowSize());
        assertEquals(56, small.highSize());
        // above 56: the line through 14 (85) and 56 (95)
        assertEquals(95 + 10.0 * (70 - 56) / 42, SizeInterpolation.predict(s, 70).orElseThrow().accuracy(), 1e-12);
        assertEquals(100, SizeInterpolation.predict(s, 112).orElseThrow().accuracy(), 1e-12, "held at 100 %");
    }

    @Test
    void nothingToPredictFromWithoutRunsOrWithOneOtherSize() {
        assertTrue(SizeInterpolation.predict(List.of(), 14).isEmpty());
        assertTrue(SizeInterpolation.predict(List.of(new Sample(7, 80)), 14).isEmpty());
        assertEquals(80, SizeInterpolation.predict(List.of(new Sample(7, 80)), 7).orElseThrow().accuracy());
    }
}
