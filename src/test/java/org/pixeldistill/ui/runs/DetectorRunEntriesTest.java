package org.pixeldistill.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigLoader;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.cost.CostModel;
import org.pixeldistill.core.cost.NetworkCounter;
import org.pixeldistill.core.detect.DetectorSpecs;
import org.pixeldistill.core.model.BackboneSpec;

class DetectorRunEntriesTest {
    private static RunConfig detector(String extra) {
        return ConfigLoader.parse("name: d\ndata:\n  dataset: fashion-mnist-scenes\nmodel:\n  backbone: resnet18\n"
                + "  input_size: 28\ndetect:\n  canvas: 112\n" + extra, "test");
    }

    @Test
    void detectorRunsAreNamedApartFromClassifiers() {
        assertEquals("det-baseline", RunEntries.methodOf(detector(""), "run"));
        assertEquals("det-unaligned", RunEntries.methodOf(detector("  distill: {aligned: false}\nteacher:\n  run: /x\n"), "run"));
        assertEquals("det-afp", RunEntries.methodOf(detector("teacher:\n  run: /x\ntas: {}\n"), "run"));
        assertEquals("teacher", RunEntries.methodOf(detector(""), "teacher"));
    }

    @Test
    void aDetectorRunsCostCountsItsHeadsAtItsInputSize() {
        RunConfig cfg = ConfigLoader.parse("name: d\ndata:\n  dataset: fashion-mnist-scenes\n  path: "
                + Path.of("assets/fashion-mnist").toAbsolutePath() + "\n  test_limit: 8\nmodel:\n"
                + "  backbone: resnet18\n  input_size: 28\n  width: 0.25\n  stem: small\ndetect:\n  canvas: 112\n", "test");
        var cost = new RunCosts(CostModel.defaults()).of(cfg);
        assertEquals(28, cost.inputSize());
        assertEquals(784, cost.pixels());
        // the detector's count (the pyramid and the heads on 14x14, 7x7 and 4x4), not the backbone's
        long detector = NetworkCounter.count(
                DetectorSpecs.of(cfg, 1, 10)).macs();
        long backbone = NetworkCounter.count(BackboneSpec.from(cfg.model(), 1, 10)).macs();
        assertEquals(detector, cost.macs());
        assertEquals(true, detector > backbone + backbone / 2, detector + " vs backbone " + backbone);
    }
}
