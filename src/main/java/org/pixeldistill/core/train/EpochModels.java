package org.pixeldistill.core.train;

import java.util.List;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.distill.Distiller;
import org.pixeldistill.core.loop.LiveNetworks;
import org.pixeldistill.core.run.Stage;

/**
 * The live networks of a stage at the end of an epoch, for listeners that look inside them (the
 * workbench's ISRD view: reconstructions and attention maps of a few test images). Valid only
 * during the {@code TrainingListener.onEpochModels} call, on the training thread; a listener
 * copies what it needs into plain arrays and must not keep these references.
 *
 * @param teacher the frozen network distilled from, or null for a single model
 * @param distillers the stage's distillers (an {@code IsrdDistiller} holds the decoder)
 * @param sampler makes the test views (large for the teacher, small for the student)
 * @param test the test split the images come from
 */
public record EpochModels(Stage stage, int seed, int epoch, Network student, Network teacher,
        List<Distiller> distillers, TwoViewSampler sampler, ImageDataset test) implements LiveNetworks {}
