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
 *   <li>{@code DNNL_MAX_CPU_ISA=AVX2}, {@code ATEN_CPU_CAPABILITY=avx2},
 *       {@code MKL_ENABLE_INSTRUCTIONS=AVX2}: on an AMD EPYC with AVX-512 (seen 2026-12) libtorch
 *       2.3.1 gave NaN losses in the first batches of ordinary training, at random. With oneDNN
 *       alone capped at AVX2 some tests still did (1-3 of 12 per run); with all three capped none
 *       did in repeated runs. Correct results first; the cost in speed is in the closing note.
 * </ul>
 *
 * A value the user set is kept: these are defaults, not overrides.
 */
final class NativeEnvironment {
    private NativeEnvironment() {}

    /** Variable -> value the training JVM needs, in the order they are documented. */
    static Map<String, String> required() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        env.put("DNNL_MAX_CPU_ISA", "AVX2");
        env.put("ATEN_CPU_CAPABILITY", "avx2");
        env.put("MKL_ENABLE_INSTRUCTIONS", "AVX2");
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
