package org.pixeldistill.core.loop;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which engine and libtorch build this program runs on, and the device {@code auto} picks: what
 * {@code info}, the Device control and the About box tell a user (the CPU and CUDA packages differ
 * only in the libtorch they carry).
 */
public final class EngineFacts {
    /**
     * DJL unpacks libtorch into a folder named like "2.3.1-20240621-cpu-linux-x86_64" or
     * "2.3.1-cu121-linux-x86_64": the flavour is the part that is "cpu", "cuNNN" or "rocmNNN".
     */
    private static final Pattern FLAVOUR = Pattern.compile("(?:^|[-/])(cpu|cu\\d+|rocm\\d*)(?:-precxx11)?-");

    private static final Pattern CUDA = Pattern.compile("cu(\\d+)(\\d)");

    private EngineFacts() {}

    /** Loads the engine if needed. */
    public static String engine() {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }

    /** "cpu", "cu121 (CUDA 12.1)", ...; "unknown" when the library's folder does not say. */
    public static String libtorchFlavour() {
        Engine.getInstance();
        return flavourOf(LibUtils.getLibtorchPath());
    }

    static String flavourOf(String libtorchPath) {
        Matcher m = FLAVOUR.matcher(libtorchPath == null ? "" : libtorchPath.replace('\\', '/'));
        if (!m.find()) {
            return "unknown";
        }
        String flavour = m.group(1).toLowerCase(Locale.ROOT);
        Matcher cuda = CUDA.matcher(flavour);
        return cuda.matches() ? flavour + " (CUDA " + cuda.group(1) + "." + cuda.group(2) + ")" : flavour;
    }

    /** e.g. "cpu(), 0 GPUs seen" or "gpu(0), 1 GPU seen". */
    public static String autoDevice() {
        int gpus = Engine.getInstance().getGpuCount();
        return Devices.choose("auto") + ", " + gpus + (gpus == 1 ? " GPU" : " GPUs") + " seen";
    }
}
