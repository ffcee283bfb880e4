"""Reads the IDX files Fashion-MNIST comes in (gzip-compressed); shared by the benchmark scripts."""
import gzip

import numpy as np


def read_idx(path):
    """The array in a gzip-compressed IDX file (uint8 images or labels)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
