package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pixeldistill.core.detect.DetectionFixtures.image;
import static org.pixeldistill.core.detect.DetectionFixtures.text;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;

class CocoDatasetTest {
    @TempDir Path root;

    private static final String CATEGORIES = "\"categories\": [{\"id\": 18, \"name\": \"dog\"}, {\"id\": 3, \"name\": \"cat\"}]";

    private Path images() {
        return root.resolve("images");
    }

    private Path json(String images, String annotations) {
        return text(root.resolve("instances.json"), "{\"images\": [" + images + "], \"annotations\": [" + annotations + "], "
                + CATEGORIES + "}");
    }

    private static String img(int id, String file, int w, int h) {
        return "{\"id\": " + id + ", \"file_name\": \"" + file + "\", \"width\": " + w + ", \"height\": " + h + "}";
    }

    private static String ann(int id, int imageId, int category, String bbox, int crowd) {
        return "{\"id\": " + id + ", \"image_id\": " + imageId + ", \"category_id\": " + category + ", \"bbox\": [" + bbox
                + "], \"area\": 1, \"iscrowd\": " + crowd + "}";
    }

    @Test
    void readsBoxesAsCornerPlusSizeAndNumbersClassesByCategoryId() {
        image(images().resolve("one.jpg"), "jpg", 40, 30);
        image(images().resolve("sub/two.png"), "png", 20, 10);
        Path file = json(img(7, "one.jpg", 40, 30) + ", " + img(2, "sub/two.png", 20, 10),
                ann(1, 7, 18, "2, 3, 10, 5", 0) + ", " + ann(2, 2, 3, "0.5, 1.5, 4, 2", 0) + ", " + ann(3, 7, 3, "0, 0, 40, 30", 0));
        DetectionDataset ds = CocoDataset.open(file, images());
        assertEquals("coco", ds.name());
        assertEquals(List.of("cat", "dog"), ds.classNames(), "category 3 comes before category 18");
        assertEquals(2, ds.size());
        assertTrue(ds.issues().isEmpty(), ds.issues().messages().toString());

        AnnotatedImage first = ds.sample(0);
        assertEquals(40, first.image().width());
        assertEquals(List.of(new Box(2, 3, 12, 8), new Box(0, 0, 40, 30)), first.boxes());
        assertArrayEquals(new int[] {1, 0}, first.labels());
        AnnotatedImage second = ds.sample(1);
        assertEquals(10, second.image().height());
        assertEquals(List.of(new Box(0.5f, 1.5f, 4.5f, 3.5f)), second.boxes());
        assertArrayEquals(new int[] {0}, second.labels());
    }

    @Test
    void repairsOrSkipsBadAnnotationsAndSaysWhichAndWhy() {
        image(images().resolve("a.png"), "png", 40, 30);
        image(images().resolve("b.png"), "png", 40, 30);
        Path file = json(img(1, "a.png", 40, 30) + ", " + img(2, "b.png", 40, 30),
                ann(17, 1, 3, "30, -5, 20, 20", 0)         // past the right and top edges: clipped
                + ", " + ann(18, 1, 3, "5, 5, 0, 10", 0)    // zero width
                + ", " + ann(19, 1, 3, "50, 5, 10, 10", 0)  // wholly outside
                + ", " + ann(20, 1, 99, "1, 1, 5, 5", 0)    // category not listed
                + ", " + ann(21, 1, 18, "1, 1, 5, 5", 0)    // dog, not in the class list given
                + ", " + ann(22, 2, 3, "1, 1, 5, 5", 1));   // crowd
        DetectionDataset ds = CocoDataset.open(file, images(), List.of("cat"));
        assertEquals(2, ds.size(), "b.png keeps its place as a negative");
        assertEquals(List.of(new Box(30, 0, 40, 15)), ds.sample(0).boxes());
        assertEquals(List.of(), ds.sample(1).boxes());

        AnnotationIssues issues = ds.issues();
        assertEquals(1, issues.clippedBoxes());
        assertEquals(2, issues.degenerateBoxes());
        assertEquals(2, issues.unknownClassBoxes());
        assertEquals(1, issues.crowdBoxes());
        assertEquals(1, issues.emptyImages());
        assertEquals(List.of(
                "instances.json annotation id 17: clipped to the 40x30 image (30, -5, 50, 15) -> (30, 0, 40, 15)",
                "instances.json annotation id 18: skipped: zero area (5, 5, 5, 15)",
                "instances.json annotation id 19: skipped: (50, 5, 60, 15) lies outside the 40x30 image",
                "instances.json annotation id 20: skipped: unknown category id 99",
                "instances.json annotation id 21: skipped: unknown class 'dog'",
                "instances.json annotation id 22: skipped: crowd region (iscrowd=1)",
                "instances.json image id 2 (b.png): no boxes left, kept as an image without objects"), issues.messages());
    }

    @Test
    void aFileWithoutAnnotationsOrSizesStillOpens() {
        image(images().resolve("a.png"), "png", 12, 9);
        Path file = text(root.resolve("test.json"), "{\"images\": [{\"id\": 1, \"file_name\": \"a.png\"}], " + CATEGORIES + "}");
        DetectionDataset ds = CocoDataset.open(file, images());
        assertEquals(1, ds.size());
        assertEquals(1, ds.issues().emptyImages());
        assertEquals(12, ds.sample(0).image().width(), "size read from the image header, and it matches");
    }

    @Test
    void missingFilesAndFoldersAreNamed() {
        Path file = json(img(1, "a.png", 8, 8), "");
        ConfigException noFolder = assertThrows(ConfigException.class, () -> CocoDataset.open(file, images()));
        assertTrue(noFolder.getMessage().contains(images().toString()), noFolder.getMessage());

        image(images().resolve("other.png"), "png", 8, 8);
        ConfigException noImage = assertThrows(ConfigException.class, () -> CocoDataset.open(file, images()));
        assertTrue(noImage.getMessage().contains(images().resolve("a.png").toString()), noImage.getMessage());

        Path missing = root.resolve("nope.json");
        ConfigException noJson = assertThrows(ConfigException.class, () -> CocoDataset.open(missing, images()));
        assertTrue(noJson.getMessage().contains(missing.toString()), noJson.getMessage());
    }

    @Test
    void brokenJsonIsNamed() {
        image(images().resolve("a.png"), "png", 8, 8);
        Path truncated = text(root.resolve("bad.json"), "{\"images\": [{\"id\": 1, ");
        ConfigException e = assertThrows(ConfigException.class, () -> CocoDataset.open(truncated, images()));
        assertTrue(e.getMessage().contains(truncated.toString()) && !e.getMessage().contains("\n"), e.getMessage());

        Path noImages = text(root.resolve("noimages.json"), "{" + CATEGORIES + "}");
        ConfigException m = assertThrows(ConfigException.class, () -> CocoDataset.open(noImages, images()));
        assertTrue(m.getMessage().contains("noimages.json") && m.getMessage().contains("'images'"), m.getMessage());

        Path dangling = json(img(1, "a.png", 8, 8), ann(5, 42, 3, "1, 1, 2, 2", 0));
        ConfigException d = assertThrows(ConfigException.class, () -> CocoDataset.open(dangling, images()));
        assertTrue(d.getMessage().contains("annotation id 5") && d.getMessage().contains("image id 42"), d.getMessage());

        Path shortBox = json(img(1, "a.png", 8, 8), ann(6, 1, 3, "1, 1, 2", 0));
        ConfigException b = assertThrows(ConfigException.class, () -> CocoDataset.open(shortBox, images()));
        assertTrue(b.getMessage().contains("annotation id 6") && b.getMessage().contains("bbox"), b.getMessage());
    }

    @Test
    void anImageThatDoesNotDecodeFailsWhenSampledNamingIt() {
        DetectionFixtures.corrupt(images().resolve("bad.png"));
        Path file = json(img(1, "bad.png", 8, 8), ann(1, 1, 3, "1, 1, 2, 2", 0));
        DetectionDataset ds = CocoDataset.open(file, images());
        ConfigException e = assertThrows(ConfigException.class, () -> ds.sample(0));
        assertTrue(e.getMessage().contains("bad.png"), e.getMessage());
    }
}
