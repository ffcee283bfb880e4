package org.pixeldistill.core.detect;

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
        try {
            return new DetectorSpec(backbone, d.pyramidChannels(), d.headConvs(), d.levels(), d.levelShift(),
                    Anchors.retinaNet().perCell());
        } catch (ConfigException e) {
            throw new ConfigException("model: " + e.getMessage());
        }
    }
}
