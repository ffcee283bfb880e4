package org.pixeldistill.core.util;

import java.util.Locale;

/** Short texts shown to people: durations and one-line error messages (one place, one wording). */
public final class Texts {
    private Texts() {}

    /** Wall time as people read it: 42 -> "42 s", 65 -> "1 min 05 s", 3700 -> "1 h 01 min"; NaN -> "?". */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /**
     * A throwable's message as one line, never a stack trace: the first line of its message (the
     * class name if it has none), then its cause's first line when that adds something (a wrapped
     * "No space left on device" must not vanish), cut at 200 characters.
     */
    public static String oneLine(Throwable e) {
        String text = firstLine(e.getMessage());
        if (text.isEmpty()) {
            text = e.getClass().getSimpleName();
        }
        String cause = e.getCause() == null ? "" : firstLine(e.getCause().getMessage());
        if (!cause.isEmpty() && !text.contains(cause)) {
            text += ": " + cause;
        }
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().split("\\R", 2)[0].replaceAll("\\s+", " ").trim();
    }
}
