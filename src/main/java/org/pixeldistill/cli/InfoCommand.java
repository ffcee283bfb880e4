package org.pixeldistill.cli;

import ai.djl.engine.Engine;
import java.util.concurrent.Callable;
import org.pixeldistill.core.config.DistillConfig;
import org.pixeldistill.core.loop.Devices;
import org.pixeldistill.core.model.Backbones;
import picocli.CommandLine.Command;

/** {@code info}: what this build offers and which device training would use. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "List backbones, distillers, data set layouts and the device training would use.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("Backbones:");
        for (String name : Backbones.NAMES) {
            System.out.println("  " + Backbones.describe(name));
        }
        DistillConfig.Kd kd = new DistillConfig.Kd(null, null);
        DistillConfig.At at = new DistillConfig.At(null, null);
        DistillConfig.Dkd dkd = new DistillConfig.Dkd(null, null, null, null);
        System.out.println("Distillers (config key: defaults):");
        System.out.println("  kd: alpha " + kd.alpha() + ", temperature " + kd.temperature());
        System.out.println("  at: weight " + at.weight() + ", p " + at.p());
        System.out.println("  sp: weight " + new DistillConfig.Sp(null).weight());
        System.out.println("  ickd: weight " + new DistillConfig.Ickd(null).weight());
        System.out.println("  dkd: alpha " + dkd.alpha() + ", beta " + dkd.beta() + ", temperature " + dkd.temperature()
                + ", warmup " + dkd.warmup() + " epochs");
        System.out.println("  fitnet: weight " + new DistillConfig.Fitnet(null).weight());
        System.out.println("  isrd: eta " + new DistillConfig.Isrd(null).eta() + " (50 for r=4, 10 for r=2)");
        System.out.println("Data sets (data.dataset):");
        System.out.println("  fashion-mnist: a folder with the four IDX files, gzipped or not");
        System.out.println("  cub: CUB-200-2011 layout (images.txt, image_class_labels.txt, train_test_split.txt, images/)");
        System.out.println("  image-folder: one folder per class, under train/ and test/ or split by data.split_ratio");
        Engine engine = Engine.getInstance();
        System.out.println("Engine: " + engine.getEngineName() + " " + engine.getVersion() + " (DJL "
                + Engine.getDjlVersion() + "), GPUs seen: " + engine.getGpuCount() + ", device auto -> "
                + Devices.choose("auto"));
        return 0;
    }
}
