package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;

/**
 * Files written by tools/make_weight_fixtures.py from torchvision's models (and timm's names and
 * ViT layout) load into the project's blocks and give PyTorch's eval-mode logits.
 */
class PretrainedWeightsTest {

    private static final float TOLERANCE = 1e-4f;

    static final BackboneSpec RESNET = new BackboneSpec("resnet18", 32, 3, 10, 0.125, "imagenet", 0);
    static final BackboneSpec MOBILENET = new BackboneSpec("mobilenet_v2", 32, 3, 10, 0.25, "imagenet", 0);
    static final BackboneSpec VIT = new BackboneSpec("vit_tiny", 32, 3, 10, 0.1, "auto", 8);

    @TempDir
    Path tmp;

    @Test
    void torchvisionResNet18GivesPyTorchsLogits() throws Exception {
        assertLogits(RESNET, "resnet18_tv.safetensors", "resnet18_tv", "input", "logits");
    }

    @Test
    void torchvisionMobileNetV2GivesPyTorchsLogits() throws Exception {
        assertLogits(MOBILENET, "mobilenet_v2_tv.safetensors", "mobilenet_v2_tv", "input", "logits");
    }

    @Test
    void timmMobileNetV2NamesLoadTheSameNetwork() throws Exception {
        assertLogits(MOBILENET, "mobilenet_v2_timm.safetensors", "mobilenet_v2_tv", "input", "logits");
    }

    @Test
    void timmVitGivesPyTorchsLogits() throws Exception {
        assertLogits(VIT, "vit_tiny_timm.safetensors", "vit_tiny_timm", "input", "logits");
    }

    @Test
    void vitPositionsAreResizedToALargerInputsGrid() throws Exception {
        List<String> lines = assertLogits(VIT.withInputSize(48), "vit_tiny_timm.safetensors", "vit_tiny_timm",
                "input48", "logits48");
        assertEquals(List.of("model.weights vit_tiny_timm.safetensors: pos_embed resized from a 4x4 to a 6x6 token grid"),
                lines);
    }

    @Test
    void loadsIntoParametersThatAlreadyRequireGradients() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = built(RESNET, manager);
            block.getParameters().values().forEach(p -> p.getArray().setRequiresGradient(true));
            PretrainedWeights.load(block, RESNET, fixture("resnet18_tv.safetensors"), "model.weights", s -> {});
            NDArray fc = PretrainedWeights.torchTensors(block, RESNET, false).get("fc.weight");
            assertTrue(fc.hasGradient(), "still a trainable leaf after the copy");
            try (NDManager file = NDManager.newBaseManager()) {
                NDArray want = WeightsFile.read(fixture("resnet18_tv.safetensors"), file, "k").get("fc.weight");
                assertArrayEquals(want.toFloatArray(), fc.toFloatArray(), 0f);
            }
        }
    }

    @Test
    void checkReportsTheAdaptationsWithoutALiveNetwork() throws Exception {
        BackboneSpec grey = new BackboneSpec("resnet18", 32, 1, 4, 0.125, "imagenet", 0);
        List<String> notes = PretrainedWeights.check(grey, fixture("resnet18_tv.safetensors"), "teacher weights");
        assertEquals(2, notes.size(), notes.toString());
        // in the network's order: the first convolution, then the head
        assertTrue(notes.get(0).contains("summed over RGB"), notes.get(0));
        assertTrue(notes.get(1).startsWith("teacher weights resnet18_tv.safetensors: classifier fc left new"), notes.get(1));
    }

    @Test
    void anotherClassCountLeavesTheHeadNewAndSaysSo() throws Exception {
        BackboneSpec five = new BackboneSpec("resnet18", 32, 3, 5, 0.125, "imagenet", 0);
        List<String> lines = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = built(five, manager);
            float[] before = PretrainedWeights.torchTensors(block, five, false).get("fc.weight").toFloatArray();
            java.util.Set<ai.djl.nn.Parameter> loaded = PretrainedWeights.load(block, five,
                    fixture("resnet18_tv.safetensors"), "model.weights", lines::add);
            Map<String, NDArray> after = PretrainedWeights.torchTensors(block, five, false);
            assertArrayEquals(before, after.get("fc.weight").toFloatArray(), "head kept its fresh values");
            // what train.pretrained_lr_scale slows down: every loaded tensor, not the new head
            assertTrue(loaded.stream().noneMatch(p -> p.getArray().getShape().equals(after.get("fc.weight").getShape())
                    || p.getArray().getShape().equals(after.get("fc.bias").getShape())), "the head is not among them");
            assertTrue(loaded.stream().anyMatch(p -> p.getArray().getShape().equals(after.get("conv1.weight").getShape())));
            try (NDManager file = NDManager.newBaseManager()) {
                NDArray conv1 = WeightsFile.read(fixture("resnet18_tv.safetensors"), file, "k").get("conv1.weight");
                assertArrayEquals(conv1.toFloatArray(), after.get("conv1.weight").toFloatArray(), 0f);
            }
        }
        assertEquals(List.of("model.weights resnet18_tv.safetensors: classifier fc left new (the file has 10 classes,"
                + " the data 5)"), lines);
    }

    @Test
    void greyInputSumsTheFirstConvolutionOverRgb() throws Exception {
        BackboneSpec grey = new BackboneSpec("resnet18", 32, 1, 10, 0.125, "imagenet", 0);
        List<String> lines = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager(); NDManager file = NDManager.newBaseManager()) {
            Block block = built(grey, manager);
            PretrainedWeights.load(block, grey, fixture("resnet18_tv.safetensors"), "model.weights", lines::add);
            NDArray rgb = WeightsFile.read(fixture("resnet18_tv.safetensors"), file, "k").get("conv1.weight");
            NDArray loaded = PretrainedWeights.torchTensors(block, grey, false).get("conv1.weight");
            assertEquals(new Shape(8, 1, 7, 7), loaded.getShape());
            assertArrayEquals(rgb.sum(new int[] {1}, true).toFloatArray(), loaded.toFloatArray(), 1e-6f);
        }
        assertEquals(List.of("model.weights resnet18_tv.safetensors: first convolution conv1.weight summed over RGB"
                + " for 1-channel input"), lines);
    }

    @Test
    void everyMisfitIsListedInOneError() throws Exception {
        // the small stem (3x3 first convolution) and a wider network: a stem note and wrong shapes
        BackboneSpec other = new BackboneSpec("resnet18", 32, 3, 10, 0.25, "small", 0);
        ConfigException e = loadError(other, fixture("resnet18_tv.safetensors"));
        String text = e.getMessage();
        assertTrue(text.startsWith("model.weights: "), text);
        assertTrue(text.contains("does not fit resnet18 at width 0.25"), text);
        assertTrue(text.contains("weights made for another stem: conv1.weight is 7x7 in the file, 3x3 here"
                + " (set model.stem: imagenet)"), text);
        assertTrue(text.contains("wrong shape: layer1.0.conv1.weight is (8, 8, 3, 3) in the file, (16, 16, 3, 3) here"),
                text);
        // resnet34 has more blocks: the file lacks them
        ConfigException deeper = loadError(new BackboneSpec("resnet34", 32, 3, 10, 0.125, "imagenet", 0),
                fixture("resnet18_tv.safetensors"));
        assertTrue(deeper.getMessage().contains("missing: layer1.2.conv1.weight (8, 8, 3, 3)"), deeper.getMessage());
        assertTrue(deeper.getMessage().contains("... and "), "a long list is cut: " + deeper.getMessage());
        // a MobileNet file for a ResNet: one line instead of hundreds
        ConfigException foreign = loadError(RESNET, fixture("mobilenet_v2_tv.safetensors"));
        assertTrue(foreign.getMessage().contains("1 problem):\n  none of its 262 names is one of resnet18's (it starts"
                + " [features.0.0.weight, "), foreign.getMessage());
    }

    @Test
    void aVitFileForAnotherPatchSizeSaysWhichToSet() throws Exception {
        ConfigException e = loadError(new BackboneSpec("vit_tiny", 32, 3, 10, 0.1, "auto", 4),
                fixture("vit_tiny_timm.safetensors"));
        assertTrue(e.getMessage().contains("weights made for another patch size: patch_embed.proj.weight is 8x8 in the"
                + " file, 4x4 here (set model.patch_size: 8)"), e.getMessage());
    }

    @Test
    void halfPrecisionFilesAreWidenedOnLoad() throws Exception {
        Path half = tmp.resolve("vit_f16.safetensors");
        float[] expected;
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> tensors = WeightsFile.read(fixture("vit_tiny_timm.safetensors"), manager, "k");
            Map<String, NDArray> f16 = new java.util.LinkedHashMap<>();
            tensors.forEach((name, a) -> f16.put(name, a.toType(DataType.FLOAT16, false)));
            expected = f16.get("pos_embed").toType(DataType.FLOAT32, false).toFloatArray();
            WeightsFile.writeSafetensors(f16, half);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = built(VIT, manager);
            PretrainedWeights.load(block, VIT, half, "model.weights", s -> {});
            assertArrayEquals(expected, PretrainedWeights.torchTensors(block, VIT, false).get("pos_embed").toFloatArray());
        }
    }

    @Test
    void aPytorchPickleIsRefusedWithTheConversionSnippet() throws IOException {
        Path pth = tmp.resolve("resnet18.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(pth))) {
            zip.putNextEntry(new ZipEntry("resnet18/data.pkl"));
            zip.write(new byte[] {(byte) 0x80, 2});
            zip.closeEntry();
        }
        ConfigException e = loadError(RESNET, pth);
        assertTrue(e.getMessage().contains("is a PyTorch pickle (torch.save)"), e.getMessage());
        assertTrue(e.getMessage().contains("np.savez(\"model.npz\""), e.getMessage());
    }

    @Test
    void npzWithTorchvisionNamesLoadsToo() throws Exception {
        Path npz = tmp.resolve("resnet18.npz");
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> tensors = WeightsFile.read(fixture("resnet18_tv.safetensors"), manager, "k");
            NDList list = new NDList();
            tensors.forEach((name, array) -> {
                array.setName(name);
                list.add(array);
            });
            try (OutputStream out = Files.newOutputStream(npz)) {
                list.encode(out, NDList.Encoding.NPZ);
            }
        }
        assertLogitsFrom(RESNET, npz, "resnet18_tv", "input", "logits");
    }

    @Test
    void exportedTensorsLoadBackUnchanged() throws Exception {
        Path out = tmp.resolve("student.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = built(MOBILENET, manager);
            PretrainedWeights.load(block, MOBILENET, fixture("mobilenet_v2_timm.safetensors"), "model.weights", s -> {});
            PretrainedWeights.export(block, MOBILENET, out);
        }
        assertLogitsFrom(MOBILENET, out, "mobilenet_v2_tv", "input", "logits");
    }

    /**
     * export_resnet18.safetensors was written by {@code export} from a one-epoch Fashion-MNIST run;
     * the script loaded it into torchvision's layout (small stem) and recorded PyTorch's logits.
     */
    @Test
    void anExportedStudentGivesTheLogitsPyTorchComputedFromIt() throws Exception {
        BackboneSpec student = new BackboneSpec("resnet18", 7, 1, 10, 0.0625, "small", 0);
        List<String> lines = assertLogits(student, "export_resnet18.safetensors", "export_resnet18", "input", "logits");
        assertEquals(List.of(), lines, "an exported file fits its own network exactly");
    }

    @Test
    void exportedMobileNetAndVitStudentsGiveTheLogitsPyTorchComputedFromThem() throws Exception {
        assertEquals(List.of(), assertLogits(new BackboneSpec("mobilenet_v2", 7, 1, 10, 0.1, "small", 0),
                "export_mobilenet_v2.safetensors", "export_mobilenet_v2", "input", "logits"));
        assertEquals(List.of(), assertLogits(new BackboneSpec("vit_tiny", 7, 1, 10, 0.1, "auto", 2),
                "export_vit_tiny.safetensors", "export_vit_tiny", "input", "logits"));
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(PretrainedWeightsTest.class.getResource("/weights/" + name).toURI());
    }

    static Block built(BackboneSpec spec, NDManager manager) {
        Block block = Backbones.create(spec);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, spec.channels(), spec.inputSize(), spec.inputSize()));
        return block;
    }

    private ConfigException loadError(BackboneSpec spec, Path file) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = built(spec, manager);
            return assertThrows(ConfigException.class,
                    () -> PretrainedWeights.load(block, spec, file, "model.weights", s -> {}));
        }
    }

    private List<String> assertLogits(BackboneSpec spec, String weights, String expected, String input, String logits)
            throws Exception {
        return assertLogitsFrom(spec, fixture(weights), expected, input, logits);
    }

    /** Loads {@code file}, runs the expected fixture's input in inference mode, compares with PyTorch's logits. */
    static List<String> assertLogitsFrom(BackboneSpec spec, Path file, String expected, String input, String logits)
            throws Exception {
        List<String> lines = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = built(spec, manager);
            PretrainedWeights.load(block, spec, file, "model.weights", lines::add);
            Map<String, NDArray> want = readExpected(expected, manager);
            NDArray got = Backbones.forward(block, new ParameterStore(manager, false), want.get(input), false).logits();
            float[] ours = got.toFloatArray();
            float[] theirs = want.get(logits).toFloatArray();
            assertEquals(theirs.length, ours.length);
            for (int i = 0; i < ours.length; i++) {
                assertEquals(theirs[i], ours[i], TOLERANCE, "logit " + i + " of " + file.getFileName());
            }
        }
        return lines;
    }

    static Map<String, NDArray> readExpected(String name, NDManager manager) throws Exception {
        try (InputStream in = Files.newInputStream(fixture(name + ".expected.safetensors"))) {
            Map<String, NDArray> out = new java.util.LinkedHashMap<>();
            for (NDArray a : NDList.decode(manager, in)) {
                out.put(a.getName(), a);
            }
            return out;
        }
    }
}
