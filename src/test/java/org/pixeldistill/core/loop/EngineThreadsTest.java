package org.pixeldistill.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.cost.NetworkCounter;
import org.pixeldistill.core.model.BackboneSpec;

class EngineThreadsTest {
    private static long demoStep(int inputSize, long liveTeacherMacs) {
        long student = NetworkCounter.count(new BackboneSpec("resnet18", inputSize, 1, 10, 0.25, "small", 0)).macs();
        return EngineThreads.stepWork(64, student, liveTeacherMacs);
    }

    @Test
    void smallStepsRunOnOneThreadAndLargerStepsOnTheEnginesCount() {
        long teacherAt28 = NetworkCounter.count(new BackboneSpec("resnet18", 28, 1, 10, 0.25, "small", 0)).macs();
        assertEquals(1, EngineThreads.choose(0, demoStep(7, 0), 2), "7 px student, cached or no teacher");
        assertEquals(1, EngineThreads.choose(0, demoStep(14, 0), 2), "14 px student: one thread 1.15-1.5x faster");
        assertEquals(1, EngineThreads.choose(0, demoStep(7, teacherAt28), 2), "7 px student, 28 px teacher live: 1.1-1.2x");
        assertEquals(2, EngineThreads.choose(0, demoStep(14, teacherAt28), 2), "14 px student, 28 px teacher live");
        assertEquals(2, EngineThreads.choose(0, demoStep(28, 0), 2), "28 px student: two threads 1.05-1.4x faster");
    }

    @Test
    void aCountTheUserFixedIsKeptWhateverTheWork() {
        assertEquals(2, EngineThreads.choose(2, demoStep(7, 0), 4));
        assertEquals(3, EngineThreads.choose(3, Long.MAX_VALUE, 4));
    }

    @Test
    void theCountIsSetForTheCallingThread() throws Exception {
        int[] seen = new int[2];
        Thread t = new Thread(() -> {
            EngineThreads.useOnThisThread(1);
            seen[0] = JniUtils.getNumThreads();
            EngineThreads.useOnThisThread(2);
            seen[1] = JniUtils.getNumThreads();
        });
        t.start();
        t.join();
        assertEquals(1, seen[0]);
        assertEquals(2, seen[1]);
    }
}
