package org.pixeldistill.core.detect;

/**
 * One item of a generated scene: its scaled pixels ({@code channels x side x side}), where its
 * top-left corner sits on the canvas, its tight box in canvas pixels, its class and the index of
 * the source image it was made from.
 */
record PlacedItem(float[] pixels, int side, int x, int y, Box box, int label, int sourceIndex) {}
