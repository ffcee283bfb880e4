package org.pixeldistill.core.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pixeldistill.core.config.ConfigException;
import org.pixeldistill.core.data.ImageDataset;
import org.pixeldistill.core.data.RawImage;
import org.pixeldistill.core.data.TwoViewSampler;
import org.pixeldistill.core.distill.Distiller;
import org.pixeldistill.core.distill.IsrdDistiller;
import org.pixeldistill.core.train.EpochModels;

/**
 * "What does the low-resolution student still see": runs the live networks of an epoch on a few
 * fixed test images and copies out the teacher's large view, the student's small view, the ISRD
 * decoder's reconstruction from the student's f0, and a spatial map per network (the teacher's on
 * the large view beside the student's on the small one).
 *
 * <p>Map kinds: {@value #ATTENTION} (attention transfer's map, p = 2) and {@value #GRADCAM}
 * (Grad-CAM of the predicted class). Grad-CAM needs a CNN (its head pools a feature map; a ViT's
 * reads the class token): for a ViT network it FALLS BACK to attention, and the images' mapKind
 * says so ("gradcam (attention for the ViT student)"), so a CNN teacher beside a ViT student
 * still gets its Grad-CAM.
 *
 * <p>Everything runs in inference mode in sub-managers closed before returning; call it on the
 * training thread during {@code TrainingListener.onEpochModels} and keep only the snapshots.
 */
public final class Inspector {
    public static final String ATTENTION = "attention";
    public static final String GRADCAM = "gradcam";
    public static final List<String> MAP_KINDS = List.of(ATTENTION, GRADCAM);

    /** Maps of the last stage; see {@link #inspect(EpochModels, int[], String, int, float[], float[])}. */
    public InspectionSnapshot inspect(EpochModels models, int[] testIndices, String mapKind, float[] mean,
            float[] std) {
        return inspect(models, testIndices, mapKind, 0, mean, std);
    }

    /**
     * @param testIndices images of {@code models.test()} to show (see {@link #fixedIndices})
     * @param mapKind {@value #ATTENTION} or {@value #GRADCAM}
     * @param featureStage 1-based backbone stage for the maps, 0 = the last
     * @param mean the normalisation the views were made with (one value, or one per channel)
     * @throws ConfigException for an unknown map kind or a stage the backbone does not have
     */
    public InspectionSnapshot inspect(EpochModels models, int[] testIndices, String mapKind, int featureStage,
            float[] mean, float[] std) {
        if (!MAP_KINDS.contains(mapKind)) {
            throw new ConfigException("map kind must be one of " + MAP_KINDS + ", got '" + mapKind + "'");
        }
        if (featureStage < 0) {
            throw new ConfigException("feature stage must be >= 1 (0 = the last), got " + featureStage);
        }
        return run(models, testIndices, List.of(mapKind), featureStage, mean, std).get(0);
    }

    /**
     * Every map kind on every stage from one forward pass per network: kinds in {@link #MAP_KINDS}
     * order, each with stages 1..N. Lets a view switch kind or stage without the live networks.
     */
    public List<InspectionSnapshot> inspectAll(EpochModels models, int[] testIndices, float[] mean, float[] std) {
        return run(models, testIndices, MAP_KINDS, NetworkReadout.ALL_STAGES, mean, std);
    }

    /**
     * The first image of each class in class order (class 0's first, class 1's first, ...), at
     * most {@code count} of them; classes without an image are skipped. Deterministic.
     */
    public static int[] fixedIndices(ImageDataset test, int count) {
        int classes = test.numClasses();
        int[] first = new int[classes];
        Arrays.fill(first, -1);
        int found = 0;
        for (int i = 0; i < test.size() && found < classes; i++) {
            int label = test.label(i);
            if (label >= 0 && label < classes && first[label] < 0) {
                first[label] = i;
                found++;
            }
        }
        return Arrays.stream(first).filter(i -> i >= 0).limit(Math.max(0, count)).toArray();
    }

    private List<InspectionSnapshot> run(EpochModels m, int[] indices, List<String> kinds, int featureStage,
            float[] mean, float[] std) {
        ImageDataset test = m.test();
        TwoViewSampler sampler = m.sampler();
        int n = indices.length;
        int c = test.channels();
        int big = sampler.largeSize();
        int small = sampler.smallSize();
        requireInputSize(m.stage().key(), m.student().spec().inputSize(), small, "small");
        if (m.teacher() != null) {
            requireInputSize("frozen teacher", m.teacher().spec().inputSize(), big, "large");
        }
        float[] largeViews = new float[n * c * big * big];
        float[] smallViews = new float[n * c * small * small];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            if (indices[i] < 0 || indices[i] >= test.size()) {
                throw new IllegalArgumentException("test index " + indices[i] + " outside 0.." + (test.size() - 1));
            }
            TwoViewSampler.Views views = sampler.test(test.image(indices[i]));
            System.arraycopy(views.large(), 0, largeViews, i * c * big * big, c * big * big);
            System.arraycopy(views.small(), 0, smallViews, i * c * small * small, c * small * small);
            labels[i] = test.label(indices[i]);
        }
        List<InspectionSnapshot> out = new ArrayList<>();
        if (n == 0) {
            kinds.forEach(k -> out.add(new InspectionSnapshot(m.stage().key(), m.seed(), m.epoch(), List.of(),
                    test.classNames(), k, Math.max(featureStage, 0))));
            return out;
        }
        NetworkReadout student = NetworkReadout.read(m.student(), smallViews, n, c, kinds, featureStage, isrdOf(m));
        NetworkReadout teacher = m.teacher() == null ? null
                : NetworkReadout.read(m.teacher(), largeViews, n, c, kinds, featureStage, null);
        RawImage[] large = new RawImage[n];
        RawImage[] smallImages = new RawImage[n];
        RawImage[] rebuilt = new RawImage[n];
        for (int i = 0; i < n; i++) {
            large[i] = DisplayImages.denormalise(largeViews, i * c * big * big, c, big, mean, std);
            smallImages[i] = DisplayImages.denormalise(smallViews, i * c * small * small, c, small, mean, std);
            rebuilt[i] = reconstruction(student, i, mean, std);
        }
        for (String kind : kinds) {
            for (int stage = student.firstStage; stage <= student.lastStage; stage++) {
                List<ImageInspection> images = new ArrayList<>(n);
                NetworkReadout.Maps sMaps = student.maps(kind, stage);
                NetworkReadout.Maps tMaps = teacher == null ? null
                        : teacher.maps(kind, Math.max(teacher.firstStage, Math.min(stage, teacher.lastStage)));
                String described = describe(kind, tMaps, sMaps);
                for (int i = 0; i < n; i++) {
                    images.add(new ImageInspection(indices[i], labels[i], large[i], smallImages[i], rebuilt[i],
                            tMaps == null ? null : SpatialMaps.toUnitRange(tMaps.perImage()[i]),
                            tMaps == null ? 0 : tMaps.size(),
                            SpatialMaps.toUnitRange(sMaps.perImage()[i]), sMaps.size(), described,
                            student.predictions[i], teacher == null ? -1 : teacher.predictions[i]));
                }
                out.add(new InspectionSnapshot(m.stage().key(), m.seed(), m.epoch(), images, test.classNames(), kind, stage));
            }
        }
        return out;
    }

    private static void requireInputSize(String who, int takes, int made, String view) {
        if (takes != made) {
            throw new IllegalArgumentException("the " + who + " takes " + takes + "x" + takes + " images but the sampler makes "
                    + made + "x" + made + " " + view + " views");
        }
    }

    private static RawImage reconstruction(NetworkReadout student, int i, float[] mean, float[] std) {
        if (student.reconstruction == null) {
            return null;
        }
        int channels = Math.toIntExact(student.reconstructionShape.get(1));
        int side = Math.toIntExact(student.reconstructionShape.get(2));
        return DisplayImages.denormalise(student.reconstruction, i * channels * side * side, channels, side, mean, std);
    }

    /** The requested kind, or what was shown instead where Grad-CAM met a ViT. */
    static String describe(String kind, NetworkReadout.Maps teacher, NetworkReadout.Maps student) {
        if (!GRADCAM.equals(kind)) {
            return kind;
        }
        boolean studentFell = !GRADCAM.equals(student.kindUsed());
        boolean teacherFell = teacher != null && !GRADCAM.equals(teacher.kindUsed());
        if (studentFell && (teacher == null || teacherFell)) {
            return "attention (Grad-CAM needs a CNN)";
        }
        if (studentFell) {
            return "gradcam (attention for the ViT student)";
        }
        return teacherFell ? "gradcam (attention for the ViT teacher)" : GRADCAM;
    }

    private static IsrdDistiller isrdOf(EpochModels m) {
        if (m.distillers() == null) {
            return null;
        }
        for (Distiller d : m.distillers()) {
            if (d instanceof IsrdDistiller isrd) {
                return isrd;
            }
        }
        return null;
    }
}
