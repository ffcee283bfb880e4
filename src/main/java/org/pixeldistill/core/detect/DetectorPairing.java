package org.pixeldistill.core.detect;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.Detector;
import org.pixeldistill.core.model.DetectorSpec;

/**
 * Which detectors can teach which: AFP compares teacher and student head outputs anchor for
 * anchor, so their grids must match (a level shift makes them), and the unaligned rule compares
 * pooled features, so the teacher's grids must pool down to the student's. Checked before a
 * teacher is trained, again once it is loaded, and used to shape a TAS assistant.
 */
public final class DetectorPairing {
    private DetectorPairing() {}

    /**
     * TAS stage 1 of a detector: the student's detector at the teacher's size, its level shift
     * chosen so that its grids are the student's (AFP): in stage 2 its anchors are then the
     * student's times r and its head outputs match the student's anchor for anchor.
     */
    public static RunConfig assistantBase(RunConfig student, RunConfig teacher) {
        DetectorSpec small = DetectorSpecs.of(student, 1, 1);
        RunConfig atTeacherSize = student.withModel(student.model().withInputSize(teacher.model().inputSize()));
        int shift = alignedShift(DetectorSpecs.of(atTeacherSize, 1, 1), grids(small), "the assistant");
        RunConfig assistant = student.withDetect(student.detect().withLevelShift(shift));
        DetectConfig.Distill d = assistant.detect().distill();
        if (d.aligned() && !grids(DetectorSpecs.of(teacher, 1, 1)).equals(grids(DetectorSpecs.of(atTeacherSize.withDetect(
                assistant.detect()), 1, 1)))) {
            // Teacher and assistant see the same image; when their stems divide it alike, the
            // assistant's levels (shifted to the student's grids) are coarser than the teacher's and
            // no head output pairs up. It then learns from the teacher's pooled features, the
            // unaligned rule; AFP proper is the assistant -> student stage, which always lines up.
            assistant = assistant.withDetect(assistant.detect().withDistill(new DetectConfig.Distill(false,
                    d.temperature(), d.classWeight(), d.boxWeight(), d.featureWeight())));
        }
        return assistant;
    }

    /** The level shift that gives {@code large} the grids {@code target}; a ConfigException if none does. */
    static int alignedShift(DetectorSpec large, List<Long> target, String who) {
        for (int shift = 0; shift <= 6; shift++) {
            if (grids(large.withLevelShift(shift)).equals(target)) {
                return shift;
            }
        }
        throw new ConfigException("AFP: no level shift gives " + who + " at " + large.backbone().inputSize()
                + " the student's grids " + target + " (with level_shift 0 it has " + grids(large.withLevelShift(0))
                + "); use input sizes whose ratio is a power of two and the same or comparable stems");
    }

    /**
     * The student's distillation settings, checked against the teacher: AFP (aligned) compares the
     * heads anchor for anchor, so the teacher's grids must be the student's, which holds when its
     * grids are the student's (its level shift chosen for that).
     */
    static DetectConfig.Distill distill(RunConfig student, DetectorSpec spec, DetectorSpec teacher) {
        DetectConfig.Distill d = student.detect().distill();
        if (d.aligned() && !grids(teacher).equals(grids(spec))) {
            int shift = alignedShift(teacher, grids(spec), "the teacher");
            throw new ConfigException("detect.distill.aligned: the teacher's grids " + grids(teacher)
                    + " differ from the student's " + grids(spec) + "; train the teacher with detect.level_shift " + shift
                    + ", distil through an assistant (tas), or set aligned: false");
        }
        if (!d.aligned() && d.featureWeight() > 0) {
            List<Long> t = grids(teacher);
            List<Long> s = grids(spec);
            long ratio = Math.round((double) t.get(0) / s.get(0));
            if (ratio < 1 || !pooledGrids(t, ratio).equals(s)) {
                throw new ConfigException("detect.distill (aligned: false): the teacher's grids " + t
                        + " cannot be average-pooled to the student's " + s + "; the teacher needs grids as fine as the"
                        + " student's or finer by a whole factor (a larger teacher input, or a smaller stem)");
            }
        }
        if (teacher.pyramidChannels() != spec.pyramidChannels() && d.featureWeight() > 0) {
            throw new ConfigException("detect.distill.feature_weight: teacher and student need the same"
                    + " detect.pyramid_channels to compare features (" + teacher.pyramidChannels() + " vs "
                    + spec.pyramidChannels() + "); set feature_weight: 0 or equal widths");
        }
        return d;
    }

    /** Grid sides after average-pooling by {@code ratio} in ceil mode, as {@code DetectionStep.pooled} does. */
    private static List<Long> pooledGrids(List<Long> grids, long ratio) {
        return grids.stream().map(g -> (g + ratio - 1) / ratio).toList();
    }

    /** The grid sides of the levels a detector's heads see. */
    static List<Long> grids(DetectorSpec spec) {
        BackboneSpec b = spec.backbone();
        List<Long> out = new ArrayList<>();
        for (Shape s : Detector.create(spec).levelShapes(new Shape(1, b.channels(), b.inputSize(), b.inputSize()))) {
            out.add(s.get(2));
        }
        return out;
    }
}
