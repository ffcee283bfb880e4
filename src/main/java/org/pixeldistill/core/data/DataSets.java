package org.pixeldistill.core.data;

import java.nio.file.Path;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.util.BundledFiles;

/** Opens the data set a run config names, with its train/test limits applied. */
public final class DataSets {
    private DataSets() {}

    /** A relative {@code cfg.path()} is taken from {@code baseDir} (the config file's folder, say). */
    public static DataSplits open(DataConfig cfg, Path baseDir) {
        cfg.validate();
        Path path = Path.of(cfg.path());
        Path root = BundledFiles.dataPath(path.isAbsolute() ? path : baseDir.resolve(path).normalize());
        DataSplits full = switch (cfg.dataset()) {
            case FashionMnist.NAME -> FashionMnist.open(root);
            case CubDataset.NAME -> CubDataset.open(root);
            case ImageFolderDataset.NAME -> ImageFolderDataset.open(root, cfg.splitRatio());
            default -> throw new IllegalStateException("validate() let through dataset " + cfg.dataset());
        };
        return new DataSplits(
                LimitedDataset.balanced(capped(full.train(), cfg), cfg.trainLimit()),
                LimitedDataset.balanced(capped(full.test(), cfg), cfg.testLimit()));
    }

    /** Files are checked against data.max_image_pixels before they are decoded; IDX images are 28x28. */
    private static ImageDataset capped(ImageDataset split, DataConfig cfg) {
        return split instanceof FileImageDataset files ? files.withPixelCap(cfg.imagePixelCap()) : split;
    }
}
