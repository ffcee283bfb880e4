package org.pixeldistill.core.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The test score that picks a run's best epoch, in percent: a classifier's top-1 accuracy or a
 * detector's mAP at IoU 0.5. Named in summary.json ({@code "score": "top1"}) and in metrics.csv by
 * the column that holds it ({@code test_top1}, {@code test_map50}).
 */
public enum Score {
    /** Share of test images whose label is the top prediction. */
    TOP1("top1", "top-1"),
    /** Mean over classes of the average precision at IoU 0.5. */
    MAP50("map50", "mAP50");

    private final String key;
    private final String label;

    Score(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** "top1" or "map50": the name in files. */
    @JsonValue
    public String key() {
        return key;
    }

    /** "top-1" or "mAP50": the name shown to people. */
    public String label() {
        return label;
    }

    /** metrics.csv's column of this score on the test split: "test_top1", "test_map50". */
    public String testColumn() {
        return "test_" + key;
    }

    /** The score of a key; IllegalArgumentException for anything else. */
    @JsonCreator
    public static Score of(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown score '" + key + "' (known: top1, map50)"));
    }

    /** The score a run of this kind is judged by. */
    public static Score forDetection(boolean detection) {
        return detection ? MAP50 : TOP1;
    }
}
