package org.pixeldistill.core.detect;

import java.util.List;

/**
 * One split of an object detection data set. The annotations are read and checked when the set is
 * opened (what was clipped or skipped is in {@link #issues()}); images are decoded on demand, so a
 * large set does not sit in memory. Thread-safe reads.
 */
public interface DetectionDataset {
    /** Short name for records, for example "voc". */
    String name();

    int size();

    /**
     * Image {@code index} with its boxes. Throws {@link org.pixeldistill.core.config.ConfigException}
     * naming the file when the image does not decode (or is not the size its annotation says): a
     * loader may skip that one image and count it, as the classification loader does.
     */
    AnnotatedImage sample(int index);

    /** Class {@code k} of the labels is {@code classNames().get(k)}. */
    List<String> classNames();

    default int numClasses() {
        return classNames().size();
    }

    /** 1 or 3: every image of the set is delivered with this many channels. */
    int channels();

    /** What was found wrong in the annotations when the set was opened, and what was done about it. */
    AnnotationIssues issues();
}
