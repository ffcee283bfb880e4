package org.pixeldistill.core.detect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * From a detector's raw outputs to boxes: sigmoid class scores, the best {@value #PRE_NMS}
 * candidates above the score floor per image, offsets decoded against their anchors, clipped to
 * the image, then per-class non-maximum suppression. RetinaNet's inference, in plain Java after
 * one copy of the outputs off the device.
 */
public final class DetectorInference {
    /** Candidates kept per image before NMS. */
    static final int PRE_NMS = 1000;

    private final DetectorNetwork net;
    private final Nms nms;
    private final BoxCoder coder = BoxCoder.unitWeights();

    public DetectorInference(DetectorNetwork net, Nms nms) {
        this.net = net;
        this.nms = nms;
    }

    /** Detections per image of a batch of normalised images (batch x C x S x S, channel-major). */
    public List<List<Detection>> detect(float[] images, int count) {
        int size = net.inputSize();
        int channels = net.spec().backbone().channels();
        try (NDManager m = net.manager().newSubManager()) {
            NDArray x = m.create(images, new Shape(count, channels, size, size));
            DetectorNetwork.Output out = net.forward(x, false);
            float[] scores = out.logits().getNDArrayInternal().sigmoid().toFloatArray();
            float[] offsets = out.offsets().toFloatArray();
            int n = net.anchors().length / 4;
            int k = net.spec().classes();
            List<List<Detection>> result = new ArrayList<>(count);
            for (int b = 0; b < count; b++) {
                result.add(image(scores, offsets, b, n, k, size));
            }
            return result;
        }
    }

    private List<Detection> image(float[] scores, float[] offsets, int b, int n, int k, int size) {
        float floor = nms.scoreThreshold();
        List<int[]> picked = new ArrayList<>();
        List<Float> pickedScores = new ArrayList<>();
        int base = b * n * k;
        for (int i = 0; i < n * k; i++) {
            if (scores[base + i] > floor) {
                picked.add(new int[] {i / k, i % k});
                pickedScores.add(scores[base + i]);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) {
            order.add(i);
        }
        order.sort((p, q) -> Float.compare(pickedScores.get(q), pickedScores.get(p)));
        List<Detection> candidates = new ArrayList<>();
        float[] anchors = net.anchors();
        for (int j = 0; j < Math.min(PRE_NMS, order.size()); j++) {
            int[] ac = picked.get(order.get(j));
            int o = (b * n + ac[0]) * 4;
            Box box = coder.decode(Anchors.box(anchors, ac[0]), offsets[o], offsets[o + 1], offsets[o + 2], offsets[o + 3])
                    .clipped(size, size);
            if (!box.isDegenerate()) {
                candidates.add(new Detection(box, ac[1], pickedScores.get(order.get(j))));
            }
        }
        return nms.apply(candidates);
    }
}
