package org.pixeldistill.ui.detect;

import java.util.List;
import org.pixeldistill.core.detect.DetectionInspector;

/**
 * What the Detection view says about the open run in its captions.
 *
 * @param teacherRole "teacher", "assistant" or "" when the run learnt from no one
 * @param apRecorded whether the AP table comes from the run's metrics.csv (else computed on opening)
 * @param seed the seed of the student shown; {@code seeds} every seed the run trained
 * @param largeRoles what the large view can show ("assistant", "teacher"), the default first
 */
public record RunFacts(String runName, String stage, String teacherRunName, String teacherRole, int largeSize,
        int smallSize, int imageCount, List<String> classNames, boolean apRecorded, int seed, List<Integer> seeds,
        List<String> largeRoles) {

    public RunFacts {
        classNames = List.copyOf(classNames);
        seeds = List.copyOf(seeds);
        largeRoles = List.copyOf(largeRoles);
    }

    static RunFacts of(DetectionInspector in) {
        return new RunFacts(in.runName(), in.stage().key(), in.teacherRunName(), in.teacherRole(), in.largeSize(),
                in.smallSize(), in.testImageCount(), in.classNames(), in.apRecorded(), in.seed(), in.seeds(),
                in.largeRoles());
    }

    public boolean hasTeacher() {
        return !teacherRole.isEmpty();
    }

    /** The name of class {@code label}, or its number when out of range. */
    public String className(int label) {
        return label >= 0 && label < classNames.size() ? classNames.get(label) : "class " + label;
    }
}
