package org.pixeldistill.core.detect;

import java.util.List;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.RawImage;

/**
 * A detection data set's images seen as an image data set (every label 0), for what needs only
 * the pictures: the cost model measures encoded bytes per image on them.
 */
public final class DetectionImages implements ImageDataset {
    private final DetectionDataset data;

    public DetectionImages(DetectionDataset data) {
        this.data = data;
    }

    @Override
    public String name() {
        return data.name();
    }

    @Override
    public int size() {
        return data.size();
    }

    @Override
    public int label(int index) {
        return 0;
    }

    @Override
    public RawImage image(int index) {
        return data.sample(index).image();
    }

    @Override
    public List<String> classNames() {
        return data.classNames();
    }

    @Override
    public int channels() {
        return data.channels();
    }
}
