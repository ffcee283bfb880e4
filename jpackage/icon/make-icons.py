#!/usr/bin/env python3
"""Draws the program's icon (no image library needed): a Fashion-MNIST-like T-shirt as large
pixels, and beside it the same shirt at a quarter of the resolution, which is what pixel
distillation is about. Writes icon.png (256x256, Linux), icon.ico (Windows) and icon.icns (macOS),
the three formats jpackage takes. Run: python3 jpackage/icon/make-icons.py"""
import os
import struct
import zlib

SIZE = 256
SHIRT = [  # 16x16, 0 = background, 1..9 = grey level of the garment
    "................",
    "....66....66....",
    "..777788887777..",
    ".7888888888888 7",
    "78889999999988877",
    "7888999999998887",
    ".77.89999998.77.",
    "....89999998....",
    "....89999998....",
    "....89999998....",
    "....89999998....",
    "....89999998....",
    "....88999988....",
    "....78888887....",
    "....77777777....",
    "................",
]


def shirt_levels():
    grid = []
    for row in SHIRT:
        row = (row.replace(" ", "8") + "................")[:16]
        grid.append([0 if c == "." else int(c) for c in row])
    return grid


def quarter(grid):
    """Mean of each 4x4 block: the student's 4x4 view of the 16x16 image."""
    out = []
    for by in range(4):
        out.append([sum(grid[by * 4 + y][bx * 4 + x] for y in range(4) for x in range(4)) / 16.0
                    for bx in range(4)])
    return out


def draw():
    bg_top, bg_bottom = (24, 44, 84), (14, 24, 48)
    px = [[None] * SIZE for _ in range(SIZE)]
    for y in range(SIZE):
        t = y / (SIZE - 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(bg_top, bg_bottom))
        for x in range(SIZE):
            # rounded corners: transparent outside a radius-36 square
            r = 36
            cx = min(max(x, r), SIZE - 1 - r)
            cy = min(max(y, r), SIZE - 1 - r)
            inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r
            px[y][x] = colour + (255,) if inside else (0, 0, 0, 0)
    grid = shirt_levels()
    # the teacher's view: 16x16 cells of 10 px, top left
    cell, ox, oy = 10, 22, 22
    for gy in range(16):
        for gx in range(16):
            v = grid[gy][gx]
            if v:
                g = 90 + v * 18
                for y in range(oy + gy * cell, oy + gy * cell + cell - 1):
                    for x in range(ox + gx * cell, ox + gx * cell + cell - 1):
                        px[y][x] = (g, g, g, 255)
    # the student's view: 4x4 cells of 22 px in orange, bottom right
    small = quarter(grid)
    cell, ox, oy = 22, 150, 150
    for gy in range(4):
        for gx in range(4):
            v = small[gy][gx] / 9.0
            colour = (int(60 + 195 * v), int(40 + 120 * v), int(20 + 20 * v), 255)
            for y in range(oy + gy * cell, oy + gy * cell + cell - 2):
                for x in range(ox + gx * cell, ox + gx * cell + cell - 2):
                    px[y][x] = colour
    return px


def png(px):
    raw = b"".join(b"\x00" + bytes(c for p in row for c in p) for row in px)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", len(px[0]), len(px), 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(png_bytes):
    """One 256x256 image stored as PNG (Windows Vista and later read that)."""
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(png_bytes), 22) + png_bytes


def icns(png_bytes):
    """One 256x256 PNG as the 'ic08' element."""
    element = b"ic08" + struct.pack(">I", len(png_bytes) + 8) + png_bytes
    return b"icns" + struct.pack(">I", len(element) + 8) + element


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = png(draw())
    for name, content in (("icon.png", data), ("icon.ico", ico(data)), ("icon.icns", icns(data))):
        with open(os.path.join(here, name), "wb") as f:
            f.write(content)
    print("wrote icon.png, icon.ico, icon.icns in", here)


if __name__ == "__main__":
    main()
