package org.pixeldistill.core.cost;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.pixeldistill.core.data.CropBox;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.data.Resizer;

/**
 * What a camera would send for one image at a given size: the image shrunk to S x S with 8 bits per
 * sample, and its PNG or JPEG encoding, made in memory with the JDK's ImageIO writers. The sizes
 * include each format's headers (for JPEG the quantisation and Huffman tables, several hundred
 * bytes), as a single image sent on its own would.
 */
public final class ImageEncoding {
    private ImageEncoding() {}

    /**
     * The largest centred square of the image, shrunk (or grown) to {@code size x size} with area
     * interpolation, rounded to 8 bits: grey images as TYPE_BYTE_GRAY, colour as TYPE_3BYTE_BGR.
     */
    public static BufferedImage resized(RawImage image, int size) {
        int side = Math.min(image.width(), image.height());
        CropBox square = new CropBox((image.width() - side) / 2f, (image.height() - side) / 2f, side, side);
        float[] chw = Resizer.resize(image, square, size, Interpolation.AREA);
        boolean grey = image.channels() == 1;
        int type = grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage out = new BufferedImage(size, size, type);
        WritableRaster raster = out.getRaster();
        int plane = size * size;
        // Raster bands are R, G, B whatever the byte order in memory, as RawImage's channels are.
        for (int c = 0; c < raster.getNumBands(); c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    raster.setSample(x, y, c, toByte(chw[c * plane + y * size + x]));
                }
            }
        }
        return out;
    }

    /** A value in [0, 1] as an 8-bit sample, rounded to nearest. */
    static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }

    /** The PNG file ImageIO writes for the image, at its default compression. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The baseline JPEG file ImageIO writes for the image at {@code quality} (1-100, as q/100). */
    public static byte[] jpeg(BufferedImage image, int quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no JPEG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
