package org.pixeldistill.core.detect;

import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.DetectorSpec;

/** The detector a run config describes: its model section as the backbone, its detect section for the rest. */
public final class DetectorSpecs {
    /** RetinaNet's 3 scales x 3 aspect ratios (see {@link Anchors#retinaNet()}). */
    public static final int ANCHORS_PER_CELL = 9;

    private DetectorSpecs() {}

    public static DetectorSpec of(RunConfig config, int channels, int classes) {
        BackboneSpec backbone = config.model().spec(channels, classes);
        DetectConfig d = config.detect();
        try {
            return new DetectorSpec(backbone, d.pyramidChannels(), d.headConvs(), d.levels(), d.levelShift(),
                    ANCHORS_PER_CELL);
        } catch (ConfigException e) {
            throw new ConfigException("model: " + e.getMessage());
        }
    }
}
