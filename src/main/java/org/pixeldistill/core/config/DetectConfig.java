package org.pixeldistill.core.config;

import java.util.List;

/**
 * The {@code detect:} section: present, the run trains a RetinaNet-style detector instead of a
 * classifier (METHOD.md, AFP). {@code model} names its backbone and input size; {@code data.dataset}
 * is one of {@link #DATASETS}.
 *
 * @param pyramidChannels channels of the pyramid levels and the heads
 * @param headConvs 3x3 convolutions in each head before its output
 * @param levels pyramid levels the heads run on
 * @param levelShift pyramid levels skipped at the fine end: pick it so the finest level's grid
 *     suits the objects (a teacher at 112 for 16-56 pixel objects: 2, cells 8 pixels apart; its
 *     student at 28: 0). An AFP assistant at r times the student's size runs at the student's
 *     shift + log2(r), so both have the same grids
 * @param anchorSize anchor side at scale 1, in strides of its level (RetinaNet: 4)
 * @param canvas fashion-mnist-scenes: side of a generated scene; the model's input is the scene
 *     resized to model.input_size
 * @param maxItems fashion-mnist-scenes: at most this many items per scene
 * @param sceneSeed fashion-mnist-scenes: which scenes are generated
 * @param trainSplit voc: the ImageSets/Main list of the training images
 * @param testSplit voc: the list of the test images
 * @param classes voc/coco: the class names, in label order (empty = those found)
 * @param trainAnnotations coco: the training annotation file, relative to data.path
 * @param trainImages coco: the training images' folder, relative to data.path
 * @param testAnnotations coco: the test annotation file
 * @param testImages coco: the test images' folder
 * @param scoreThreshold inference: boxes scoring at most this are dropped before NMS
 * @param nmsIou inference: IoU above which a lower-scoring box of the same class is suppressed
 * @param distill how a student learns from its teacher (with a teacher only)
 */
public record DetectConfig(
        Integer pyramidChannels,
        Integer headConvs,
        Integer levels,
        Integer levelShift,
        Double anchorSize,
        Integer canvas,
        Integer maxItems,
        Integer sceneSeed,
        String trainSplit,
        String testSplit,
        List<String> classes,
        String trainAnnotations,
        String trainImages,
        String testAnnotations,
        String testImages,
        Double scoreThreshold,
        Double nmsIou,
        Distill distill) {

    public static final List<String> DATASETS = List.of("fashion-mnist-scenes", "voc", "coco");

    /**
     * @param aligned AFP: the teacher's levels shifted by log2(r) so its head outputs match the
     *     student's anchor for anchor (class KD, box and feature L2); false: the unaligned baseline,
     *     the teacher's own levels average-pooled to the student's grids, features only
     */
    public record Distill(Boolean aligned, Double temperature, Double classWeight, Double boxWeight,
            Double featureWeight) {
        public Distill {
            aligned = aligned == null ? Boolean.TRUE : aligned;
            temperature = temperature == null ? 2.0 : temperature;
            classWeight = classWeight == null ? 1.0 : classWeight;
            boxWeight = boxWeight == null ? 1.0 : boxWeight;
            featureWeight = featureWeight == null ? 1.0 : featureWeight;
        }
    }

    public DetectConfig {
        pyramidChannels = pyramidChannels == null ? 32 : pyramidChannels;
        headConvs = headConvs == null ? 2 : headConvs;
        levels = levels == null ? 3 : levels;
        levelShift = levelShift == null ? 0 : levelShift;
        anchorSize = anchorSize == null ? 2.0 : anchorSize;
        canvas = canvas == null ? 112 : canvas;
        maxItems = maxItems == null ? 4 : maxItems;
        sceneSeed = sceneSeed == null ? 0 : sceneSeed;
        trainSplit = trainSplit == null ? "train" : trainSplit;
        testSplit = testSplit == null ? "val" : testSplit;
        classes = classes == null ? List.of() : List.copyOf(classes);
        trainAnnotations = trainAnnotations == null ? "annotations/instances_train.json" : trainAnnotations;
        trainImages = trainImages == null ? "train" : trainImages;
        testAnnotations = testAnnotations == null ? "annotations/instances_val.json" : testAnnotations;
        testImages = testImages == null ? "val" : testImages;
        scoreThreshold = scoreThreshold == null ? 0.05 : scoreThreshold;
        nmsIou = nmsIou == null ? 0.5 : nmsIou;
        distill = distill == null ? new Distill(null, null, null, null, null) : distill;
    }

    public DetectConfig withLevelShift(int shift) {
        return new DetectConfig(pyramidChannels, headConvs, levels, shift, anchorSize, canvas, maxItems, sceneSeed,
                trainSplit, testSplit, classes, trainAnnotations, trainImages, testAnnotations, testImages,
                scoreThreshold, nmsIou, distill);
    }

    /**
     * This section with the data-defining fields (scenes, splits, classes, annotation files) taken
     * from {@code other}: a teacher or assistant must see exactly its student's images.
     */
    public DetectConfig withDataOf(DetectConfig other) {
        return new DetectConfig(pyramidChannels, headConvs, levels, levelShift, anchorSize, other.canvas, other.maxItems,
                other.sceneSeed, other.trainSplit, other.testSplit, other.classes, other.trainAnnotations,
                other.trainImages, other.testAnnotations, other.testImages, scoreThreshold, nmsIou, distill);
    }

    public DetectConfig withDistill(Distill newDistill) {
        return new DetectConfig(pyramidChannels, headConvs, levels, levelShift, anchorSize, canvas, maxItems, sceneSeed,
                trainSplit, testSplit, classes, trainAnnotations, trainImages, testAnnotations, testImages,
                scoreThreshold, nmsIou, newDistill);
    }

    public void validate(String dataset) {
        Check.oneOf("data.dataset (with a detect section)", dataset, DATASETS);
        Check.atLeast("detect.pyramid_channels", pyramidChannels, 8);
        Check.atLeast("detect.head_convs", headConvs, 0);
        Check.atLeast("detect.levels", levels, 1);
        Check.atLeast("detect.level_shift", levelShift, 0);
        if (!(anchorSize > 0)) {
            throw new ConfigException("detect.anchor_size must be > 0, got " + anchorSize);
        }
        Check.range("detect.canvas", canvas, 16, ModelConfig.MAX_INPUT_SIZE);
        Check.atLeast("detect.max_items", maxItems, 1);
        if (!(scoreThreshold >= 0 && scoreThreshold < 1)) {
            throw new ConfigException("detect.score_threshold must be in [0, 1), got " + scoreThreshold);
        }
        if (!(nmsIou > 0 && nmsIou <= 1)) {
            throw new ConfigException("detect.nms_iou must be in (0, 1], got " + nmsIou);
        }
        if (!(distill.temperature() > 0)) {
            throw new ConfigException("detect.distill.temperature must be > 0, got " + distill.temperature());
        }
        Check.atLeast("detect.distill.class_weight", distill.classWeight(), 0);
        Check.atLeast("detect.distill.box_weight", distill.boxWeight(), 0);
        Check.atLeast("detect.distill.feature_weight", distill.featureWeight(), 0);
    }
}
