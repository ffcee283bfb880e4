package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class CnnBackboneShapesTest {

    private static List<Shape> shapes(String name, int size, int channels, double width, String stem, int batch) {
        return BackboneRunner.shapes(BackboneRunner.spec(name, size, channels, width, stem), batch);
    }

    @Test
    void resnet18SmallStemKeepsFullResolutionUntilStage2() {
        // width 0.25: 64 -> 16, 128 -> 32, 256 -> 64, 512 -> 128
        List<Shape> s = shapes("resnet18", 28, 1, 0.25, "auto", 2);
        assertEquals(List.of(new Shape(2, 10), new Shape(2, 16, 28, 28), new Shape(2, 16, 28, 28),
                new Shape(2, 32, 14, 14), new Shape(2, 64, 7, 7), new Shape(2, 128, 4, 4)), s);
    }

    @Test
    void resnet18SmallStemAt7StillHasALastStage() {
        List<Shape> s = shapes("resnet18", 7, 3, 0.125, "small", 2);
        // 64 * 0.125 = 8; 7 -> 7 -> 4 -> 2 -> 1
        assertEquals(List.of(new Shape(2, 10), new Shape(2, 8, 7, 7), new Shape(2, 8, 7, 7),
                new Shape(2, 16, 4, 4), new Shape(2, 32, 2, 2), new Shape(2, 64, 1, 1)), s);
    }

    @Test
    void resnet18ImagenetStemHalvesThenPools() {
        List<Shape> at56 = shapes("resnet18", 56, 3, 0.125, "imagenet", 1);
        assertEquals(new Shape(1, 8, 28, 28), at56.get(1)); // f0 = first conv before BN: 64w x 28 x 28
        assertEquals(new Shape(1, 8, 14, 14), at56.get(2)); // after the max-pool, stage 1 keeps 14
        assertEquals(new Shape(1, 64, 2, 2), at56.get(5));
        List<Shape> at112 = shapes("resnet18", 112, 1, 0.125, "imagenet", 1);
        assertEquals(new Shape(1, 8, 56, 56), at112.get(1));
        assertEquals(new Shape(1, 64, 4, 4), at112.get(5));
    }

    @Test
    void resnet34HasFourStagesOfBasicWidths() {
        List<Shape> s = shapes("resnet34", 16, 3, 0.125, "auto", 1);
        assertEquals(6, s.size());
        assertEquals(new Shape(1, 64, 2, 2), s.get(5));
    }

    @Test
    void resnet50StagesAreFourTimesTheBottleneckWidth() {
        // width 0.25: bottleneck widths 16, 32, 64, 128 -> outputs 64, 128, 256, 512 (x4 at width 1)
        List<Shape> s = shapes("resnet50", 16, 3, 0.25, "small", 1);
        assertEquals(new Shape(1, 16, 16, 16), s.get(1));
        assertEquals(List.of(64L, 128L, 256L, 512L),
                s.subList(2, 6).stream().map(x -> x.get(1)).toList());
        assertEquals(List.of(16L, 8L, 4L, 2L), s.subList(2, 6).stream().map(x -> x.get(2)).toList());
    }

    @Test
    void mobilenetV2At28GroupsBlocksAtResolutionChanges() {
        // width 0.25: 32->8 stem; stage ends 24->8, 32->8, 96->24, last conv 1280 (width < 1 keeps 1280)
        List<Shape> s = shapes("mobilenet_v2", 28, 1, 0.25, "auto", 2);
        assertEquals(List.of(new Shape(2, 10), new Shape(2, 8, 28, 28), new Shape(2, 8, 28, 28),
                new Shape(2, 8, 14, 14), new Shape(2, 24, 7, 7), new Shape(2, 1280, 4, 4)), s);
    }

    @Test
    void mobilenetV2At7KeepsANonEmptyLastStage() {
        List<Shape> s = shapes("mobilenet_v2", 7, 3, 0.25, "auto", 2); // batch 2: BN needs 2 values at 1x1
        assertEquals(new Shape(2, 8, 7, 7), s.get(1));
        assertEquals(new Shape(2, 1280, 1, 1), s.get(5));
    }

    @Test
    void mobilenetV2ImagenetLayoutDownsamplesBy32() {
        List<Shape> s = shapes("mobilenet_v2", 64, 3, 0.25, "imagenet", 1);
        assertEquals(new Shape(1, 8, 32, 32), s.get(1));
        assertEquals(List.of(16L, 8L, 4L, 2L), s.subList(2, 6).stream().map(x -> x.get(2)).toList());
    }

    @Test
    void theHalfStemDividesTheSideByTwoWhereImagenetDividesByFour() {
        // a 56-pixel student with the half stem has the stage grids of a 112-pixel ImageNet-stem teacher
        List<Shape> half = shapes("resnet18", 56, 1, 0.25, "half", 1);
        List<Shape> teacher = shapes("resnet18", 112, 1, 0.25, "imagenet", 1);
        assertEquals(new Shape(1, 16, 28, 28), half.get(1)); // one 3x3 stride-2 convolution, no max-pool
        assertEquals(teacher.subList(2, 6).stream().map(x -> x.get(2)).toList(),
                half.subList(2, 6).stream().map(x -> x.get(2)).toList());
        assertEquals(List.of(28L, 14L, 7L, 4L), half.subList(2, 6).stream().map(x -> x.get(2)).toList());
        List<Shape> mobile = shapes("mobilenet_v2", 64, 3, 0.25, "half", 1);
        assertEquals(List.of(32L, 16L, 8L, 4L), mobile.subList(2, 6).stream().map(x -> x.get(2)).toList());
    }

    @Test
    void autoPicksSmallUpTo32HalfUpTo64AndImagenetAbove() {
        assertEquals(32L, shapes("resnet18", 32, 1, 0.125, "auto", 1).get(2).get(2));
        assertEquals(17L, shapes("resnet18", 33, 1, 0.125, "auto", 1).get(2).get(2));
        assertEquals(32L, shapes("resnet18", 64, 1, 0.125, "auto", 1).get(2).get(2));
        assertEquals(17L, shapes("resnet18", 65, 1, 0.125, "auto", 1).get(2).get(2));
    }

    @Test
    void blocksInitialisedWithBatchOneRunOtherBatchSizes() {
        assertEquals(new Shape(5, 10), shapes("resnet18", 8, 3, 0.125, "auto", 5).get(0));
    }
}
