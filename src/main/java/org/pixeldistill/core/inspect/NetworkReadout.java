package org.pixeldistill.core.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.distill.IsrdDistiller;
import org.pixeldistill.core.model.Backbones;
import org.pixeldistill.core.model.FeatureTaps;
import org.pixeldistill.core.train.Network;

/**
 * One network's inference on a batch of views, copied into plain arrays: predictions, the maps
 * asked for on the stages asked for, and (for the student) the ISRD reconstruction. Everything runs
 * in inference mode in a sub-manager of the network's manager that is closed before returning, so
 * nothing is left on the model's manager and no NDArray escapes.
 */
final class NetworkReadout {
    /** Maps of one kind on one stage: per image, row-major size x size, raw (not scaled). */
    record Maps(float[][] perImage, int size, String kindUsed) {}

    /** Asks {@link #read} for maps on every stage. */
    static final int ALL_STAGES = -1;

    final int[] predictions;
    /** The range of stages that {@link #maps} holds, 1-based, inclusive. */
    final int firstStage;
    final int lastStage;
    final float[] reconstruction;
    final Shape reconstructionShape;
    private final Map<String, Maps> maps;

    private NetworkReadout(int[] predictions, int firstStage, int lastStage, float[] reconstruction,
            Shape reconstructionShape, Map<String, Maps> maps) {
        this.predictions = predictions;
        this.firstStage = firstStage;
        this.lastStage = lastStage;
        this.reconstruction = reconstruction;
        this.reconstructionShape = reconstructionShape;
        this.maps = maps;
    }

    /**
     * @param pixels n normalised views, channel-major, at the network's input size
     * @param featureStage 1-based stage to take maps from, 0 = the last, {@link #ALL_STAGES} = every one
     * @param isrd the decoder to run on the network's f0, or null
     */
    static NetworkReadout read(Network net, float[] pixels, int n, int channels, List<String> kinds, int featureStage,
            IsrdDistiller isrd) {
        int size = net.spec().inputSize();
        try (NDManager sub = net.manager().newSubManager()) {
            NDArray x = sub.create(pixels, new Shape(n, channels, size, size));
            FeatureTaps taps = net.forward(x, false);
            int[] predictions = toInts(taps.logits().argMax(1));
            Map<String, Maps> maps = new HashMap<>();
            int count = taps.stages().size();
            int first = featureStage == ALL_STAGES ? 1 : resolveStage(featureStage, count);
            int last = featureStage == ALL_STAGES ? count : first;
            for (int stage = first; stage <= last; stage++) {
                NDArray feature = taps.stages().get(stage - 1);
                int side = Math.toIntExact(feature.getShape().get(2));
                for (String kind : kinds) {
                    boolean gradCam = Inspector.GRADCAM.equals(kind) && Backbones.isCnn(net.block());
                    float[][] raw = gradCam ? SpatialMaps.gradCam(net.block(), net.store(), feature, stage)
                            : SpatialMaps.attention(feature);
                    maps.put(key(kind, stage), new Maps(raw, side, gradCam ? Inspector.GRADCAM : Inspector.ATTENTION));
                }
            }
            float[] reconstruction = null;
            Shape reconstructionShape = null;
            if (isrd != null && isrd.decoder() != null) {
                NDArray image = isrd.reconstruct(net.store(), taps.f0());
                reconstruction = image.toFloatArray();
                reconstructionShape = image.getShape();
            }
            return new NetworkReadout(predictions, first, last, reconstruction, reconstructionShape, maps);
        }
    }

    Maps maps(String kind, int stage) {
        return maps.get(key(kind, stage));
    }

    /** The 1-based stage for a requested one (0 = the last), or a ConfigException naming the range. */
    static int resolveStage(int requested, int stageCount) {
        if (requested == 0) {
            return stageCount;
        }
        if (requested < 1 || requested > stageCount) {
            throw new ConfigException("feature stage must be 1.." + stageCount + " (0 = the last), got " + requested);
        }
        return requested;
    }

    private static String key(String kind, int stage) {
        return kind + "@" + stage;
    }

    private static int[] toInts(NDArray indices) {
        long[] values = indices.toLongArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.toIntExact(values[i]);
        }
        return out;
    }
}
