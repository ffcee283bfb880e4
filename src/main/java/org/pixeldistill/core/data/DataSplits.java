package org.pixeldistill.core.data;

/** The train and test split of one data set. */
public record DataSplits(ImageDataset train, ImageDataset test) {}
