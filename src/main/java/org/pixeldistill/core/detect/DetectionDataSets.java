package org.pixeldistill.core.detect;

import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.config.DetectConfig;
import org.pixeldistill.core.data.FashionMnist;
import org.pixeldistill.core.data.Seeds;
import org.pixeldistill.core.util.BundledFiles;

/**
 * Opens the detection data set a config names: generated Fashion-MNIST scenes, a Pascal VOC
 * folder or a COCO annotation file with its images. {@code data.train_limit} and
 * {@code data.test_limit} cap the images used (0 = all; for scenes, all = one scene per source
 * image of the split).
 */
public final class DetectionDataSets {
    private DetectionDataSets() {}

    public static DetectionSplits open(DataConfig data, DetectConfig detect) {
        Path root = BundledFiles.dataPath(Path.of(data.path()));
        DetectionSplits splits = switch (data.dataset()) {
            case FashionMnistScenes.NAME -> scenes(root, data, detect);
            case VocDataset.NAME -> {
                DetectionDataset train = VocDataset.open(root, detect.trainSplit(), classes(detect));
                yield new DetectionSplits(train, VocDataset.open(root, detect.testSplit(), train.classNames()));
            }
            case CocoDataset.NAME -> {
                DetectionDataset train = CocoDataset.open(root.resolve(detect.trainAnnotations()),
                        root.resolve(detect.trainImages()), classes(detect));
                yield new DetectionSplits(train, CocoDataset.open(root.resolve(detect.testAnnotations()),
                        root.resolve(detect.testImages()), train.classNames()));
            }
            default -> throw new ConfigException("data.dataset '" + data.dataset() + "' is not a detection data set"
                    + " (known: " + String.join(", ", DetectConfig.DATASETS) + ")");
        };
        if (splits.train().size() == 0 || splits.test().size() == 0) {
            throw new ConfigException("data.path " + root + ": the " + (splits.train().size() == 0 ? "training" : "test")
                    + " split has no images");
        }
        return new DetectionSplits(LimitedDetectionDataset.of(splits.train(), data.trainLimit()),
                LimitedDetectionDataset.of(splits.test(), data.testLimit()));
    }

    private static List<String> classes(DetectConfig detect) {
        return detect.classes().isEmpty() ? null : detect.classes();
    }

    private static DetectionSplits scenes(Path root, DataConfig data, DetectConfig detect) {
        FashionMnistScenes.Settings base = FashionMnistScenes.Settings.forCanvas(detect.canvas());
        FashionMnistScenes.Settings settings = new FashionMnistScenes.Settings(base.canvas(), detect.maxItems(),
                base.minSide(), base.maxSide(), base.maxIou(), base.threshold());
        var sourceTrain = FashionMnist.load(root, true);
        var sourceTest = FashionMnist.load(root, false);
        int trainCount = data.trainLimit() > 0 ? data.trainLimit() : sourceTrain.size();
        int testCount = data.testLimit() > 0 ? data.testLimit() : sourceTest.size();
        long seed = detect.sceneSeed();
        return new DetectionSplits(
                new FashionMnistScenes(sourceTrain, trainCount, Seeds.mix(seed, 0), settings),
                new FashionMnistScenes(sourceTest, testCount, Seeds.mix(seed, 1), settings));
    }
}
