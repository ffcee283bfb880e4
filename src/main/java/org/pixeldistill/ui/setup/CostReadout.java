package org.pixeldistill.ui.setup;

import java.nio.file.Path;
import org.pixeldistill.core.util.Texts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.config.ModelConfig;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.CostReport;
import org.pixeldistill.core.cost.CostWeights;
import org.pixeldistill.core.cost.ImageBytes;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.ui.common.TaskRunner;
import org.pixeldistill.ui.common.UiThread;

/**
 * The live cost of the student the panel describes, computed with {@link CostModel#evaluate} on
 * the task runner: the first request for a size encodes test images and builds the network (a
 * second or two, and the engine's first start), later ones come from the core's caches. Requests
 * that arrive while one is computed are coalesced: only the newest is computed next, so dragging
 * the slider never queues work.
 */
final class CostReadout {
    private final TaskRunner runner;
    private final UiThread ui;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("measuring the first image size...");
    private final ReadOnlyObjectWrapper<CostReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper dataError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dataSummary = new ReadOnlyStringWrapper("");
    private final AtomicReference<CostRequest> pending = new AtomicReference<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    /** Opened data sets by folder and layout: opening Fashion-MNIST decodes 12,000 images' files. */
    private final Map<String, DataSplits> opened = new LinkedHashMap<>();

    CostReadout(TaskRunner runner, UiThread ui) {
        this.runner = runner;
        this.ui = ui;
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<CostReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** One line when the data set cannot be opened, else "". */
    ReadOnlyStringProperty dataErrorProperty() {
        return dataError.getReadOnlyProperty();
    }

    /** "fashion-mnist: 10 classes, 1 channel, 10000 train / 2000 test images". */
    ReadOnlyStringProperty dataSummaryProperty() {
        return dataSummary.getReadOnlyProperty();
    }

    void request(CostRequest r) {
        pending.set(r);
        if (busy.compareAndSet(false, true)) {
            runner.start("cost readout", this::drain);
        }
    }

    private void drain() {
        try {
            for (CostRequest r = pending.getAndSet(null); r != null; r = pending.getAndSet(null)) {
                compute(r);
            }
        } finally {
            busy.set(false);
            // A request that came after the loop's last look but before busy was cleared.
            if (pending.get() != null && busy.compareAndSet(false, true)) {
                runner.start("cost readout", this::drain);
            }
        }
    }

    private void compute(CostRequest r) {
        DataSplits data;
        try {
            data = open(r.data());
        } catch (ConfigException e) {
            ui.run(() -> {
                dataError.set(e.getMessage());
                dataSummary.set("");
                report.set(null);
                text.set("no cost without a data set (its images are measured)");
            });
            return;
        }
        String summary = String.format(Locale.ROOT, "%s: %d classes, %d channel%s, %d train / %d test images",
                r.data().dataset(), data.train().numClasses(), data.train().channels(),
                data.train().channels() == 1 ? "" : "s", data.train().size(), data.test().size());
        ui.run(() -> {
            dataError.set("");
            dataSummary.set(summary);
        });
        try {
            // Out-of-range values are refused before a network is built: a width of 9 would take gigabytes.
            new ModelConfig(r.backbone(), r.size(), r.width(), r.stem(), 0).validate("model");
            BackboneSpec spec = new BackboneSpec(r.backbone(), r.size(), data.train().channels(),
                    data.train().numClasses(), r.width(), r.stem(), 0);
            CostModel model = new CostModel(ImageBytes.DEFAULT_JPEG_QUALITY, r.bandwidthMbps(), "jpeg",
                    CostWeights.DEFAULT, ImageBytes.DEFAULT_IMAGES);
            CostReport cost = model.evaluate(spec, CostModel.datasetKey(r.data()), data::test);
            String line = CostText.of(cost, r.teacherSize());
            ui.run(() -> {
                report.set(cost);
                text.set(line);
            });
        } catch (ConfigException e) {
            ui.run(() -> {
                report.set(null);
                text.set(e.getMessage());
            });
        } catch (RuntimeException e) {
            String line = "cost not available: " + Texts.oneLine(e);
            ui.run(() -> {
                report.set(null);
                text.set(line);
            });
        }
    }

    /** The whole data set without limits: the classes and channels, and every test image to measure. */
    private DataSplits open(DataConfig d) {
        String key = d.dataset() + ":" + d.path();
        synchronized (opened) {
            DataSplits known = opened.get(key);
            if (known != null) {
                return known;
            }
        }
        DataSplits splits = DataSets.open(d, Path.of(""));
        synchronized (opened) {
            if (opened.size() > 4) {
                opened.remove(opened.keySet().iterator().next());
            }
            opened.put(key, splits);
        }
        return splits;
    }
}
