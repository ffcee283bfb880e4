package org.pixeldistill.core.data;

import org.pixeldistill.core.config.ConfigException;

/**
 * An image file larger than data.max_image_pixels. Unlike a file that does not decode (skipped and
 * counted), it stops the run: it is a readable image the user put there, and leaving it out
 * silently would change the data set.
 */
public final class ImageTooLargeException extends ConfigException {
    public ImageTooLargeException(String message) {
        super(message);
    }
}
