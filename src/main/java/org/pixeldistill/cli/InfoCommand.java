package org.pixeldistill.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.config.DistillerKind;
import org.pixeldistill.core.config.DistillerKinds;
import org.pixeldistill.core.config.DistillerSettings;
import org.pixeldistill.core.loop.Devices;
import org.pixeldistill.core.loop.EngineFacts;
import org.pixeldistill.core.loop.NativeAllocator;
import org.pixeldistill.core.model.Backbones;
import org.pixeldistill.core.util.BundledFiles;
import org.pixeldistill.core.util.RunsLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code info}: what this build offers and which device training would use. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "List backbones, distillers, data set layouts and the device training would use.")
final class InfoCommand implements Callable<Integer> {
    /** r = 3 is shown because the paper gives eta only at 2 and 4. */
    private static final List<Integer> SHOWN_RATIOS = List.of(1, 2, 3, 4, 8);

    @Option(names = "--runs", paramLabel = "DIR", description = "the runs folder to report (as train --runs would use it)")
    Path runsDir;

    @Override
    public Integer call() {
        System.out.println("Backbones:");
        for (String name : Backbones.NAMES) {
            System.out.println("  " + Backbones.describe(name));
        }
        System.out.println("Distillers (config key: defaults):");
        for (DistillerKind<?> kind : DistillerKinds.ALL) {
            System.out.println("  " + kind.name() + ": " + kind.describe(kind.defaults()) + byRatio(kind));
            System.out.println("      " + kind.summary());
        }
        System.out.println("Data sets (data.dataset):");
        System.out.println("  fashion-mnist: a folder with the four IDX files, gzipped or not");
        System.out.println("  cub: CUB-200-2011 layout (images.txt, image_class_labels.txt, train_test_split.txt, images/)");
        System.out.println("  image-folder: one folder per class, under train/ and test/ or split by data.split_ratio");
        Engine engine = Engine.getInstance();
        System.out.println("Engine: " + engine.getEngineName() + " " + engine.getVersion() + " (DJL "
                + Engine.getDjlVersion() + "), GPUs seen: " + engine.getGpuCount() + ", device auto -> "
                + Devices.choose("auto"));
        System.out.println("libtorch: " + EngineFacts.libtorchFlavour() + " at " + LibUtils.getLibtorchPath());
        System.out.println("Native memory: " + NativeAllocator.tune());
        RunsLocation runs = RunsLocation.current(runsDir);
        System.out.println("Runs folder: " + runs.dir() + " (" + runs.reason() + ")");
        System.out.println("Demo data: " + BundledFiles.demoDataFrom(Path.of("")));
        System.out.println("Sample configs (--config NAME): " + String.join(", ", BundledFiles.configNames()));
        return 0;
    }

    /** The defaults a sweep or the workbench picks at each ratio, when they differ from the written ones. */
    private static String byRatio(DistillerKind<?> kind) {
        List<String> atRatio = new ArrayList<>();
        boolean differs = false;
        for (int r : SHOWN_RATIOS) {
            DistillerSettings at = kind.defaultsAt(r);
            differs |= !at.equals(kind.defaults());
            atRatio.add("r=" + r + " " + kind.describe(at));
        }
        return differs ? " (sweeps and the workbench by ratio: " + String.join(", ", atRatio) + ")" : "";
    }
}
