package org.pixeldistill.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks every detection reader applies to its raw boxes, counting and describing what it
 * changed; {@link #result()} freezes the tally into {@link AnnotationIssues}. One reader, one
 * thread.
 */
final class AnnotationCleaner {
    /** Why a box is left out. */
    enum Skip { DEGENERATE, UNKNOWN_CLASS, DIFFICULT, CROWD }

    private final List<String> messages = new ArrayList<>();
    private int omitted;
    private int clipped;
    private final int[] skipped = new int[Skip.values().length];
    private int emptyImages;

    /**
     * {@code raw} clipped to a {@code width x height} image, or null when it is skipped: no area to
     * begin with (x1 <= x0 or y1 <= y0, or a NaN), or nothing left inside the image.
     * {@code where} names the file and object for the message.
     */
    Box check(Box raw, int width, int height, String where) {
        if (raw.isDegenerate()) {
            skip(Skip.DEGENERATE, where, "skipped: zero area " + describe(raw));
            return null;
        }
        Box inside = raw.clipped(width, height);
        if (inside.isDegenerate()) {
            skip(Skip.DEGENERATE, where, "skipped: " + describe(raw) + " lies outside the " + width + "x" + height + " image");
            return null;
        }
        if (!inside.equals(raw)) {
            clipped++;
            message(where + ": clipped to the " + width + "x" + height + " image " + describe(raw) + " -> " + describe(inside));
        }
        return inside;
    }

    /** Counts a box left out; {@code what} says why, starting with "skipped:". */
    void skip(Skip reason, String where, String what) {
        skipped[reason.ordinal()]++;
        message(where + ": " + what);
    }

    void emptyImage(String where) {
        emptyImages++;
        message(where + ": no boxes left, kept as an image without objects");
    }

    /** A remark about the data set as a whole (a missing split list, say). */
    void note(String text) {
        message(text);
    }

    AnnotationIssues result() {
        return new AnnotationIssues(clipped, skipped[Skip.DEGENERATE.ordinal()], skipped[Skip.UNKNOWN_CLASS.ordinal()],
                skipped[Skip.DIFFICULT.ordinal()], skipped[Skip.CROWD.ordinal()], emptyImages, messages, omitted);
    }

    private void message(String line) {
        if (messages.size() < AnnotationIssues.MAX_MESSAGES) {
            messages.add(line);
        } else {
            omitted++;
        }
    }

    private static String describe(Box b) {
        return "(" + num(b.x0()) + ", " + num(b.y0()) + ", " + num(b.x1()) + ", " + num(b.y1()) + ")";
    }

    /** Whole numbers without ".0", so messages read like the annotation files. */
    private static String num(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Float.toString(v);
    }
}
