package org.pixeldistill.core.util;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths as records and reports name them, so that they carry no folder of the machine that made
 * them: relative to the folder they are read from (the report's, the sweep's), with '/' between
 * names. A path that meets that folder only at the file-system root (a system location such as
 * /usr/share/datasets/...) stays as it was given: a chain of ".." up to the root would name the
 * same machine folder, only less plainly, and would break as soon as the report moved.
 */
public final class RelativePaths {
    /** An absolute path written in free text: after a start, a space, a quote or '=', up to a space or quote. */
    private static final Pattern ABSOLUTE_IN_TEXT = Pattern.compile("(?<=^|[\\s='\"])/[^\\s'\"`;]*");

    private RelativePaths() {}

    /**
     * {@code path} relative to {@code base} ("." for the base itself), or {@code path} as given when
     * the two share no folder below the root. A relative {@code path} or {@code base} is taken from
     * the working directory.
     */
    public static String of(Path base, Path path) {
        Path from = base.toAbsolutePath().normalize();
        Path to = path.toAbsolutePath().normalize();
        boolean shareAFolder = from.getRoot() != null && from.getRoot().equals(to.getRoot())
                && from.getNameCount() > 0 && to.getNameCount() > 0 && from.getName(0).equals(to.getName(0));
        if (!shareAFolder) {
            return slashes(path.toString());
        }
        String relative = slashes(from.relativize(to).toString());
        return relative.isEmpty() ? "." : relative;
    }

    /**
     * {@code text} (a command line as typed, say) with every absolute path in it written as
     * {@link #of} would, relative to {@code base}.
     */
    public static String inText(Path base, String text) {
        Matcher m = ABSOLUTE_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(of(base, Path.of(m.group()))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
