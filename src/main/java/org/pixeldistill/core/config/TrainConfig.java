package org.pixeldistill.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Optimisation settings (METHOD.md, "Protocol of the paper": SGD 0.01, momentum 0.9, weight decay
 * 5e-4, batch 64, lr x0.1 at the milestones).
 *
 * @param schedule multistep | cosine | constant
 * @param warmupEpochs linear warm-up of the learning rate over this many epochs
 * @param seeds one run per seed; the summary gives mean and spread
 * @param threads intra-op threads of the engine (0 = the engine's default)
 * @param clipGradNorm scale gradients down so their global L2 norm is at most this (0 = off);
 *     ViT students trained with SGD need it (a small class token divided by LayerNorm gives it
 *     gradients ~30x the others)
 * @param pretrainedLrScale learning rate of the layers {@code model.weights} loaded, as a fraction
 *     of {@code lr} (a new head keeps {@code lr}); null = 1, and then left out of the config's hash
 */
public record TrainConfig(
        Integer epochs,
        Integer batchSize,
        Double lr,
        Double momentum,
        Double weightDecay,
        String schedule,
        List<Integer> milestones,
        Double gamma,
        Integer warmupEpochs,
        List<Integer> seeds,
        Integer threads,
        Double clipGradNorm,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double pretrainedLrScale) {

    public static final List<String> SCHEDULES = List.of("multistep", "cosine", "constant");

    public TrainConfig {
        epochs = epochs == null ? 120 : epochs;
        batchSize = batchSize == null ? 64 : batchSize;
        lr = lr == null ? 0.01 : lr;
        momentum = momentum == null ? 0.9 : momentum;
        weightDecay = weightDecay == null ? 5e-4 : weightDecay;
        schedule = schedule == null ? "multistep" : schedule;
        milestones = milestones == null ? List.of(30, 60, 90) : List.copyOf(milestones);
        gamma = gamma == null ? 0.1 : gamma;
        warmupEpochs = warmupEpochs == null ? 0 : warmupEpochs;
        seeds = seeds == null || seeds.isEmpty() ? List.of(0) : List.copyOf(seeds);
        threads = threads == null ? 0 : threads;
        clipGradNorm = clipGradNorm == null ? 0.0 : clipGradNorm;
    }

    /** The settings of earlier versions, which had no {@code pretrained_lr_scale}. */
    public TrainConfig(Integer epochs, Integer batchSize, Double lr, Double momentum, Double weightDecay, String schedule,
            List<Integer> milestones, Double gamma, Integer warmupEpochs, List<Integer> seeds, Integer threads,
            Double clipGradNorm) {
        this(epochs, batchSize, lr, momentum, weightDecay, schedule, milestones, gamma, warmupEpochs, seeds, threads,
                clipGradNorm, null);
    }

    /** The factor of {@code lr} for pretrained layers (1 when not set). */
    public double pretrainedRateScale() {
        return pretrainedLrScale == null ? 1.0 : pretrainedLrScale;
    }

    public TrainConfig withEpochs(int newEpochs) {
        return new TrainConfig(newEpochs, batchSize, lr, momentum, weightDecay, schedule, milestones, gamma, warmupEpochs,
                seeds, threads, clipGradNorm, pretrainedLrScale);
    }

    public TrainConfig withLr(double newLr) {
        return new TrainConfig(epochs, batchSize, newLr, momentum, weightDecay, schedule, milestones, gamma, warmupEpochs,
                seeds, threads, clipGradNorm, pretrainedLrScale);
    }

    public TrainConfig withSeeds(List<Integer> newSeeds) {
        return new TrainConfig(epochs, batchSize, lr, momentum, weightDecay, schedule, milestones, gamma, warmupEpochs,
                newSeeds, threads, clipGradNorm, pretrainedLrScale);
    }

    public void validate() {
        Check.range("train.epochs", epochs, 1, 100000);
        Check.range("train.batch_size", batchSize, 1, 65536);
        Check.range("train.lr", lr, 0, 100);
        Check.range("train.momentum", momentum, 0, 0.9999);
        Check.range("train.weight_decay", weightDecay, 0, 1);
        Check.oneOf("train.schedule", schedule, SCHEDULES);
        Check.range("train.gamma", gamma, 0, 1);
        Check.atLeast("train.warmup_epochs", warmupEpochs, 0);
        Check.range("train.threads", threads, 0, 1024);
        Check.atLeast("train.clip_grad_norm", clipGradNorm, 0);
        if (pretrainedLrScale != null) {
            Check.range("train.pretrained_lr_scale", pretrainedLrScale, 0, 10);
        }
        for (int m : milestones) {
            Check.atLeast("train.milestones", m, 1);
        }
    }
}
