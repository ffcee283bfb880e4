package org.pixeldistill.core.loop;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.Map;

/**
 * Keeps glibc's malloc from handing libtorch's activation buffers back to the kernel after every
 * step. Measured on the 28 px demo teacher's step (one thread, 2-core machine): 180-420 img/s and
 * about 7,000 page faults a step with glibc's defaults; 550-630 img/s and almost none with the
 * settings below, where PyTorch 1.13 eager runs the same step at 590-660 (README, Measuring).
 *
 * <p>Why the defaults hurt here and not in Python: a JVM runs training on a thread that is not the
 * process's first one, so libtorch's buffers (3 MB for a 64 x 16 x 28 x 28 activation) come from a
 * secondary malloc arena, made of 64 MB heaps. When a step frees its activations, glibc unmaps
 * every heap that became wholly free, gives back the top of the others past the trim threshold, and
 * unmaps each buffer over the mmap threshold; the next step faults all those pages in again, and
 * zeroes them, which cost more than the convolutions. So:
 * <ul>
 *   <li>a fixed mmap threshold of {@link #MMAP_THRESHOLD} (glibc's largest; fixing it also stops
 *       glibc's own adjustment): buffers up to that size come from the arenas;
 *   <li>a trim threshold of {@link #TRIM_THRESHOLD}: freed memory stays in the process;
 *   <li>a top pad of {@link #TOP_PAD}: a free heap is kept rather than unmapped (glibc deletes one
 *       only when what remains would still cover this pad).
 * </ul>
 * The price is that the process keeps its peak memory instead of shrinking between steps; training
 * reaches that peak on every step anyway. The pad is address space, touched only when used.
 *
 * <p>Only on Linux with glibc; a user who set glibc's malloc tunables ({@code GLIBC_TUNABLES} with
 * {@code glibc.malloc.*}, or {@code MALLOC_*_}) keeps them. {@code mallopt} changes process-wide
 * settings at any time, so this works in the window, the command line and the test JVM alike.
 */
public final class NativeAllocator {
    /** glibc's mallopt parameter numbers (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    private static final int MB = 1024 * 1024;

    /** glibc's largest allowed mmap threshold on 64-bit systems (half its 64 MB arena heap). */
    static final int MMAP_THRESHOLD = 32 * MB;
    static final int TRIM_THRESHOLD = 1024 * MB;
    static final int TOP_PAD = 64 * MB;

    private static String status;

    private NativeAllocator() {}

    private interface C extends Library {
        int mallopt(int param, int value);
    }

    /** Applies the settings once per process; returns what was done, for {@code info} and {@code bench}. */
    public static synchronized String tune() {
        if (status == null) {
            status = apply(System.getenv(), Platform.isLinux() && !Platform.isAndroid());
        }
        return status;
    }

    static String apply(Map<String, String> env, boolean linux) {
        if (!linux) {
            return "system default (not Linux)";
        }
        String userSetting = userSetting(env);
        if (userSetting != null) {
            return "left to your " + userSetting;
        }
        try {
            C c = Native.load("c", C.class);
            if (c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 && c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
                    && c.mallopt(M_TOP_PAD, TOP_PAD) == 1) {
                return "glibc, freed buffers kept (mmap threshold " + MMAP_THRESHOLD / MB + " MB, trim threshold "
                        + TRIM_THRESHOLD / MB + " MB, top pad " + TOP_PAD / MB + " MB)";
            }
            return "system default (mallopt refused the settings)";
        } catch (LinkageError e) {
            // no C library JNA can open, or no mallopt in it (not glibc)
            return "system default (no mallopt: " + e.getMessage() + ")";
        }
    }

    /** The environment variable through which the user chose malloc settings, or null. */
    static String userSetting(Map<String, String> env) {
        String tunables = env.get("GLIBC_TUNABLES");
        if (tunables != null && tunables.contains("glibc.malloc.")) {
            return "GLIBC_TUNABLES";
        }
        for (String name : new String[] {"MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_"}) {
            if (env.containsKey(name)) {
                return name;
            }
        }
        return null;
    }
}
