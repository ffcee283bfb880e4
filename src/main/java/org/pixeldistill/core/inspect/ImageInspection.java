package org.pixeldistill.core.inspect;

import org.pixeldistill.core.data.RawImage;

/**
 * What the networks made of one fixed test image at the end of an epoch, in plain arrays (no
 * NDArrays), ready to draw. Images are de-normalised to [0, 1]; maps are square, row-major and
 * scaled to [0, 1] by dividing by their maximum (so a flat map stays flat and an all-zero map
 * stays zero).
 *
 * @param testIndex index of the image in the test split
 * @param label true class
 * @param large the teacher's view (S x S)
 * @param small the student's view (s x s)
 * @param reconstruction the ISRD decoder's image from the student's f0 (S x S), or null when the
 *     stage has no ISRD distiller
 * @param teacherMap the teacher's map on the large view, or null without a teacher
 * @param teacherMapSize side of the teacher's map (0 without a teacher)
 * @param studentMap the student's map on the small view
 * @param studentMapSize side of the student's map
 * @param mapKind what the maps are: "attention", "gradcam", or "gradcam (attention for the ViT
 *     student)" and the like when Grad-CAM was asked for a ViT (see {@link Inspector})
 * @param studentPrediction the student's top-1 class on the small view
 * @param teacherPrediction the teacher's top-1 class on the large view, -1 without a teacher
 */
public record ImageInspection(int testIndex, int label, RawImage large, RawImage small, RawImage reconstruction,
        float[] teacherMap, int teacherMapSize, float[] studentMap, int studentMapSize, String mapKind,
        int studentPrediction, int teacherPrediction) {

    public ImageInspection {
        requireSquare("teacherMap", teacherMap, teacherMapSize);
        requireSquare("studentMap", studentMap, studentMapSize);
    }

    public boolean hasTeacher() {
        return teacherMap != null;
    }

    public boolean hasReconstruction() {
        return reconstruction != null;
    }

    private static void requireSquare(String name, float[] map, int size) {
        if (map != null && map.length != size * size) {
            throw new IllegalArgumentException(name + " holds " + map.length + " values, not " + size + "x" + size);
        }
    }
}
