package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * What a detection reader repaired or left out while reading annotations. Boxes reaching past the
 * image are clipped to it; boxes with no area (before or after clipping), of a class not in the
 * class list, marked difficult (VOC) or crowd (COCO) are skipped; images left without boxes are
 * kept as negatives. Each kind is counted; the first {@value #MAX_MESSAGES} events are kept as
 * one-line messages naming the file and the object ("a.xml object 3: clipped to the 500x375
 * image"), the rest only counted in {@code omittedMessages}.
 */
public record AnnotationIssues(
        int clippedBoxes,
        int degenerateBoxes,
        int unknownClassBoxes,
        int difficultBoxes,
        int crowdBoxes,
        int emptyImages,
        List<String> messages,
        int omittedMessages) {
    public static final int MAX_MESSAGES = 50;

    public AnnotationIssues {
        messages = List.copyOf(messages);
    }

    /** Nothing to report (a generated data set). */
    public static AnnotationIssues none() {
        return new AnnotationIssues(0, 0, 0, 0, 0, 0, List.of(), 0);
    }

    /** Boxes left out, for any reason. */
    public int skippedBoxes() {
        return degenerateBoxes + unknownClassBoxes + difficultBoxes + crowdBoxes;
    }

    public boolean isEmpty() {
        return clippedBoxes == 0 && skippedBoxes() == 0 && emptyImages == 0 && messages.isEmpty();
    }

    /** One line, for example "2 boxes clipped, 3 skipped (1 zero area, 2 unknown class), 1 image without boxes". */
    public String summary() {
        List<String> skipped = new ArrayList<>();
        addCount(skipped, degenerateBoxes, "zero area");
        addCount(skipped, unknownClassBoxes, "unknown class");
        addCount(skipped, difficultBoxes, "difficult");
        addCount(skipped, crowdBoxes, "crowd");
        String s = clippedBoxes + (clippedBoxes == 1 ? " box" : " boxes") + " clipped, " + skippedBoxes() + " skipped";
        if (!skipped.isEmpty()) {
            s += " (" + String.join(", ", skipped) + ")";
        }
        return s + ", " + emptyImages + (emptyImages == 1 ? " image" : " images") + " without boxes";
    }

    private static void addCount(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }
}
