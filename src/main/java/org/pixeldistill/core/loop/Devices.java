package org.pixeldistill.core.loop;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.pixeldistill.core.config.ConfigException;

/** Turns the config's device choice (auto | cpu | gpu) into a DJL device. */
public final class Devices {
    private Devices() {}

    public static Device choose(String choice) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (choice) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new ConfigException("device gpu: the engine sees no GPU (build with -Pcuda on a machine"
                            + " with CUDA 12.1 drivers, or use --device auto or cpu)");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new ConfigException("device must be one of [auto, cpu, gpu], got '" + choice + "'");
        };
    }
}
