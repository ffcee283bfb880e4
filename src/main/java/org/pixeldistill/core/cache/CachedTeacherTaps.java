package org.pixeldistill.core.cache;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.pixeldistill.core.data.Batch;
import org.pixeldistill.core.model.FeatureTaps;

/**
 * The teacher's taps as the distillers see them, from a cached batch: logits only (no f0, no
 * stages), so a distiller that reads the teacher's features fails loudly instead of learning
 * from nothing. {@link CacheEligibility} keeps such distillers on the live teacher.
 */
public final class CachedTeacherTaps {
    private CachedTeacherTaps() {}

    /** The recorded logits of {@code b} (count x classes) on the step's manager. */
    public static FeatureTaps of(NDManager step, Batch b) {
        if (b.teacherLogits() == null) {
            throw new IllegalArgumentException("this batch has no recorded teacher outputs (not from a teacher cache)");
        }
        if (b.count() == 0 || b.teacherLogits().length % b.count() != 0) {
            throw new IllegalArgumentException(b.teacherLogits().length + " recorded logits for " + b.count() + " images");
        }
        int classes = b.teacherLogits().length / b.count();
        return logitsOnly(step.create(b.teacherLogits(), new Shape(b.count(), classes)));
    }

    /** Zero logits of the right shape, for the distillers' shape probe before the first batch. */
    public static FeatureTaps probe(NDManager manager, int count, int classes) {
        return logitsOnly(manager.zeros(new Shape(count, classes)));
    }

    private static FeatureTaps logitsOnly(NDArray logits) {
        return new FeatureTaps(logits, null, List.of());
    }
}
