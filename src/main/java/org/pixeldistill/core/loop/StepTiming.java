package org.pixeldistill.core.loop;

/**
 * How fast a config's training steps ran in the step benchmark ({@code bench}).
 *
 * @param dataWait share (0-1) of the measured time the training thread waited for data
 * @param teacherCache true when the steps read a teacher cache instead of running the teacher
 * @param threads libtorch's threads per operation during the steps ({@link EngineThreads})
 */
public record StepTiming(double imagesPerSecond, double dataWait, int steps, int batchSize, double seconds, String device,
        boolean teacherCache, int threads) {}
