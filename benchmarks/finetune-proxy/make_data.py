#!/usr/bin/python3
"""Data for the fine-tuning proxy (README, "Pretrained weights"): two image-folder data sets cut
from Debian's full Fashion-MNIST (package dataset-fashion-mnist), disjoint in images.

  data/source: the 10 classes, training images 0-9,999, test images 0-1,999 (the "pretraining")
  data/target: 5 coarser classes (top, trouser, dress, shoe, bag), training images 50,000-51,999,
               test images 5,000-6,999: a new task for the same features, so the head is new

Needs numpy and PIL (Debian's python3-numpy, python3-pil); not used by the build or the tests.
Run from this folder:  /usr/bin/python3 make_data.py
"""
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from idx_files import read_idx  # noqa: E402 (the shared reader one folder up)

SOURCE = "/usr/share/datasets/fashion-mnist"
NAMES = ["tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot"]
COARSE = {0: "top", 2: "top", 4: "top", 6: "top", 1: "trouser", 3: "dress", 5: "shoe", 7: "shoe", 9: "shoe", 8: "bag"}


def write(root, split, images, labels, name_of):
    for i, (image, label) in enumerate(zip(images, labels)):
        folder = os.path.join(root, split, name_of(int(label)))
        os.makedirs(folder, exist_ok=True)
        Image.fromarray(image).convert("RGB").save(os.path.join(folder, f"{i:05d}.png"))


def main():
    train_x = read_idx(SOURCE + "/train-images-idx3-ubyte.gz")
    train_y = read_idx(SOURCE + "/train-labels-idx1-ubyte.gz")
    test_x = read_idx(SOURCE + "/t10k-images-idx3-ubyte.gz")
    test_y = read_idx(SOURCE + "/t10k-labels-idx1-ubyte.gz")
    write("data/source", "train", train_x[:10000], train_y[:10000], lambda y: NAMES[y])
    write("data/source", "test", test_x[:2000], test_y[:2000], lambda y: NAMES[y])
    write("data/target", "train", train_x[50000:52000], train_y[50000:52000], lambda y: COARSE[y])
    write("data/target", "test", test_x[5000:7000], test_y[5000:7000], lambda y: COARSE[y])


if __name__ == "__main__":
    main()
