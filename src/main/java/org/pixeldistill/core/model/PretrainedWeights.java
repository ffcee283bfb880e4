package org.pixeldistill.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.pixeldistill.core.config.ConfigException;

/**
 * Pretrained weights under torchvision's or timm's names into a built backbone, and a trained
 * backbone back out under those names. Loading checks the whole file first: what can be adapted
 * is adapted with one line each (a classifier for another class count is left new; a first
 * convolution made for RGB is summed for one channel; a ViT's positions are resized to its grid),
 * and everything else that does not fit is listed in one ConfigException before any value is
 * copied. BatchNorm's running statistics load with the rest; {@code num_batches_tracked} is ignored.
 */
public final class PretrainedWeights {

    private static final String COUNTER = ".num_batches_tracked";
    private static final int MAX_LISTED = 25;

    private PretrainedWeights() {}

    /**
     * Copies the file's tensors into {@code block} (initialised from {@code spec}).
     *
     * @param key the config key that named the file ("model.weights"), for messages
     * @param log receives one line per adaptation
     * @return the parameters that took a value from the file (not a head left new)
     * @throws ConfigException listing every tensor that does not fit, or for an unreadable file
     */
    public static Set<Parameter> load(Block block, BackboneSpec spec, Path file, String key, Consumer<String> log) {
        try (NDManager scratch = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> tensors = WeightsFile.read(file, scratch, key);
            tensors.keySet().removeIf(name -> name.endsWith(COUNTER));
            TorchNames.Flavour flavour = tensors.containsKey("conv_stem.weight")
                    ? TorchNames.Flavour.TIMM : TorchNames.Flavour.TORCHVISION;
            TorchNames.Layout layout = TorchNames.of(block, spec, flavour);
            Fit fit = new Fit(layout, spec);
            Map<Parameter, NDArray> plan = fit.plan(tensors);
            if (!fit.problems.isEmpty()) {
                throw new ConfigException(describe(key, file, spec, layout, fit.problems));
            }
            plan.forEach((param, value) -> {
                NDArray target = param.getArray();
                value.toType(DataType.FLOAT32, false).toDevice(target.getDevice(), false).copyTo(target);
            });
            fit.notes.forEach(note -> log.accept(key + " " + file.getFileName() + ": " + note));
            return Collections.unmodifiableSet(plan.keySet());
        }
    }

    /**
     * Builds the spec's network on the CPU and loads the file into it, only to find out early (before
     * data is read or a teacher trained) whether it fits.
     *
     * @return the adaptation lines {@link #load} would report
     */
    public static List<String> check(BackboneSpec spec, Path file, String key) {
        List<String> notes = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Block block = Backbones.create(spec);
            block.initialize(manager, DataType.FLOAT32,
                    new Shape(1, spec.channels(), spec.inputSize(), spec.inputSize()));
            load(block, spec, file, key, notes::add);
        }
        return notes;
    }

    /**
     * The backbone's tensors under torchvision's (ResNet, MobileNetV2) or timm's (ViT) names, as
     * views of the live parameters; {@code timm} picks timm's names for MobileNetV2.
     */
    public static Map<String, NDArray> torchTensors(Block block, BackboneSpec spec, boolean timm) {
        TorchNames.Layout layout = TorchNames.of(block, spec,
                timm ? TorchNames.Flavour.TIMM : TorchNames.Flavour.TORCHVISION);
        Map<String, NDArray> out = new LinkedHashMap<>();
        layout.params().forEach((name, param) -> out.put(name, param.getArray()));
        return out;
    }

    /** Writes {@link #torchTensors} as a safetensors file. */
    public static void export(Block block, BackboneSpec spec, Path file) {
        try (NDManager scratch = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> copies = new LinkedHashMap<>();
            torchTensors(block, spec, false).forEach((name, array) -> copies.put(name, array.toDevice(Device.cpu(), true)
                    .duplicate()));
            copies.values().forEach(a -> a.attach(scratch));
            WeightsFile.writeSafetensors(copies, file);
        }
    }

    private static String describe(String key, Path file, BackboneSpec spec, TorchNames.Layout layout,
            List<String> problems) {
        StringBuilder text = new StringBuilder(key + ": " + file + " does not fit " + spec.name() + " at width "
                + spec.width() + " (" + layout.flavour().name().toLowerCase(Locale.ROOT) + " names, "
                + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):");
        problems.stream().limit(MAX_LISTED).forEach(p -> text.append("\n  ").append(p));
        if (problems.size() > MAX_LISTED) {
            text.append("\n  ... and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return text.toString();
    }

    /** Matches file tensors to parameters, adapting what it can and collecting what it cannot. */
    private static final class Fit {
        private final TorchNames.Layout layout;
        private final BackboneSpec spec;
        final List<String> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        private boolean headLeftNew;

        Fit(TorchNames.Layout layout, BackboneSpec spec) {
            this.layout = layout;
            this.spec = spec;
        }

        Map<Parameter, NDArray> plan(Map<String, NDArray> tensors) {
            Map<Parameter, NDArray> plan = new LinkedHashMap<>();
            if (tensors.keySet().stream().noneMatch(layout.params()::containsKey)) {
                // hundreds of "missing" and "unexpected" lines would hide the one thing wrong
                problems.add("none of its " + tensors.size() + " names is one of " + spec.name() + "'s (it starts "
                        + tensors.keySet().stream().limit(3).toList() + ", " + spec.name() + " with "
                        + layout.params().keySet().stream().limit(3).toList() + "): weights for another network?");
                return plan;
            }
            for (Map.Entry<String, Parameter> entry : layout.params().entrySet()) {
                String name = entry.getKey();
                Shape want = entry.getValue().getArray().getShape();
                NDArray have = tensors.get(name);
                if (have == null) {
                    problems.add("missing: " + name + " " + want);
                    continue;
                }
                NDArray value = adapt(name, have, want);
                if (value != null) {
                    plan.put(entry.getValue(), value);
                }
            }
            if (headLeftNew) {
                plan.keySet().removeIf(p -> layout.params().get(layout.headPrefix() + ".weight") == p
                        || layout.params().get(layout.headPrefix() + ".bias") == p);
                long fileClasses = tensors.get(layout.headPrefix() + ".weight").getShape().get(0);
                notes.add("classifier " + layout.headPrefix() + " left new (the file has " + fileClasses
                        + " classes, the data " + spec.classes() + ")");
            }
            for (String name : tensors.keySet()) {
                if (!layout.params().containsKey(name)) {
                    problems.add("unexpected: " + name + " " + tensors.get(name).getShape());
                }
            }
            return plan;
        }

        /** The value to copy, or null when there is none (a problem recorded, or the head left new). */
        private NDArray adapt(String name, NDArray have, Shape want) {
            Shape got = have.getShape();
            if (got.equals(want)) {
                return have;
            }
            boolean head = name.startsWith(layout.headPrefix() + ".");
            if (head && got.get(0) != spec.classes() && got.dimension() == want.dimension()
                    && (got.dimension() == 1 || got.get(1) == want.get(1))) {
                headLeftNew = true;
                return null;
            }
            if (name.equals(layout.firstConv()) && got.dimension() == 4) {
                if (got.get(2) != want.get(2) || got.get(3) != want.get(3)) {
                    problems.add("weights made for another " + (spec.isVit() ? "patch size: " : "stem: ") + name + " is " + got.get(2) + "x" + got.get(3)
                            + " in the file, " + want.get(2) + "x" + want.get(3) + " here" + stemAdvice(got.get(2)));
                    return null;
                }
                if (got.get(1) == 3 && want.get(1) == 1 && got.get(0) == want.get(0)) {
                    notes.add("first convolution " + name + " summed over RGB for 1-channel input");
                    return have.sum(new int[] {1}, true);
                }
            }
            if (name.equals("pos_embed") && got.dimension() == 3 && got.get(2) == want.get(2)) {
                int from = grid(got.get(1));
                int to = grid(want.get(1));
                if (from > 0 && to > 0) {
                    notes.add("pos_embed resized from a " + from + "x" + from + " to a " + to + "x" + to
                            + " token grid");
                    float[] values = have.toType(DataType.FLOAT32, false).toFloatArray();
                    float[] resized = PositionGrid.resize(values, from, to, (int) got.get(2));
                    return have.getManager().create(resized, want);
                }
            }
            problems.add("wrong shape: " + name + " is " + got + " in the file, " + want + " here");
            return null;
        }

        private String stemAdvice(long fileKernel) {
            if (spec.isVit()) {
                return " (set model.patch_size: " + fileKernel + ")";
            }
            return fileKernel == 7 ? " (set model.stem: imagenet)" : " (set model.stem: small or half)";
        }

        /** The side g of a 1 + g*g token count, or 0 when it is not one. */
        private static int grid(long tokens) {
            int side = (int) Math.round(Math.sqrt(tokens - 1));
            return (long) side * side == tokens - 1 ? side : 0;
        }
    }
}
