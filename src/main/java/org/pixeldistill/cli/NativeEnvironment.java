package org.pixeldistill.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables libtorch reads once, when it loads, and that a running JVM cannot
 * set for itself; a JVM started without them runs training commands in a child JVM that has them.
 *
 * <ul>
 *   <li>{@code OMP_WAIT_POLICY=PASSIVE}: OpenMP's default busy-wait made convolutions 10x slower on
 *       a shared 2-core CPU.
 *   <li>{@code OPT_OUT_TRACKING=true}: DJL's usage report, which would otherwise try the network.
 * </ul>
 *
 * <p>No kernel caps: the random NaN losses once blamed on libtorch's AVX-512 kernels came from
 * oneDNN reading unfilled channel blocks in convolution backward ({@code core.model.PaddedConv2d})
 * and from DJL's scalar arithmetic on the tape ({@code core.model.Scalars}); capping at AVX2 only
 * made them rarer and halved the speed of large convolutions.
 *
 * <p>A value the user set is kept: these are defaults, not overrides.
 */
final class NativeEnvironment {
    private NativeEnvironment() {}

    /** Variable -> value the training JVM needs, in the order they are documented. */
    static Map<String, String> required() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        env.put("OPT_OUT_TRACKING", "true");
        return env;
    }

    /** True when every required variable is present in {@code current} (any value). */
    static boolean isComplete(Map<String, String> current) {
        return required().keySet().stream().allMatch(current::containsKey);
    }

    /** Adds the missing variables to {@code target}, keeping what is already there. */
    static void fill(Map<String, String> target) {
        required().forEach(target::putIfAbsent);
    }
}
