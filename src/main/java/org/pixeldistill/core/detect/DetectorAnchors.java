package org.pixeldistill.core.detect;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.model.Detector;
import org.pixeldistill.core.model.DetectorSpec;

/**
 * The anchor levels of a built detector, read from the shapes of its pyramid levels. A level's
 * stride is the nominal power of two (input / grid, rounded), not the exact ratio: a 28-pixel
 * input has a 4x4 level at stride 8, whose cells centre at 4, 12, 20 and 28 like the backbone's
 * padded convolutions place them. Because the stride comes from the level's own grid, an AFP
 * assistant (levels shifted by log2 r, input r times larger) gets exactly the student's anchors
 * times r.
 */
final class DetectorAnchors {
    private DetectorAnchors() {}

    static List<AnchorLevel> levels(Detector block, DetectorSpec spec, float anchorSize) {
        int size = spec.backbone().inputSize();
        Shape[] shapes = block.levelShapes(new Shape(1, spec.backbone().channels(), size, size));
        List<AnchorLevel> out = new ArrayList<>();
        for (Shape s : shapes) {
            int grid = (int) s.get(2);
            int stride = nominalStride(size, grid);
            out.add(new AnchorLevel(stride, grid, (int) s.get(3), anchorSize * stride));
        }
        return out;
    }

    /** The power of two nearest to size / grid. */
    static int nominalStride(int size, int grid) {
        double exact = (double) size / grid;
        int stride = 1;
        while (stride * 2 <= exact * Math.sqrt(2)) {
            stride *= 2;
        }
        return stride;
    }
}
