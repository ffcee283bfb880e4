package org.pixeldistill.core.data;

import java.util.List;

/** One split (train or test) of a labelled image classification data set. Thread-safe reads. */
public interface ImageDataset {
    /** Short name for records, for example "fashion-mnist". */
    String name();

    int size();

    int label(int index);

    /**
     * Decodes image {@code index}. Throws {@link org.pixeldistill.core.config.ConfigException} naming
     * the file when it does not decode.
     */
    RawImage image(int index);

    List<String> classNames();

    default int numClasses() {
        return classNames().size();
    }

    /** 1 or 3: every image of the set is delivered with this many channels. */
    int channels();
}
