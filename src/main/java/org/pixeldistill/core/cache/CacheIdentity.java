package org.pixeldistill.core.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.config.DataConfig;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.model.BackboneSpec;
import org.pixeldistill.core.util.BundledFiles;

/** The identities of a cache key's parts: a teacher by its weights, a data set by its content. */
public final class CacheIdentity {
    /** Images whose pixels enter a data set's fingerprint, spread evenly over the set. */
    static final int SAMPLED_IMAGES = 16;

    private CacheIdentity() {}

    /**
     * The caller's part of a key's data line for a run config's training split: the data set, its
     * folder resolved as {@code DataSets.open} resolves it, and the settings that pick the images.
     */
    public static String dataSource(DataConfig cfg, Path baseDir) {
        Path path = Path.of(cfg.path());
        Path root = BundledFiles.dataPath(path.isAbsolute() ? path : baseDir.resolve(path).toAbsolutePath().normalize());
        return cfg.dataset() + " at " + root + ", train_limit " + cfg.trainLimit() + ", split_ratio " + cfg.splitRatio();
    }

    /**
     * A frozen network: its architecture and the SHA-256 of its weights file. A teacher retrained
     * in place has new weights, hence a new key: its old caches are never used for it.
     */
    public static String teacher(BackboneSpec spec, Path params) {
        return spec.name() + " at " + spec.inputSize() + ", width " + spec.width() + ", stem " + spec.stem()
                + ", patch " + spec.patchSize() + ", " + spec.channels() + " channel(s), " + spec.classes()
                + " classes; weights sha256 " + weightsSha256(params);
    }

    /**
     * A network's weights as they are in memory (the benchmark's random teacher has no file): the
     * SHA-256 of every parameter's name and values, so a cache recorded for other weights is never
     * used for it.
     */
    public static String weightsInMemory(ai.djl.nn.Block block) {
        MessageDigest sha = sha256();
        block.getParameters().forEach(p -> {
            sha.update(p.getKey().getBytes(StandardCharsets.UTF_8));
            float[] values = p.getValue().getArray().toFloatArray();
            ByteBuffer bytes = ByteBuffer.allocate(4 * values.length);
            bytes.asFloatBuffer().put(values);
            sha.update(bytes.array());
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The SHA-256 of a weights file in hex (a detector teacher's identity is built on it too). */
    public static String weightsSha256(Path params) {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(params), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read teacher weights " + params, e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * A data set by content, cheap enough to compute on every open: its name, size, channels, class
     * names and every label, and the pixels of {@value #SAMPLED_IMAGES} images spread evenly over
     * it (decoding them all would cost tens of seconds on a photo set). A different limit, split or
     * folder changes the size, the labels or the sampled pixels.
     */
    public static String dataset(ImageDataset ds) {
        MessageDigest sha = sha256();
        sha.update(String.join("\n", ds.classNames()).getBytes(StandardCharsets.UTF_8));
        ByteBuffer labels = ByteBuffer.allocate(4 * ds.size());
        for (int i = 0; i < ds.size(); i++) {
            labels.putInt(ds.label(i));
        }
        sha.update(labels.array());
        int samples = Math.min(SAMPLED_IMAGES, ds.size());
        for (int k = 0; k < samples; k++) {
            int index = (int) ((long) k * ds.size() / samples);
            try {
                RawImage img = ds.image(index);
                ByteBuffer pixels = ByteBuffer.allocate(12 + 4 * img.pixels().length);
                pixels.putInt(img.channels()).putInt(img.height()).putInt(img.width());
                for (float p : img.pixels()) {
                    pixels.putFloat(p);
                }
                sha.update(pixels.array());
            } catch (ConfigException undecodable) {
                sha.update(("undecodable " + index).getBytes(StandardCharsets.UTF_8));
            }
        }
        return ds.name() + ", " + ds.size() + " images, " + ds.channels() + " channel(s), " + ds.numClasses()
                + " classes, content sha256 " + HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
