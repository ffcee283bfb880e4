package org.pixeldistill.core.detect;

import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.DetectorSpec;

/**
 * The detector a run config describes: its {@code model} section as the backbone and its
 * {@code detect} section as pyramid and heads (nine anchors per cell, RetinaNet's three scales
 * times three aspect ratios). Training and inspection both build networks through here, so a
 * saved checkpoint always loads into the architecture it was trained with.
 */
public final class DetectorSpecs {
    private DetectorSpecs() {}

    /** For data with {@code channels} image channels and {@code classes} object classes. */
    public static DetectorSpec of(RunConfig config, int channels, int classes) {
        if (!config.isDetection()) {
            throw new ConfigException("config " + config.name() + " has no detect section: it describes a classifier");
        }
        BackboneSpec backbone = BackboneSpec.from(config.model(), channels, classes);
        DetectConfig d = config.detect();
        DetectorSpec spec;
        try {
            spec = new DetectorSpec(backbone, d.pyramidChannels(), d.headConvs(), d.levels(), d.levelShift(),
                    Anchors.retinaNet().perCell());
        } catch (ConfigException e) {
            throw new ConfigException("model: " + e.getMessage());
        }
        checkLevels(spec);
        return spec;
    }

    /**
     * Levels past the backbone's last stage are made by halving the coarsest map; once a level is
     * 1x1, every further one is the same single cell again, with anchors larger than the image. Such
     * levels only cost time, so asking for them is taken for a mistake.
     */
    static void checkLevels(DetectorSpec spec) {
        List<Long> grids = DetectorPairing.grids(spec);
        int useful = grids.indexOf(1L) + 1;
        if (useful > 0 && useful < grids.size()) {
            throw new ConfigException("detect.levels " + spec.levels() + " (level_shift " + spec.levelShift()
                    + "): at input " + spec.backbone().inputSize() + " the levels' grids are " + grids
                    + "; a level after the first 1x1 one adds nothing: at most " + useful + " here");
        }
    }
}
