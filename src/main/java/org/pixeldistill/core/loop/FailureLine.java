package org.pixeldistill.core.loop;

import java.nio.file.FileSystemException;
import java.util.Locale;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.util.Texts;

/**
 * The one line a failed run is reported with, on the console, in summary.json and in the
 * workbench alike. Its own errors (bad input, a NaN loss) already say what and where; anything
 * else is named by what failed plus its root cause, because the useful part of an I/O error ("No
 * space left on device") is often three causes deep, and a file-system error's message alone is
 * just a path.
 */
public final class FailureLine {
    /** What to do when memory runs out: the two knobs that scale a step's memory. */
    static final String MEMORY_ADVICE = "use a smaller train.batch_size or model.input_size"
            + " (or give Java more memory, -Xmx)";

    private FailureLine() {}

    public static String of(Throwable e) {
        if (e instanceof ConfigException || e instanceof TrainingFailedException) {
            return String.valueOf(e.getMessage());
        }
        if (isOutOfMemory(e)) {
            return "out of memory (" + Texts.oneLine(e) + "); " + MEMORY_ADVICE;
        }
        // each link of the cause chain that adds something: "cannot write runs/x/metrics.csv" (the
        // file) then "No space left on device" (why), however deep the second one is
        StringBuilder line = new StringBuilder();
        boolean io = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            io |= t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException;
            String part = t instanceof FileSystemException fs ? fileSystemText(fs) : ownText(t);
            if (!part.isEmpty() && !line.toString().contains(part)) {
                line.append(line.length() == 0 ? "" : ": ").append(part);
            }
        }
        String text = line.length() == 0 ? e.getClass().getSimpleName() : line.toString();
        if (!io) {
            // neither the program's own words nor I/O: most likely a bug, which its class and place
            // help to report
            text = e.getClass().getSimpleName() + ": " + text + where(e);
        }
        return text.length() > 400 ? text.substring(0, 397) + "..." : text;
    }

    /** A message without the "java.io.IOException: " that Java puts before a wrapped cause's text. */
    private static String ownText(Throwable t) {
        String m = firstLine(t.getMessage());
        Throwable cause = t.getCause();
        if (cause != null && m.startsWith(cause.getClass().getName())) {
            return ""; // only the cause's toString(): the cause itself says it
        }
        return m;
    }

    /** Java's own heap, or the engine's native allocator (libtorch says "can't allocate memory"). */
    public static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("can't allocate memory") || m.contains("bad_alloc") || m.contains("out of memory")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** AccessDeniedException's message is only the path: add what happened. */
    private static String fileSystemText(FileSystemException fs) {
        String what = fs.getReason() != null ? fs.getReason()
                : fs.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                        .toLowerCase(Locale.ROOT);
        String file = fs.getFile() == null ? "" : fs.getFile();
        String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
        return file.isEmpty() ? what : file + other + ": " + what;
    }

    /** The top frame of an unexpected exception: one line still, but enough to find the bug. */
    private static String where(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "" : " (at " + trace[0].getClassName().replaceAll(".*\\.", "") + "."
                + trace[0].getMethodName() + ":" + trace[0].getLineNumber() + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().split("\\R", 2)[0].trim();
    }
}
