package org.pixeldistill.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;

/**
 * The image paths of a CUB {@code images.txt} stay inside its {@code images/} folder: a path with
 * {@code ../} or an absolute one would read (and train on) any file of the machine, which a
 * downloaded index must not be able to make the program do.
 */
final class CubImagePaths {
    private CubImagePaths() {}

    /** Throws a {@link ConfigException} naming the first line whose path leaves {@code imageDir}. */
    static void checkInside(Path index, Path imageDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(index);
        } catch (IOException e) {
            return; // reported by the reader of the index, with its own wording
        }
        Path root = imageDir.toAbsolutePath().normalize();
        for (int n = 0; n < lines.size(); n++) {
            String[] parts = lines.get(n).strip().split("\\s+", 2);
            if (parts.length < 2) {
                continue;
            }
            String relative = parts[1].strip();
            boolean inside;
            try {
                inside = !Path.of(relative).isAbsolute() && root.resolve(relative).normalize().startsWith(root)
                        && !root.resolve(relative).normalize().equals(root);
            } catch (InvalidPathException e) {
                inside = false;
            }
            if (!inside) {
                throw new ConfigException("CUB index file " + index + " line " + (n + 1) + ": image path '" + relative
                        + "' is not inside " + imageDir);
            }
        }
    }
}
