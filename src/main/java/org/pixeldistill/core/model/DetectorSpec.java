package org.pixeldistill.core.model;

import org.pixeldistill.core.config.Check;
import org.pixeldistill.core.config.ConfigException;

/**
 * Everything needed to build a one-stage detector on one of the project's CNN backbones.
 *
 * @param backbone the backbone at the detector's input size; its class count is the detector's
 *     number of object classes (its own classifier is built but never trained or used)
 * @param pyramidChannels channels of every pyramid level and of the heads' convolutions
 * @param headConvs 3x3 convolutions (with ReLU) in each head before its output layer
 * @param levels pyramid levels the heads run on
 * @param levelShift levels skipped at the fine end: 0 for a plain detector; log2(r) for an AFP
 *     assistant that sees an r times larger image than its student, so that its level
 *     {@code l + shift} has the size of the student's level {@code l} (METHOD.md, AFP). Levels past
 *     the backbone's last stage are made by max-pooling the coarsest one.
 * @param anchorsPerCell anchors per cell and level (scales x aspect ratios; 9 in RetinaNet)
 */
public record DetectorSpec(BackboneSpec backbone, int pyramidChannels, int headConvs, int levels, int levelShift,
        int anchorsPerCell) {

    /** The backbone stages the pyramid is built from: the last three, as in RetinaNet (C3-C5). */
    public static final int STAGES_USED = 3;

    public DetectorSpec {
        if (backbone.isVit()) {
            throw new ConfigException("detector backbones are CNNs (resnet18/34/50, mobilenet_v2); "
                    + backbone.name() + " has no feature pyramid here");
        }
        Check.atLeast("detect.pyramid_channels", pyramidChannels, 8);
        Check.atLeast("detect.head_convs", headConvs, 0);
        Check.atLeast("detect.levels", levels, 1);
        Check.atLeast("detect.level_shift", levelShift, 0);
        Check.atLeast("detect.anchors_per_cell", anchorsPerCell, 1);
    }

    public int classes() {
        return backbone.classes();
    }

    public DetectorSpec withLevelShift(int shift) {
        return new DetectorSpec(backbone, pyramidChannels, headConvs, levels, shift, anchorsPerCell);
    }

    public DetectorSpec withInputSize(int size) {
        return new DetectorSpec(backbone.withInputSize(size), pyramidChannels, headConvs, levels, levelShift,
                anchorsPerCell);
    }
}
