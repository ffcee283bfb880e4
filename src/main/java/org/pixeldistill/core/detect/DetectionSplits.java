package org.pixeldistill.core.detect;

/** The train and test split of one detection data set. */
public record DetectionSplits(DetectionDataset train, DetectionDataset test) {}
