package org.pixeldistill.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Numbers on the gradient tape must be held by libtorch (see {@link Scalars}): a gradient through
 * a Scalars product survives garbage collection, and no compiled class of the project calls one
 * of DJL's Number overloads whose 0-d tensor the tape would keep.
 */
class ScalarArithmeticTest {
    /** NDArray methods that wrap a Number in a Java-backed tensor which autograd saves for backward. */
    private static final Set<String> SAVED_BY_AUTOGRAD =
            Set.of("mul", "muli", "div", "divi", "pow", "powi", "maximum", "minimum", "rdiv", "rdivi", "rpow", "rpowi");
    private static final Set<String> ND_CLASSES =
            Set.of("ai/djl/ndarray/NDArray", "ai/djl/pytorch/engine/PtNDArray", "ai/djl/ndarray/NDArrays");
    /** The optimiser updates with the tape closed, so nothing keeps its numbers after the call. */
    private static final Set<String> OFF_TAPE = Set.of("org/pixeldistill/core/loop/Sgd.class");

    @Test
    void aGradientThroughAScalarsProductSurvivesGarbageCollection() throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < 20; i++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray w = step.ones(new Shape(4));
                    w.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray y = Scalars.mul(w, 3).sum();
                        System.gc();
                        Thread.sleep(2);
                        for (int k = 0; k < 50; k++) {
                            step.create(1e30f).close(); // Java-backed numbers that would take freed memory
                        }
                        gc.backward(y);
                    }
                    assertEquals(3f, w.getGradient().toFloatArray()[0], "step " + i);
                }
            }
        }
    }

    @Test
    void noProjectClassPassesANumberToDjlArithmeticTheTapeKeeps() throws IOException, URISyntaxException {
        Path root = Path.of(Scalars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/pixeldistill"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('\\', '/');
                if (!OFF_TAPE.contains(name)) {
                    try (InputStream in = Files.newInputStream(f)) {
                        unsafeCalls(new DataInputStream(in)).forEach(call -> offenders.add(name + ": " + call));
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "use Scalars (or Relu6) instead");
    }

    /** The unsafe method references in one class file's constant pool. */
    private static List<String> unsafeCalls(DataInputStream in) throws IOException {
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[][] refs = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {tag, in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two slots
                }
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {tag, in.readUnsignedShort(), in.readUnsignedShort()};
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> out = new ArrayList<>();
        for (int[] r : refs) {
            if (r == null || (r[0] != 10 && r[0] != 11)) {
                continue; // only method and interface-method references
            }
            String owner = utf8[refs[r[1]][1]];
            String name = utf8[refs[r[2]][1]];
            String descriptor = utf8[refs[r[2]][2]];
            boolean numberArithmetic = ND_CLASSES.contains(owner) && SAVED_BY_AUTOGRAD.contains(name)
                    && descriptor.contains("Ljava/lang/Number;");
            boolean djlRelu6 = owner.equals("ai/djl/nn/Activation") && name.startsWith("relu6");
            if (numberArithmetic || djlRelu6) {
                out.add(owner + "." + name + descriptor);
            }
        }
        return out;
    }
}
