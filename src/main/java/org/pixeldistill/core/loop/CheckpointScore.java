package org.pixeldistill.core.loop;

import org.pixeldistill.core.run.Score;
import org.pixeldistill.core.run.Stage;

/**
 * One saved network's test score, as {@code eval} reports it, in percent: {@code score} is the
 * one named by {@code kind} (top-1, or a detector's mAP at IoU 0.5) and {@code second} the one
 * shown beside it (top-5, or a detector's COCO mAP over IoU 0.5:0.95).
 */
public record CheckpointScore(Stage stage, int seed, Score kind, double score, double second, int images) {}
