#!/usr/bin/python3
"""PyTorch-eager reference for `bench` on the demo configs (issue 11): the same network
(ResNet-18 x0.25, small stem, 1 channel, 10 classes), the same batch (64) and the same step
(student forward on the 7x7 view, frozen teacher forward on the 28x28 view for KD/ISRD,
cross-entropy + KD (+ ISRD L1), backward, SGD with momentum and weight decay), built from the
committed Fashion-MNIST slice with the demo's augmentation (pad 2 + random crop + flip, area
resize for the small view). Not used by the build, the tests or the product.

Needs Debian's python3-torch (1.13) and python3-numpy, so /usr/bin/python3 (not a pyenv or
venv python). Run from the repository root, with 1 and with 2 threads:

    /usr/bin/python3 benchmarks/torch_step_bench.py --method kd --threads 1 --steps 300

and compare its img/s with
    java -Dai.djl.offline=true -jar target/pixel-distillation-workbench.jar bench \
        --config sample-configs/demo-fashion-mnist-kd.yaml --steps 300 --warmup 30
run back to back on the same quiet machine (best of several interleaved rounds each). `bench`
chooses its threads per step and says how many it used (README, Measuring).
"""
import argparse
import math
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from idx_files import read_idx


def scaled(c, width):
    return max(8, int(round(c * width)))


class Basic(nn.Module):
    """ResNet basic unit, as the project's ResidualBlocks.basic."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return F.relu(y + (x if self.down is None else self.down(x)))


class SmallResNet18(nn.Module):
    """ResNet-18 with the small-input stem (3x3 stride 1, no max-pool) and a width multiplier."""

    def __init__(self, channels=1, classes=10, width=0.25):
        super().__init__()
        stem = scaled(64, width)
        self.conv1 = nn.Conv2d(channels, stem, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(stem)
        layers, cin = [], stem
        for i, (c, s) in enumerate(zip((64, 128, 256, 512), (1, 2, 2, 2))):
            cout = scaled(c, width)
            layers.append(nn.Sequential(Basic(cin, cout, s), Basic(cout, cout, 1)))
            cin = cout
        self.stages = nn.Sequential(*layers)
        self.fc = nn.Linear(cin, classes)

    def forward(self, x):
        f0 = self.conv1(x)  # ISRD taps the first convolution's output before BN/ReLU
        y = self.stages(F.relu(self.bn1(f0)))
        return self.fc(y.mean(dim=(2, 3))), f0


class IsrdDecoder(nn.Module):
    """1x1 conv to C*s^2, pixel shuffle by s, per-channel PReLU, crop to the large size."""

    def __init__(self, cin, channels, grid, large):
        super().__init__()
        self.s = math.ceil(large / grid)
        self.large = large
        self.conv = nn.Conv2d(cin, channels * self.s * self.s, 1, bias=False)
        self.act = nn.PReLU(channels)

    def forward(self, f0):
        y = self.act(F.pixel_shuffle(self.conv(f0), self.s))
        return y[:, :, :self.large, :self.large]


def batches(images, labels, batch, small, mean, std, gen):
    """Pad 2 + random 28x28 crop + flip (the same crop for both views), area resize to small."""
    n = images.shape[0]
    while True:
        order = torch.randperm(n, generator=gen)
        for i in range(0, n - batch + 1, batch):
            idx = order[i:i + batch]
            x = images[idx]
            x = F.pad(x, (2, 2, 2, 2))
            dy, dx = torch.randint(0, 5, (2,), generator=gen).tolist()
            x = x[:, :, dy:dy + 28, dx:dx + 28]
            if torch.rand(1, generator=gen).item() < 0.5:
                x = x.flip(3)
            large = (x - mean) / std
            small_view = (F.adaptive_avg_pool2d(x, small) - mean) / std
            yield large, small_view, labels[idx]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--method", choices=["baseline", "kd", "isrd"], default="baseline")
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--small", type=int, default=7)
    p.add_argument("--data", default="assets/fashion-mnist")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    imgs = torch.from_numpy(read_idx(a.data + "/train-images-idx3-ubyte.gz").copy()).float().div(255).unsqueeze(1)
    labs = torch.from_numpy(read_idx(a.data + "/train-labels-idx1-ubyte.gz").astype(np.int64))
    mean, std = imgs.mean().item(), imgs.std().item()
    student = SmallResNet18()
    teacher = SmallResNet18().eval() if a.method != "baseline" else None
    params = list(student.parameters())
    decoder = None
    if a.method == "isrd":
        decoder = IsrdDecoder(student.conv1.out_channels, 1, a.small, 28)
        params += list(decoder.parameters())
    opt = torch.optim.SGD(params, lr=0.01, momentum=0.9, weight_decay=5e-4)
    gen = torch.Generator().manual_seed(0)
    it = batches(imgs, labs, a.batch, a.small, mean, std, gen)
    t, alpha = 4.0, 0.9
    start, hits = None, 0
    for step in range(a.warmup + a.steps):
        if step == a.warmup:
            start = time.perf_counter()
        xl, xs, y = next(it)
        logits, f0 = student(xs)
        if teacher is None:
            loss = F.cross_entropy(logits, y)
        else:
            with torch.no_grad():
                tl, _ = teacher(xl)
            kd = F.kl_div(F.log_softmax(logits / t, 1), F.softmax(tl / t, 1), reduction="batchmean") * t * t
            loss = (1 - alpha) * F.cross_entropy(logits, y) + alpha * kd
            if decoder is not None:
                loss = loss + 50 * F.l1_loss(decoder(f0), xl)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        hits += (logits.argmax(1) == y).sum().item()  # read top-1 back every step, as training does
    seconds = time.perf_counter() - start
    print(f"torch {torch.__version__} method={a.method} threads={a.threads} steps={a.steps} seconds={seconds:.2f}")
    print(f"img/s={a.steps * a.batch / seconds:.1f}")


if __name__ == "__main__":
    main()
