package org.pixeldistill.core.inspect;

import java.util.List;

/**
 * The inspections of the fixed test images after one epoch of one stage, for one kind of map on
 * one feature stage. Immutable plain data: safe to hand to another thread and to keep.
 *
 * @param stage the training stage ("student", "model", "teacher", "assistant")
 * @param seed the stage's seed
 * @param epoch 0-based epoch that just finished
 * @param images one entry per fixed test image, in the order of the indices asked for
 * @param classNames the test split's class names, indexed by label (for captions)
 * @param mapKind the kind asked for: {@link Inspector#ATTENTION} or {@link Inspector#GRADCAM}
 * @param featureStage 1-based backbone stage the maps were taken from (the student's numbering)
 */
public record InspectionSnapshot(String stage, int seed, int epoch, List<ImageInspection> images,
        List<String> classNames, String mapKind, int featureStage) {

    public InspectionSnapshot {
        images = List.copyOf(images);
        classNames = List.copyOf(classNames);
    }

    /** The class name of a label, or the label as text when the split names no such class. */
    public String className(int label) {
        return label >= 0 && label < classNames.size() ? classNames.get(label) : String.valueOf(label);
    }
}
