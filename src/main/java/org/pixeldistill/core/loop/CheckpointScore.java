package org.pixeldistill.core.loop;

/**
 * One saved network's test score, as {@code eval} reports it. For a detector {@code top1} is its
 * mAP at IoU 0.5 and {@code top5} its COCO mAP over IoU 0.5:0.95, both in percent ({@code detector} true).
 */
public record CheckpointScore(String stage, int seed, double top1, double top5, int images, boolean detector) {}
