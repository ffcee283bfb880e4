package org.pixeldistill.core.loop;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * How many threads libtorch gives each operation of a training step, chosen per step's work
 * unless the user fixed it ({@code train.threads} or {@code --threads}).
 *
 * <p>Why: on the demo's ResNet-18 x0.25 at 7 px every operation is a few microseconds of
 * arithmetic, and splitting it over two cores costs more than it gains. Each parallel region
 * ends at a barrier where one thread waits for the other, and on a 2-core machine the other is
 * often pre-empted by the data loader, the JIT or the GC for a whole time slice. Measured with
 * {@code bench} on 2 cores: the 7 px student (2 M MACs per image) ran at about 3,500 img/s on
 * one thread against 1,300-2,100 on two; the 14 px one (7.6 M) was about even (two threads 5-20%
 * faster); the 28 px one (28.6 M) and ResNet-50 at 112 px were 1.6-2x faster on two threads. The
 * rule: one thread below {@link #SINGLE_THREAD_BELOW} multiply-accumulates per step, else the
 * engine's default (its cores).
 *
 * <p>libtorch keeps the count per calling thread, so the step sets it on the thread that runs it,
 * and every kind of step sets it (a sweep's cells differ in size and share one JVM).
 */
public final class EngineThreads {
    /**
     * Step work (batch x (3 x student MACs + live teacher MACs) per image) under which one thread
     * is faster. Measured on 2 cores with the allocator fix ({@link NativeAllocator}), demo
     * ResNet-18 x0.25, batch 64: one thread was faster for the 7 px student (0.4 G), the 14 px
     * one (1.6 G) and the 7 px student with its 28 px teacher live (2.5 G, 1.1-1.2x); two threads
     * for the 14 px student with the teacher live (3.7 G, 1.04-1.1x) and the 28 px step (6.4 G,
     * 1.05-1.4x). Before that fix, when every step faulted its memory in, two threads paid from
     * 1 G.
     */
    static final long SINGLE_THREAD_BELOW = 3_000_000_000L;

    private static volatile int engineDefault;
    private static volatile Boolean pyTorch;

    private EngineThreads() {}

    /**
     * Step work in multiply-accumulates: forward and backward of the student (about 3 forward
     * passes) plus the forward of a teacher that runs live (0 when cached or absent).
     */
    public static long stepWork(int batchSize, long studentMacs, long liveTeacherMacs) {
        return batchSize * (3 * studentMacs + liveTeacherMacs);
    }

    /** @param configured threads the user fixed (0 = choose); @param fallback the engine's default */
    static int choose(int configured, long stepWork, int fallback) {
        if (configured > 0) {
            return configured;
        }
        return stepWork < SINGLE_THREAD_BELOW ? 1 : fallback;
    }

    /** The count for a step of {@code stepWork}, given {@code train.threads} (0 = choose). */
    public static int forStep(int trainThreads, long stepWork) {
        return choose(userThreads(trainThreads), stepWork, engineDefault());
    }

    /** The engine's own count (its cores unless {@code --threads} fixed it). */
    public static int forLargeWork(int trainThreads) {
        return choose(userThreads(trainThreads), Long.MAX_VALUE, engineDefault());
    }

    /** Sets {@code threads} for the operations the calling thread runs next (PyTorch only). */
    public static void useOnThisThread(int threads) {
        if (isPyTorch() && JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
    }

    private static int userThreads(int trainThreads) {
        if (trainThreads > 0) {
            return trainThreads;
        }
        String property = System.getProperty("ai.djl.pytorch.num_threads");
        try {
            return property == null ? 0 : Math.max(0, Integer.parseInt(property.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Read once, before this class changes anything: what the engine started with. */
    private static int engineDefault() {
        int known = engineDefault;
        if (known == 0) {
            known = isPyTorch() ? Math.max(1, JniUtils.getNumThreads()) : Runtime.getRuntime().availableProcessors();
            engineDefault = known;
        }
        return known;
    }

    /** The engine is chosen once per JVM; asked on every step, so asked once. */
    private static boolean isPyTorch() {
        Boolean known = pyTorch;
        if (known == null) {
            known = "PyTorch".equals(Engine.getInstance().getEngineName());
            pyTorch = known;
        }
        return known;
    }
}
