package org.pixeldistill.core.train;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.RunConfig;
import org.pixeldistill.core.data.DataSets;
import org.pixeldistill.core.data.DataSplits;
import org.pixeldistill.core.data.Normalization;
import org.pixeldistill.core.loop.GradMode;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.model.Backbones;
import org.pixeldistill.core.model.PretrainedWeights;
import org.pixeldistill.core.run.RunFolder;
import org.pixeldistill.core.run.Stage;

/**
 * A run's trained network alone (the student of a distillation, else the single model; no
 * decoder, projector or teacher) as safetensors under torchvision's names (timm's for a ViT), with
 * a JSON file beside it that says how to rebuild and feed it.
 */
public final class StudentExport {

    /**
     * What the JSON beside the weights holds.
     *
     * @param names "torchvision" (ResNet, MobileNetV2) or "timm" (ViT)
     * @param stem the stem the network was built with ("auto" resolved), "none" for a ViT
     * @param normalisation per-channel mean and std the inputs were normalised with (after scaling to 0..1)
     */
    public record Info(String backbone, double width, String stem, int inputSize, int patchSize, int channels,
            int classes, String names, Normalization normalisation, String run, String stage, int seed,
            String checkpoint) {}

    /** Where the export went and what it describes. */
    public record Result(Path weights, Path json, Info info) {}

    private StudentExport() {}

    /**
     * @param which "best" or "last"
     * @param out the .safetensors file to write; the JSON goes beside it with the same base name
     */
    public static Result export(RunFolder folder, String which, Path out) {
        if (!which.equals("best") && !which.equals("last")) {
            throw new ConfigException("--checkpoint must be best or last, got '" + which + "'");
        }
        if (!out.getFileName().toString().endsWith(".safetensors")) {
            throw new ConfigException("--out must name a .safetensors file, got " + out);
        }
        RunConfig cfg = folder.readConfig();
        if (cfg.isDetection()) {
            throw new ConfigException("export writes classifiers; " + folder.dir() + " is a detector run");
        }
        Stage stage = cfg.isDistillation() ? Stage.STUDENT : Stage.MODEL;
        int seed = -1;
        Path params = null;
        for (int s : cfg.train().seeds()) {
            Path candidate = folder.checkpointDir(stage, s).resolve(which + ".params");
            if (Files.isRegularFile(candidate)) {
                seed = s;
                params = candidate;
                break;
            }
        }
        if (params == null) {
            throw new ConfigException("run " + folder.dir() + " has no " + stage + " " + which + ".params to export");
        }
        GradMode.offOnThisThread();
        DataSplits data = DataSets.open(cfg.data(), Path.of(""));
        int channels = data.train().channels();
        BackboneSpec spec = BackboneSpec.from(cfg.model(), channels, data.train().numClasses());
        int patch = spec.isVit() ? (spec.patchSize() > 0 ? spec.patchSize() : Backbones.autoPatchSize(spec.inputSize()))
                : 0;
        Info info = new Info(spec.name(), spec.width(), Backbones.resolvedStem(spec), spec.inputSize(), patch, channels,
                spec.classes(), spec.isVit() ? "timm" : "torchvision", Normalization.of(cfg.data(), channels),
                folder.dir().toString(), stage.key(), seed, which);
        try (Network net = Network.create(spec, Device.cpu(), seed, false)) {
            net.load(params, List.of()); // the distillers' blocks saved after it stay behind
            PretrainedWeights.export(net.block(), spec, out);
        }
        Path json = sidecar(out);
        RunFolder.writeJson(json, info);
        return new Result(out, json, info);
    }

    /** FILE.json beside FILE.safetensors. */
    public static Path sidecar(Path weights) {
        String name = weights.getFileName().toString();
        return weights.resolveSibling(name.substring(0, name.length() - ".safetensors".length()) + ".json");
    }
}
