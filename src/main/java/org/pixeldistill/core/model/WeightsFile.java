package org.pixeldistill.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.pixeldistill.core.config.ConfigException;

/**
 * Named tensors on disk: {@code .safetensors} or {@code .npz}, read through DJL (which picks the
 * format from the first bytes) and written as safetensors. A PyTorch pickle ({@code torch.save},
 * a zip holding {@code data.pkl}) also starts with "PK" and would be taken for npz, so it is
 * recognised first and refused with the few lines of Python that convert it.
 */
final class WeightsFile {

    /** What a user runs to turn a torch.save file into one this project reads. */
    static final String CONVERSION_SNIPPET = String.join("\n",
            "  import torch, numpy as np",
            "  sd = torch.load(\"model.pth\", map_location=\"cpu\")",
            "  sd = sd.get(\"state_dict\", sd)  # some checkpoints wrap the weights",
            "  np.savez(\"model.npz\", **{k: v.numpy() for k, v in sd.items()})",
            "(or, with the safetensors package: safetensors.torch.save_file(sd, \"model.safetensors\"))");

    private static final String NUMPY_SUFFIX = ".npy";

    private WeightsFile() {}

    /** Every tensor of the file by name, on {@code manager}; ConfigException for a pickle or an unreadable file. */
    static Map<String, NDArray> read(Path file, NDManager manager, String key) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(key + ": no such file " + file);
        }
        refusePickle(file, key);
        NDList list;
        try (InputStream in = Files.newInputStream(file)) {
            list = NDList.decode(manager, in);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(key + ": " + file + " is neither safetensors nor npz (" + e.getMessage() + ")");
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (NDArray array : list) {
            String name = array.getName();
            // npz entries are file names inside the zip: "fc.weight.npy"
            out.put(name.endsWith(NUMPY_SUFFIX) ? name.substring(0, name.length() - NUMPY_SUFFIX.length()) : name,
                    array);
        }
        return out;
    }

    /** Writes the arrays, in order, under their names as safetensors. */
    static void writeSafetensors(Map<String, NDArray> tensors, Path file) {
        NDList list = new NDList();
        tensors.forEach((name, array) -> {
            array.setName(name);
            list.add(array);
        });
        try (OutputStream out = Files.newOutputStream(file)) {
            list.encode(out, NDList.Encoding.SAFETENSORS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void refusePickle(Path file, String key) {
        byte[] magic = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(magic, 0, 2) < 2 || magic[0] != 'P' || magic[1] != 'K') {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean pickle = zip.stream().map(ZipEntry::getName)
                    .anyMatch(n -> n.equals("data.pkl") || n.endsWith("/data.pkl"));
            if (pickle) {
                throw new ConfigException(key + ": " + file + " is a PyTorch pickle (torch.save), which cannot be read"
                        + " outside Python; convert it once to npz:\n" + CONVERSION_SNIPPET);
            }
        } catch (IOException e) {
            throw new ConfigException(key + ": " + file + " starts like a zip but cannot be opened (" + e.getMessage()
                    + ")");
        }
    }
}
