#!/usr/bin/python3
"""Writes the pretrained-weight fixtures the Java tests compare against (issue 12).

Run from the repository root with Debian's python3-torch and python3-torchvision:

    /usr/bin/python3 tools/make_weight_fixtures.py            # writes the fixtures
    /usr/bin/python3 tools/make_weight_fixtures.py check-export FILE.safetensors OUT.safetensors

The first form builds small random networks under torchvision's and timm's parameter names
(timm itself is not needed: its MobileNetV2 names are torchvision's renamed, and its ViT is written
here with timm's names), saves each as safetensors, and beside it an "expected" safetensors holding
a fixed input and the eval-mode logits. The second form loads a student exported by the workbench
(its JSON sidecar beside it says which network) into the PyTorch model and writes that model's
logits for the input in the sidecar's fixture, so a Java test can check the round trip without
Python. Neither the build nor the tests run this script.
"""
import json
import math
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision.models.resnet import BasicBlock, Bottleneck, conv1x1

OUT = os.path.join("src", "test", "resources", "weights")


# ---------------------------------------------------------------- safetensors by hand
def save_safetensors(path, tensors):
    """8-byte little-endian header length, a JSON header, then raw little-endian float32 bytes."""
    header, chunks, offset = {}, [], 0
    for name, t in tensors.items():
        integer = t.dtype == torch.int64  # num_batches_tracked, as torchvision saves it
        data = np.ascontiguousarray(t.detach().cpu().numpy().astype("<i8" if integer else "<f4")).tobytes()
        header[name] = {"dtype": "I64" if integer else "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for c in chunks:
            f.write(c)


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        body = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", info
        start, end = info["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(body[start:end], dtype="<f4").copy().reshape(info["shape"]))
    return out


def state_without_counters(model):
    return {k: v for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}


def randomise_bn(model, gen):
    """Running statistics and affine terms away from 0/1 so loading them is really tested."""
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.copy_(torch.randn(m.running_mean.shape, generator=gen) * 0.1)
            m.running_var.copy_(torch.rand(m.running_var.shape, generator=gen) + 0.5)
            m.weight.data.copy_(torch.rand(m.weight.shape, generator=gen) + 0.5)
            m.bias.data.copy_(torch.randn(m.bias.shape, generator=gen) * 0.1)


# ---------------------------------------------------------------- networks
class SmallResNet(nn.Module):
    """torchvision's ResNet with its parameter names but scaled widths (the project's rule:
    max(8, round(c * width))); torchvision's own class hard-codes 64..512."""

    def __init__(self, layers, bottleneck, width, classes, in_channels=3, stem="imagenet"):
        super().__init__()
        block = Bottleneck if bottleneck else BasicBlock
        w = lambda c: max(8, int(round(c * width)))
        self.inplanes = w(64)
        if stem == "imagenet":
            self.conv1 = nn.Conv2d(in_channels, self.inplanes, 7, 2, 3, bias=False)
            self.maxpool = nn.MaxPool2d(3, 2, 1)
        else:  # the project's small-input stems: 3x3 at stride 1 ("small") or 2 ("half"), no max-pool
            self.conv1 = nn.Conv2d(in_channels, self.inplanes, 3, 1 if stem == "small" else 2, 1, bias=False)
            self.maxpool = nn.Identity()
        self.bn1 = nn.BatchNorm2d(self.inplanes)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = self._layer(block, w(64), layers[0], 1)
        self.layer2 = self._layer(block, w(128), layers[1], 2)
        self.layer3 = self._layer(block, w(256), layers[2], 2)
        self.layer4 = self._layer(block, w(512), layers[3], 2)
        self.fc = nn.Linear(self.inplanes, classes)

    def _layer(self, block, planes, blocks, stride):
        down = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            down = nn.Sequential(conv1x1(self.inplanes, planes * block.expansion, stride),
                                 nn.BatchNorm2d(planes * block.expansion))
        out = [block(self.inplanes, planes, stride, down)]
        self.inplanes = planes * block.expansion
        out += [block(self.inplanes, planes) for _ in range(1, blocks)]
        return nn.Sequential(*out)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, dim * 3)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, d = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        attn = ((q * (d // self.heads) ** -0.5) @ k.transpose(-2, -1)).softmax(-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(b, n, d))


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-6)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-6)
        self.mlp = Mlp(dim, 4 * dim)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class PatchEmbed(nn.Module):
    def __init__(self, channels, dim, patch):
        super().__init__()
        self.proj = nn.Conv2d(channels, dim, patch, patch)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class TimmViT(nn.Module):
    """timm's VisionTransformer (class token, learned absolute positions, pre-LN blocks, token
    pooling) with timm's parameter names, written out because timm is not installed here."""

    def __init__(self, dim, depth, heads, patch, image, classes, channels=3):
        super().__init__()
        grid = image // patch
        self.patch_embed = PatchEmbed(channels, dim, patch)
        self.cls_token = nn.Parameter(torch.randn(1, 1, dim) * 0.02)
        self.pos_embed = nn.Parameter(torch.randn(1, grid * grid + 1, dim) * 0.02)
        self.blocks = nn.Sequential(*[Block(dim, heads) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.head = nn.Linear(dim, classes)

    def forward(self, x):
        x = self.patch_embed(x)
        x = torch.cat([self.cls_token.expand(x.shape[0], -1, -1), x], 1) + self.pos_embed
        return self.head(self.norm(self.blocks(x))[:, 0])


def resize_positions(pos, grid):
    """The patch part of pos_embed resized bilinearly (align_corners=False) to grid x grid; the
    class token's row kept. The Java loader does the same."""
    old = int(math.isqrt(pos.shape[1] - 1))
    patches = pos[:, 1:].reshape(1, old, old, -1).permute(0, 3, 1, 2)
    patches = F.interpolate(patches, size=(grid, grid), mode="bilinear", align_corners=False)
    return torch.cat([pos[:, :1], patches.permute(0, 2, 3, 1).reshape(1, grid * grid, -1)], 1)


def timm_mobilenet_names(state):
    """torchvision's MobileNetV2 keys renamed to timm's mobilenetv2_* keys (same tensors)."""
    rows = [1, 2, 3, 4, 3, 3, 1]
    where = {}
    k = 1
    for r, n in enumerate(rows):
        for j in range(n):
            where[k] = (r, j)
            k += 1
    first = {"conv.0.0": "conv_dw", "conv.0.1": "bn1", "conv.1": "conv_pw", "conv.2": "bn2"}
    other = {"conv.0.0": "conv_pw", "conv.0.1": "bn1", "conv.1.0": "conv_dw", "conv.1.1": "bn2",
             "conv.2": "conv_pwl", "conv.3": "bn3"}
    out = {}
    for key, t in state.items():
        parts = key.split(".")
        if key.startswith("classifier.1."):
            out["classifier." + parts[-1]] = t
            continue
        idx = int(parts[1])
        rest = ".".join(parts[2:-1])
        if idx == 0:
            name = {"0": "conv_stem", "1": "bn1"}[rest]
        elif idx == 18:
            name = {"0": "conv_head", "1": "bn2"}[rest]
        else:
            r, j = where[idx]
            name = "blocks.%d.%d.%s" % (r, j, (first if r == 0 else other)[rest])
        out[name + "." + parts[-1]] = t
    return out


# ---------------------------------------------------------------- fixtures
def fixture(name, model, state, image, channels=3, extra=None):
    gen = torch.Generator().manual_seed(7)
    x = torch.randn(2, channels, image, image, generator=gen)
    model.eval()
    with torch.no_grad():
        logits = model(x)
    save_safetensors(os.path.join(OUT, name + ".safetensors"), state)
    expected = {"input": x, "logits": logits}
    expected.update(extra or {})
    save_safetensors(os.path.join(OUT, name + ".expected.safetensors"), expected)
    print(name, "logits", tuple(logits.shape))


def make_fixtures():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(1)

    resnet = SmallResNet([2, 2, 2, 2], False, 0.125, 10)
    randomise_bn(resnet, gen)
    # the full state dict, num_batches_tracked included as torchvision saves it: the loader ignores them
    fixture("resnet18_tv", resnet, dict(resnet.state_dict()), 32)

    mnv2 = torchvision.models.mobilenet_v2(width_mult=0.25, num_classes=10)
    randomise_bn(mnv2, gen)
    state = state_without_counters(mnv2)
    fixture("mobilenet_v2_tv", mnv2, state, 32)
    save_safetensors(os.path.join(OUT, "mobilenet_v2_timm.safetensors"), timm_mobilenet_names(state))

    vit = TimmViT(dim=18, depth=12, heads=3, patch=8, image=32, classes=10)
    with torch.no_grad():
        for p in vit.parameters():
            if p.dim() == 1:  # LayerNorm and biases away from 1 / 0
                p.add_(torch.randn(p.shape, generator=gen) * 0.1)
    vit_state = dict(vit.state_dict())
    # the same weights on a 48-pixel input: pos_embed resized from a 4x4 to a 6x6 grid
    bigger = TimmViT(dim=18, depth=12, heads=3, patch=8, image=48, classes=10)
    resized = dict(vit_state)
    resized["pos_embed"] = resize_positions(vit_state["pos_embed"], 6)
    bigger.load_state_dict(resized)
    x48 = torch.randn(2, 3, 48, 48, generator=torch.Generator().manual_seed(9))
    with torch.no_grad():
        logits48 = bigger.eval()(x48)
    fixture("vit_tiny_timm", vit, vit_state, 32, extra={"input48": x48, "logits48": logits48})


def check_export(weights, out):
    """Loads an exported student into the matching PyTorch model; writes its logits for a fixed input."""
    meta = json.load(open(os.path.splitext(weights)[0] + ".json"))
    state = load_safetensors(weights)
    classes, channels, size = meta["classes"], meta["channels"], meta["input_size"]
    name = meta["backbone"]
    if name in ("resnet18", "resnet34", "resnet50"):
        layers = {"resnet18": [2, 2, 2, 2], "resnet34": [3, 4, 6, 3], "resnet50": [3, 4, 6, 3]}[name]
        model = SmallResNet(layers, name == "resnet50", meta["width"], classes, channels, meta["stem"])
    elif name == "mobilenet_v2":
        model = torchvision.models.mobilenet_v2(width_mult=meta["width"], num_classes=classes)
        first = model.features[0][0]
        if meta["stem"] == "small" or channels != first.in_channels:  # the project's small stem: stride 1
            model.features[0][0] = nn.Conv2d(channels, first.out_channels, 3, 1 if meta["stem"] == "small" else 2, 1,
                                             bias=False)
        if meta["stem"] != "imagenet":  # small and half stems keep the first 24-channel row at stride 1
            model.features[2].conv[1][0].stride = (1, 1)
    elif name in ("vit_tiny", "vit_small"):
        dim = state["pos_embed"].shape[2]
        model = TimmViT(dim=dim, depth=12, heads=3 if name == "vit_tiny" else 6, patch=meta["patch_size"],
                        image=size, classes=classes, channels=channels)
    else:
        raise SystemExit("check-export does not know " + name)
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if not m.endswith("num_batches_tracked")]
    assert not missing and not unexpected, (missing, unexpected)
    x = torch.randn(2, channels, size, size, generator=torch.Generator().manual_seed(11))
    with torch.no_grad():
        logits = model.eval()(x)
    save_safetensors(out, {"input": x, "logits": logits})
    print("wrote", out, tuple(logits.shape))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "check-export":
        check_export(sys.argv[2], sys.argv[3])
    else:
        make_fixtures()
