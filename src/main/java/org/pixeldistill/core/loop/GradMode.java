package org.pixeldistill.core.loop;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's grad mode is per thread, and DJL turns it off only on the thread that loads the
 * engine. Training and inference on any other thread (the workbench's training thread, a test
 * runner's) would otherwise record every operation, and SGD's in-place weight update fails on a
 * leaf that requires gradients. Gradient collectors turn it on for their own scope.
 */
public final class GradMode {
    private GradMode() {}

    /** Turns recording off on the calling thread (a no-op on engines other than PyTorch). */
    public static void offOnThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
