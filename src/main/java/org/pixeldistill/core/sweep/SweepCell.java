package org.pixeldistill.core.sweep;

import org.pixeldistill.core.config.RunConfig;

/**
 * One configuration of a sweep: a student backbone at the teacher's size divided by a ratio,
 * trained by one method.
 *
 * @param id folder-safe name, e.g. {@code resnet18-r4-isrd}
 * @param inputSize the student's input side in pixels
 */
public record SweepCell(String id, String student, int ratio, String method, int inputSize, RunConfig config) {}
