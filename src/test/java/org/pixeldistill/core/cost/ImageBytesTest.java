package org.pixeldistill.core.cost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.CropBox;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.Interpolation;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.data.Resizer;

class ImageBytesTest {

    /** A w x h picture with texture (so encoders have something to spend bytes on), values in [0, 1]. */
    static RawImage textured(int channels, int h, int w, int seed) {
        float[] px = new float[channels * h * w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = (x * 37 + y * 91 + c * 53 + seed * 17 + (x * y * 13) % 29) % 256;
                    px[(c * h + y) * w + x] = v / 255f;
                }
            }
        }
        return new RawImage(px, channels, h, w);
    }

    static ImageDataset dataset(List<RawImage> images) {
        return new ImageDataset() {
            @Override
            public String name() {
                return "fixture";
            }

            @Override
            public int size() {
                return images.size();
            }

            @Override
            public int label(int index) {
                return 0;
            }

            @Override
            public RawImage image(int index) {
                return images.get(index);
            }

            @Override
            public List<String> classNames() {
                return List.of("one");
            }

            @Override
            public int channels() {
                return images.isEmpty() ? 1 : images.get(0).channels();
            }
        };
    }

    /** The resized image built independently: centre square by hand, Resizer, rounding, setRGB. */
    private static BufferedImage expectedColour(RawImage img, int size) {
        int side = Math.min(img.width(), img.height());
        CropBox box = new CropBox((img.width() - side) / 2f, (img.height() - side) / 2f, side, side);
        float[] chw = Resizer.resize(img, box, size, Interpolation.AREA);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                int r = Math.round(chw[i] * 255);
                int g = Math.round(chw[plane + i] * 255);
                int b = Math.round(chw[2 * plane + i] * 255);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static byte[] imageIoPng(BufferedImage img) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static byte[] imageIoJpeg(BufferedImage img, float quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), p);
        }
        writer.dispose();
        return out.toByteArray();
    }

    @Test
    void bytesAreWhatImageIoWritesForTheCentreSquareResized() throws Exception {
        RawImage wide = textured(3, 16, 20, 1); // 20 wide: the centre square starts at x = 2
        BufferedImage expected = expectedColour(wide, 8);
        BufferedImage made = ImageEncoding.resized(wide, 8);
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, made.getType());
        assertArrayEquals(expected.getRGB(0, 0, 8, 8, null, 0, 8), made.getRGB(0, 0, 8, 8, null, 0, 8));

        ImageBytes b = ImageBytes.measure(dataset(List.of(wide)), 8, 60, 200);
        assertEquals(imageIoPng(expected).length, b.png());
        assertEquals(imageIoJpeg(expected, 0.6f).length, b.jpeg());
        assertEquals(64, b.pixels());
        assertEquals(3 * 8 * 8, b.raw());
        assertEquals(1, b.images());
    }

    @Test
    void greyStaysOneChannel() throws Exception {
        RawImage grey = textured(1, 12, 12, 2);
        BufferedImage made = ImageEncoding.resized(grey, 6);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, made.getType());
        // area 12 -> 6: each output pixel is the mean of a 2x2 block
        float mean = (grey.at(0, 0, 0) + grey.at(0, 0, 1) + grey.at(0, 1, 0) + grey.at(0, 1, 1)) / 4;
        assertEquals(Math.round(mean * 255), made.getRaster().getSample(0, 0, 0));
        ImageBytes b = ImageBytes.measure(dataset(List.of(grey)), 6, 75, 200);
        assertEquals(1, b.channels());
        assertEquals(36, b.raw());
        assertEquals(imageIoPng(made).length, b.png());
    }

    @Test
    void jpegBytesFallWithQualityAndAllBytesFallWithSize() {
        ImageDataset set = dataset(List.of(textured(3, 64, 64, 3)));
        double q95 = ImageBytes.measure(set, 32, 95, 1).jpeg();
        double q50 = ImageBytes.measure(set, 32, 50, 1).jpeg();
        double q10 = ImageBytes.measure(set, 32, 10, 1).jpeg();
        assertTrue(q95 > q50 && q50 > q10, q95 + " " + q50 + " " + q10);
        ImageBytes big = ImageBytes.measure(set, 32, 75, 1);
        ImageBytes small = ImageBytes.measure(set, 8, 75, 1);
        assertTrue(small.png() < big.png(), small.png() + " vs " + big.png());
        assertTrue(small.jpeg() < big.jpeg(), small.jpeg() + " vs " + big.jpeg());
        assertTrue(small.raw() < big.raw());
    }

    @Test
    void averagesOverImagesSpreadEvenlyOverTheSplit() {
        List<RawImage> four = List.of(textured(1, 16, 16, 1), textured(1, 16, 16, 2), textured(1, 16, 16, 3),
                textured(1, 16, 16, 4));
        int png0 = ImageEncoding.png(ImageEncoding.resized(four.get(0), 16)).length;
        int png2 = ImageEncoding.png(ImageEncoding.resized(four.get(2), 16)).length;
        ImageBytes two = ImageBytes.measure(dataset(four), 16, 75, 2); // images 0 and 2
        assertEquals(2, two.images());
        assertEquals((png0 + png2) / 2.0, two.png(), 1e-9);
    }

    @Test
    void cachedMeasuresOncePerDataSetSizeAndQuality() {
        AtomicInteger opened = new AtomicInteger();
        ImageDataset set = dataset(List.of(textured(1, 16, 16, 5)));
        String key = "cache-test-" + System.nanoTime();
        ImageBytes first = ImageBytes.cached(key, () -> { opened.incrementAndGet(); return set; }, 8, 75, 10);
        ImageBytes again = ImageBytes.cached(key, () -> { opened.incrementAndGet(); return set; }, 8, 75, 10);
        assertEquals(first, again);
        assertEquals(1, opened.get());
        ImageBytes.cached(key, () -> { opened.incrementAndGet(); return set; }, 8, 50, 10);
        assertEquals(2, opened.get());
    }

    @Test
    void badQualityOrEmptySetIsAConfigException() {
        ImageDataset set = dataset(List.of(textured(1, 8, 8, 1)));
        assertThrows(ConfigException.class, () -> ImageBytes.measure(set, 8, 0, 10));
        assertThrows(ConfigException.class, () -> ImageBytes.measure(set, 8, 101, 10));
        assertThrows(ConfigException.class, () -> ImageBytes.measure(dataset(List.of()), 8, 75, 10));
    }
}
