package org.pixeldistill.ui.runs;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.detect.DetectionDataSets;
import org.pixeldistill.core.detect.DetectionImages;
import org.pixeldistill.core.detect.DetectorSpecs;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.DetectorSpec;

/**
 * Cost reports of runs' models, cached per (backbone spec, data set key): building a network to
 * count it and encoding test images take seconds, and a runs folder holds many runs of few
 * configurations (seeds, methods). Thread-safe; blocking, so call it from a background task.
 */
public final class RunCosts {
    /** How one report is made: the cost model's evaluation, or a stand-in in tests. */
    @FunctionalInterface
    public interface Measure {
        CostReport of(BackboneSpec spec, String datasetKey, Supplier<ImageDataset> test);
    }

    private record Key(BackboneSpec spec, String datasetKey) {}

    private final CostModel model;
    private final Measure measure;
    private final Map<Key, CostReport> reports = new ConcurrentHashMap<>();
    private final Map<String, DataSplits> data = new ConcurrentHashMap<>();
    private final AtomicInteger measured = new AtomicInteger();

    public RunCosts(CostModel model) {
        this(model, model::evaluate);
    }

    /** @param measure makes a report on a cache miss ({@code model::evaluate} in the workbench) */
    public RunCosts(CostModel model, Measure measure) {
        this.model = model;
        this.measure = measure;
    }

    public CostModel model() {
        return model;
    }

    /**
     * The cost of a run's model at its input size on its data set's test images. Opens the data set
     * (once per key) for its channels, classes and images; throws a ConfigException naming the data
     * folder when it is gone.
     */
    public CostReport of(RunConfig config) {
        if (config.isDetection()) {
            return detector(config);
        }
        String key = CostModel.datasetKey(config.data());
        DataSplits splits = data.computeIfAbsent(key, k -> DataSets.open(config.data(), Path.of("")));
        ImageDataset test = splits.test();
        return of(BackboneSpec.from(config.model(), test.channels(), test.numClasses()), key, () -> test);
    }

    /** The cost of any backbone (a what-if configuration); {@code test} is only opened on a cache miss. */
    public CostReport of(BackboneSpec spec, String datasetKey, Supplier<ImageDataset> test) {
        return reports.computeIfAbsent(new Key(spec, datasetKey), k -> {
            measured.incrementAndGet();
            return measure.of(spec, datasetKey, test);
        });
    }

    private final Map<String, DetectionImages> detectionTests = new ConcurrentHashMap<>();
    private final Map<DetectorSpec, CostReport> detectorReports = new ConcurrentHashMap<>();

    /** A detector run's cost: backbone, pyramid and heads at its input size, bytes of its test images. */
    private CostReport detector(RunConfig config) {
        String key = CostModel.datasetKey(config.data()) + ":canvas" + config.detect().canvas();
        var test = detectionTests.computeIfAbsent(key, k -> new DetectionImages(
                DetectionDataSets.open(config.data(), config.detect()).test()));
        var spec = DetectorSpecs.of(config, test.channels(), test.numClasses());
        return detectorReports.computeIfAbsent(spec, s -> {
            measured.incrementAndGet();
            return model.evaluate(s, key, () -> test);
        });
    }

    /** How many reports were computed rather than taken from the cache. */
    public int measured() {
        return measured.get();
    }
}
