package org.pixeldistill.core.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * Which distillation losses a student gets, each with the weights of METHOD.md as defaults. A
 * missing entry is off; an empty one ({@code kd: {}}) is on with its defaults. Any combination
 * may be used (ISRD + KD is the paper's method).
 */
public record DistillConfig(
        Kd kd, At at, Sp sp, Ickd ickd, Dkd dkd, Fitnet fitnet, Isrd isrd, Feature feature) {

    /** Hinton KD: (1-alpha) CE + alpha t^2 KL. */
    public record Kd(Double alpha, Double temperature) {
        public Kd {
            alpha = alpha == null ? 0.9 : alpha;
            temperature = temperature == null ? 4.0 : temperature;
        }
    }

    /** Attention transfer on the last stage: weight * ||A_s - A_t||^2, A = normalised mean(f^p). */
    public record At(Double weight, Double p) {
        public At {
            weight = weight == null ? 1000.0 : weight;
            p = p == null ? 2.0 : p;
        }
    }

    /** Similarity preserving: batch Gram matrices of the last stage. */
    public record Sp(Double weight) {
        public Sp {
            weight = weight == null ? 3000.0 : weight;
        }
    }

    /** Inter-channel correlation of the last stage (student projected by a learnt 1x1 conv). */
    public record Ickd(Double weight) {
        public Ickd {
            weight = weight == null ? 2.5 : weight;
        }
    }

    /** Decoupled KD: alpha TCKD + beta NCKD, ramped in over warmup epochs. */
    public record Dkd(Double alpha, Double beta, Double temperature, Integer warmup) {
        public Dkd {
            alpha = alpha == null ? 1.0 : alpha;
            beta = beta == null ? 8.0 : beta;
            temperature = temperature == null ? 4.0 : temperature;
            warmup = warmup == null ? 20 : warmup;
        }
    }

    /** FitNet-style MSE: the student's last stage projected by a 1x1 conv, upsampled to the teacher's. */
    public record Fitnet(Double weight) {
        public Fitnet {
            weight = weight == null ? 1.0 : weight;
        }
    }

    /** Input spatial representation distillation: eta * L1(D(f0), x_L). */
    public record Isrd(Double eta) {
        public Isrd {
            eta = eta == null ? 50.0 : eta;
        }
    }

    /**
     * Feature loss between matching stages (TAS stage 2): each student stage bilinearly upsampled
     * to the teacher's size, weight * MSE, summed over stages. Needs the same architecture on both
     * sides (an assistant and its student).
     */
    public record Feature(Double weight) {
        public Feature {
            weight = weight == null ? 1.0 : weight;
        }
    }

    public static DistillConfig none() {
        return new DistillConfig(null, null, null, null, null, null, null, null);
    }

    /** Names of the distillers that are on, in a fixed order. */
    public List<String> active() {
        List<String> names = new ArrayList<>();
        if (kd != null) names.add("kd");
        if (at != null) names.add("at");
        if (sp != null) names.add("sp");
        if (ickd != null) names.add("ickd");
        if (dkd != null) names.add("dkd");
        if (fitnet != null) names.add("fitnet");
        if (isrd != null) names.add("isrd");
        if (feature != null) names.add("feature");
        return names;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return active().isEmpty();
    }

    public void validate(String prefix) {
        if (kd != null) {
            Check.range(prefix + ".kd.alpha", kd.alpha, 0, 1);
            Check.range(prefix + ".kd.temperature", kd.temperature, 0.01, 100);
        }
        if (at != null) {
            Check.atLeast(prefix + ".at.weight", at.weight, 0);
            Check.range(prefix + ".at.p", at.p, 0.5, 8);
        }
        if (sp != null) Check.atLeast(prefix + ".sp.weight", sp.weight, 0);
        if (ickd != null) Check.atLeast(prefix + ".ickd.weight", ickd.weight, 0);
        if (dkd != null) {
            Check.atLeast(prefix + ".dkd.alpha", dkd.alpha, 0);
            Check.atLeast(prefix + ".dkd.beta", dkd.beta, 0);
            Check.range(prefix + ".dkd.temperature", dkd.temperature, 0.01, 100);
            Check.atLeast(prefix + ".dkd.warmup", dkd.warmup, 0);
        }
        if (fitnet != null) Check.atLeast(prefix + ".fitnet.weight", fitnet.weight, 0);
        if (isrd != null) Check.atLeast(prefix + ".isrd.eta", isrd.eta, 0);
        if (feature != null) Check.atLeast(prefix + ".feature.weight", feature.weight, 0);
    }
}
