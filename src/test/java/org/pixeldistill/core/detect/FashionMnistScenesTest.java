package org.pixeldistill.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pixeldistill.core.data.FashionMnist;

class FashionMnistScenesTest {
    private static final Path DEMO = Path.of("assets/fashion-mnist");
    private static final FashionMnistScenes.Settings SETTINGS = FashionMnistScenes.Settings.forCanvas(112);
    private static final int SCENES = 40;
    private static FashionMnist trainItems;
    private static FashionMnist testItems;

    @BeforeAll
    static void loadSlice() {
        trainItems = FashionMnist.load(DEMO, true);
        testItems = FashionMnist.load(DEMO, false);
    }

    @Test
    void defaultSettingsScaleWithTheCanvas() {
        assertEquals(new FashionMnistScenes.Settings(112, 4, 16, 56, 0.1f, 0.1f), SETTINGS);
        assertEquals(8, FashionMnistScenes.Settings.forCanvas(56).minSide());
        assertEquals(28, FashionMnistScenes.Settings.forCanvas(56).maxSide());
    }

    @Test
    void theSameSeedAndIndexGiveTheSameScene() {
        FashionMnistScenes a = new FashionMnistScenes(trainItems, SCENES, 7, SETTINGS);
        FashionMnistScenes b = new FashionMnistScenes(trainItems, SCENES, 7, SETTINGS);
        AnnotatedImage first = a.sample(5);
        AnnotatedImage again = b.sample(5);
        assertArrayEquals(first.image().pixels(), again.image().pixels());
        assertEquals(first.boxes(), again.boxes());
        assertArrayEquals(first.labels(), again.labels());
        assertArrayEquals(first.image().pixels(), a.sample(5).image().pixels(), "a second call on the same set");

        FashionMnistScenes otherSeed = new FashionMnistScenes(trainItems, SCENES, 8, SETTINGS);
        assertNotEquals(first.boxes(), otherSeed.sample(5).boxes());
        assertNotEquals(first.boxes(), a.sample(6).boxes());
    }

    @Test
    void scenesHoldOneToFourItemsOfTheRightSizesAndClassesApartFromEachOther() {
        FashionMnistScenes scenes = new FashionMnistScenes(trainItems, SCENES, 3, SETTINGS);
        assertEquals(SCENES, scenes.size());
        assertEquals(FashionMnist.CLASS_NAMES, scenes.classNames());
        assertEquals(1, scenes.channels());
        assertTrue(scenes.issues().isEmpty());
        int minCount = Integer.MAX_VALUE;
        int maxCount = 0;
        int minSide = Integer.MAX_VALUE;
        int maxSide = 0;
        for (int i = 0; i < SCENES; i++) {
            List<PlacedItem> items = scenes.layout(i);
            AnnotatedImage s = scenes.sample(i);
            assertEquals(112, s.image().width());
            assertEquals(112, s.image().height());
            assertEquals(1, s.image().channels());
            assertEquals(items.stream().map(PlacedItem::box).toList(), s.boxes());
            minCount = Math.min(minCount, items.size());
            maxCount = Math.max(maxCount, items.size());
            for (int k = 0; k < items.size(); k++) {
                PlacedItem item = items.get(k);
                minSide = Math.min(minSide, item.side());
                maxSide = Math.max(maxSide, item.side());
                assertTrue(item.side() >= 16 && item.side() <= 56, "side " + item.side());
                assertTrue(item.x() >= 0 && item.y() >= 0 && item.x() + item.side() <= 112 && item.y() + item.side() <= 112);
                assertEquals(trainItems.label(item.sourceIndex()), s.labels()[k]);
                for (int j = 0; j < k; j++) {
                    assertTrue(item.box().iou(items.get(j).box()) <= 0.1f, "scene " + i + " items " + j + " and " + k);
                }
            }
        }
        assertTrue(minCount >= 1 && maxCount <= 4, minCount + ".." + maxCount);
        assertTrue(minCount == 1 && maxCount >= 3, "40 scenes should show both sparse and busy ones: " + minCount + ".." + maxCount);
        assertTrue(minSide < 24 && maxSide > 48, "sides drawn over the range: " + minSide + ".." + maxSide);
    }

    @Test
    void boxesAreTightAroundEachItemsVisiblePixels() {
        FashionMnistScenes scenes = new FashionMnistScenes(trainItems, SCENES, 11, SETTINGS);
        float t = SETTINGS.threshold();
        int items = 0;
        int smallerThanSquare = 0;
        for (int i = 0; i < SCENES; i++) {
            float[] canvas = scenes.sample(i).image().pixels();
            for (PlacedItem item : scenes.layout(i)) {
                Box box = item.box();
                boolean top = false;
                boolean bottom = false;
                boolean left = false;
                boolean right = false;
                for (int y = 0; y < item.side(); y++) {
                    for (int x = 0; x < item.side(); x++) {
                        float v = item.pixels()[y * item.side() + x];
                        int cx = item.x() + x;
                        int cy = item.y() + y;
                        boolean inside = cx >= box.x0() && cx < box.x1() && cy >= box.y0() && cy < box.y1();
                        if (v > t) {
                            assertTrue(inside, "scene " + i + ": item pixel (" + cx + ", " + cy + ") outside its box " + box);
                            assertTrue(canvas[cy * 112 + cx] >= v, "composited with max()");
                            top |= cy == box.y0();
                            bottom |= cy == box.y1() - 1;
                            left |= cx == box.x0();
                            right |= cx == box.x1() - 1;
                        }
                    }
                }
                assertTrue(top && bottom && left && right, "scene " + i + ": every edge of " + box + " touches the item");
                items++;
                smallerThanSquare += box.area() < item.side() * item.side() ? 1 : 0;
            }
        }
        // Trousers, shoes and bags leave empty margins in their 28x28 square; the box excludes them.
        assertTrue(smallerThanSquare > items / 2, smallerThanSquare + " of " + items + " boxes smaller than their square");
    }

    @Test
    void theBackgroundIsClutteredOutsideTheBoxes() {
        FashionMnistScenes scenes = new FashionMnistScenes(trainItems, 10, 5, SETTINGS);
        int scenesWithClutter = 0;
        for (int i = 0; i < 10; i++) {
            AnnotatedImage s = scenes.sample(i);
            int bright = 0;
            int nonZero = 0;
            for (int y = 0; y < 112; y++) {
                for (int x = 0; x < 112; x++) {
                    boolean inBox = false;
                    for (Box b : s.boxes()) {
                        inBox |= x >= b.x0() && x < b.x1() && y >= b.y0() && y < b.y1();
                    }
                    float v = s.image().pixels()[y * 112 + x];
                    if (!inBox && v > 0.2f) {
                        bright++;
                    }
                    if (!inBox && v > 0f) {
                        nonZero++;
                    }
                }
            }
            assertTrue(nonZero > 0, "background noise");
            scenesWithClutter += bright > 10 ? 1 : 0;
        }
        assertTrue(scenesWithClutter >= 8, "strokes or blobs outside the boxes in " + scenesWithClutter + " of 10 scenes");
    }

    @Test
    void trainScenesUseTrainImagesAndTestScenesTestImages() {
        FashionMnistScenes train = FashionMnistScenes.open(DEMO, true, 20, 1, SETTINGS);
        FashionMnistScenes test = FashionMnistScenes.open(DEMO, false, 20, 1, SETTINGS);
        boolean beyondTestSize = false;
        for (int i = 0; i < 20; i++) {
            for (PlacedItem item : test.layout(i)) {
                assertTrue(item.sourceIndex() < testItems.size());
                assertEquals(testItems.label(item.sourceIndex()), item.label());
            }
            for (PlacedItem item : train.layout(i)) {
                assertEquals(trainItems.label(item.sourceIndex()), item.label());
                beyondTestSize |= item.sourceIndex() >= testItems.size();
            }
        }
        assertTrue(beyondTestSize, "train scenes draw from all 10,000 train images");
        assertFalse(train.sample(0).boxes().equals(test.sample(0).boxes()), "the split is part of the seed");
    }
}
