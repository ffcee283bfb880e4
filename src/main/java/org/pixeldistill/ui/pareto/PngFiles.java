package org.pixeldistill.ui.pareto;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.pixeldistill.core.run.AtomicFiles;

/** Writes images as PNG files atomically (a crash never leaves half a picture). */
public final class PngFiles {
    private PngFiles() {}

    public static void write(Path file, BufferedImage image) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this JDK has no PNG writer");
            }
        });
    }
}
