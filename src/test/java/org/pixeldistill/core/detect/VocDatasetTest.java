package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pixeldistill.core.detect.DetectionFixtures.image;
import static org.pixeldistill.core.detect.DetectionFixtures.text;
import static org.pixeldistill.core.detect.DetectionFixtures.vocObject;
import static org.pixeldistill.core.detect.DetectionFixtures.vocXml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pixeldistill.core.config.ConfigException;

class VocDatasetTest {
    @TempDir Path root;

    private Path annotations() {
        return root.resolve("Annotations");
    }

    private Path images() {
        return root.resolve("JPEGImages");
    }

    /** a (40x30, a cat and a dog) and b (20x20, a dog) in train; c (a bird) only in val. */
    private void writeThreeImages() {
        image(images().resolve("a.jpg"), "jpg", 40, 30);
        image(images().resolve("b.png"), "png", 20, 20);
        image(images().resolve("c.jpg"), "jpg", 10, 10);
        text(annotations().resolve("a.xml"), vocXml("a.jpg", 40, 30,
                vocObject("dog", false, 1, 1, 10, 20), vocObject("cat", false, 21, 11, 40, 30)));
        text(annotations().resolve("b.xml"), vocXml("b.png", 20, 20, vocObject("dog", false, 5, 6, 5, 6)));
        text(annotations().resolve("c.xml"), vocXml("c.jpg", 10, 10, vocObject("bird", false, 2, 2, 8, 8)));
        text(root.resolve("ImageSets/Main/train.txt"), "a\n\nb\n");
        text(root.resolve("ImageSets/Main/val.txt"), "c\n");
    }

    @Test
    void readsTheSplitListedAndTurnsOneBasedInclusiveCornersIntoEdges() {
        writeThreeImages();
        DetectionDataset ds = VocDataset.open(root, "train");
        assertEquals("voc", ds.name());
        assertEquals(2, ds.size());
        assertEquals(List.of("cat", "dog"), ds.classNames(), "names found in the split, sorted; bird is only in val");
        assertEquals(3, ds.channels());
        assertTrue(ds.issues().isEmpty(), ds.issues().messages().toString());

        AnnotatedImage a = ds.sample(0);
        assertEquals(40, a.image().width());
        assertEquals(30, a.image().height());
        assertEquals(3, a.image().channels());
        // Pixel columns 1..10 (1-based) are the edges 0..10; the whole image is (0, 0, 40, 30).
        assertEquals(List.of(new Box(0, 0, 10, 20), new Box(20, 10, 40, 30)), a.boxes());
        assertArrayEquals(new int[] {1, 0}, a.labels());
        // A one-pixel box (xmin == xmax) is one pixel wide, not empty.
        assertEquals(List.of(new Box(4, 5, 5, 6)), ds.sample(1).boxes());
    }

    @Test
    void aGivenClassListFixesTheIndicesAndSkipsOtherClasses() {
        writeThreeImages();
        DetectionDataset ds = VocDataset.open(root, "train", List.of("dog", "horse"));
        assertEquals(List.of("dog", "horse"), ds.classNames());
        assertEquals(List.of(new Box(0, 0, 10, 20)), ds.sample(0).boxes());
        assertArrayEquals(new int[] {0}, ds.sample(0).labels());
        assertEquals(1, ds.issues().unknownClassBoxes());
        assertEquals(List.of("a.xml object 2: skipped: unknown class 'cat'"), ds.issues().messages());
    }

    @Test
    void repairsOrSkipsBadBoxesAndSaysWhereAndWhat() {
        image(images().resolve("x.jpg"), "jpg", 40, 30);
        image(images().resolve("y.jpg"), "jpg", 40, 30);
        text(annotations().resolve("x.xml"), vocXml("x.jpg", 40, 30,
                vocObject("cat", false, 1, 1, 10, 10),       // fine
                vocObject("cat", false, -4, 21, 50, 40),      // reaches past three edges: clipped
                vocObject("cat", false, 12, 5, 8, 9),         // xmax < xmin: zero area
                vocObject("cat", false, 100, 5, 120, 9),      // wholly right of the image
                vocObject("zebra", false, 1, 1, 5, 5),        // not in the class list
                vocObject("cat", true, 1, 1, 5, 5)));         // difficult
        text(annotations().resolve("y.xml"), vocXml("y.jpg", 40, 30, vocObject("cat", false, 5, 5, 4, 9)));
        DetectionDataset ds = VocDataset.open(root, "trainval", List.of("cat"));

        assertEquals(2, ds.size(), "an image left without boxes stays, as a negative");
        assertEquals(List.of(new Box(0, 0, 10, 10), new Box(0, 20, 40, 30)), ds.sample(0).boxes());
        assertEquals(List.of(), ds.sample(1).boxes());
        assertEquals(0, ds.sample(1).labels().length);

        AnnotationIssues issues = ds.issues();
        assertEquals(1, issues.clippedBoxes());
        assertEquals(3, issues.degenerateBoxes());
        assertEquals(1, issues.unknownClassBoxes());
        assertEquals(1, issues.difficultBoxes());
        assertEquals(5, issues.skippedBoxes());
        assertEquals(1, issues.emptyImages());
        List<String> m = issues.messages();
        assertTrue(m.get(0).startsWith("split list ") && m.get(0).contains("trainval.txt missing: using all 2"), m.get(0));
        assertEquals("x.xml object 2: clipped to the 40x30 image (-5, 20, 50, 40) -> (0, 20, 40, 30)", m.get(1));
        assertEquals("x.xml object 3: skipped: zero area (11, 4, 8, 9)", m.get(2));
        assertEquals("x.xml object 4: skipped: (99, 4, 120, 9) lies outside the 40x30 image", m.get(3));
        assertEquals("x.xml object 5: skipped: unknown class 'zebra'", m.get(4));
        assertEquals("x.xml object 6: skipped: difficult 'cat'", m.get(5));
        assertEquals("y.xml object 1: skipped: zero area (4, 4, 4, 9)", m.get(6));
        assertEquals("y.xml: no boxes left, kept as an image without objects", m.get(7));
        assertEquals(8, m.size());
        assertEquals("1 box clipped, 5 skipped (3 zero area, 1 unknown class, 1 difficult), 1 image without boxes",
                issues.summary());
    }

    @Test
    void keepsFiftyMessagesAndCountsTheRest() {
        image(images().resolve("m.jpg"), "jpg", 10, 10);
        String[] objects = new String[60];
        for (int k = 0; k < objects.length; k++) {
            objects[k] = vocObject("cat", false, 1, 1, 20, 5);
        }
        text(annotations().resolve("m.xml"), vocXml("m.jpg", 10, 10, objects));
        text(root.resolve("ImageSets/Main/all.txt"), "m\n");
        AnnotationIssues issues = VocDataset.open(root, "all").issues();
        assertEquals(60, issues.clippedBoxes());
        assertEquals(AnnotationIssues.MAX_MESSAGES, issues.messages().size());
        assertEquals(10, issues.omittedMessages());
        assertTrue(issues.messages().get(49).startsWith("m.xml object 50: clipped"));
    }

    @Test
    void withoutASplitListEveryAnnotationIsUsedInNameOrder() {
        writeThreeImages();
        DetectionDataset ds = VocDataset.open(root, "test");
        assertEquals(3, ds.size());
        assertEquals(List.of("bird", "cat", "dog"), ds.classNames());
        assertEquals(List.of(new Box(1, 1, 8, 8)), ds.sample(2).boxes(), "c.xml comes last");
        assertTrue(ds.issues().messages().get(0).contains("test.txt missing"));
    }

    @Test
    void readsTheSizeFromTheImageWhenTheXmlHasNone() {
        image(images().resolve("s.png"), "png", 12, 7);
        text(annotations().resolve("s.xml"), vocXml("s.png", 0, 0, vocObject("cat", false, 1, 1, 30, 30)));
        DetectionDataset ds = VocDataset.open(root, null);
        assertEquals(List.of(new Box(0, 0, 12, 7)), ds.sample(0).boxes());
    }

    @Test
    void missingFoldersAndFilesAreNamed() {
        ConfigException noRoot = assertThrows(ConfigException.class, () -> VocDataset.open(root.resolve("nope"), "train"));
        assertTrue(noRoot.getMessage().contains("nope"), noRoot.getMessage());

        image(images().resolve("a.jpg"), "jpg", 8, 8);
        ConfigException noAnn = assertThrows(ConfigException.class, () -> VocDataset.open(root, "train"));
        assertTrue(noAnn.getMessage().contains(annotations().toString()), noAnn.getMessage());

        text(annotations().resolve("a.xml"), vocXml("a.jpg", 8, 8, vocObject("cat", false, 1, 1, 4, 4)));
        text(root.resolve("ImageSets/Main/train.txt"), "a\nghost\n");
        ConfigException listed = assertThrows(ConfigException.class, () -> VocDataset.open(root, "train"));
        assertTrue(listed.getMessage().contains("ghost.xml") && listed.getMessage().contains("train.txt"), listed.getMessage());

        text(annotations().resolve("b.xml"), vocXml("b.jpg", 8, 8));
        ConfigException noImage = assertThrows(ConfigException.class, () -> VocDataset.open(root, null));
        assertTrue(noImage.getMessage().contains(images().resolve("b.jpg").toString()), noImage.getMessage());
    }

    @Test
    void aMissingImagesFolderIsNamed() throws Exception {
        text(annotations().resolve("a.xml"), vocXml("a.jpg", 8, 8));
        ConfigException e = assertThrows(ConfigException.class, () -> VocDataset.open(root, "train"));
        assertTrue(e.getMessage().contains(images().toString()), e.getMessage());
        assertFalse(Files.exists(images()));
    }

    @Test
    void brokenXmlIsNamedAndExternalEntitiesAreRefused() {
        image(images().resolve("a.jpg"), "jpg", 8, 8);
        text(annotations().resolve("a.xml"), "<annotation><filename>a.jpg</filename><object>");
        ConfigException broken = assertThrows(ConfigException.class, () -> VocDataset.open(root, null));
        assertTrue(broken.getMessage().contains(annotations().resolve("a.xml").toString()), broken.getMessage());

        Path secret = text(root.resolve("secret.txt"), "cat");
        text(annotations().resolve("a.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE annotation [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]>\n" + vocXml("a.jpg", 8, 8, vocObject("&x;", false, 1, 1, 4, 4)));
        ConfigException xxe = assertThrows(ConfigException.class, () -> VocDataset.open(root, null));
        assertTrue(xxe.getMessage().contains("a.xml") && xxe.getMessage().contains("DOCTYPE"), xxe.getMessage());

        text(annotations().resolve("a.xml"), vocXml("a.jpg", 8, 8, vocObject("cat", false, 1, 1, 4, 4))
                .replace("<xmax>4</xmax>", "<xmax>four</xmax>"));
        ConfigException nan = assertThrows(ConfigException.class, () -> VocDataset.open(root, null));
        assertTrue(nan.getMessage().contains("object 1 xmax") && nan.getMessage().contains("'four'"), nan.getMessage());
    }

    @Test
    void anImageThatDoesNotDecodeOrHasTheWrongSizeFailsOnlyWhenSampled() {
        DetectionFixtures.corrupt(images().resolve("bad.png"));
        image(images().resolve("big.jpg"), "jpg", 16, 8);
        text(annotations().resolve("bad.xml"), vocXml("bad.png", 8, 8, vocObject("cat", false, 1, 1, 4, 4)));
        text(annotations().resolve("big.xml"), vocXml("big.jpg", 8, 8, vocObject("cat", false, 1, 1, 4, 4)));
        DetectionDataset ds = VocDataset.open(root, null);
        assertEquals(2, ds.size());
        ConfigException bad = assertThrows(ConfigException.class, () -> ds.sample(0));
        assertTrue(bad.getMessage().contains("bad.png"), bad.getMessage());
        ConfigException big = assertThrows(ConfigException.class, () -> ds.sample(1));
        assertTrue(big.getMessage().contains("big.jpg") && big.getMessage().contains("16x8")
                && big.getMessage().contains("8x8"), big.getMessage());
    }
}
