# Golden outputs for PilResampleTest, from Pillow itself (python3 pil_golden.py; Pillow 12.3.0, numpy 2.4.6).
# Each case: a synthetic RGB image (formula below, as in PilResampleTest.pattern) prepared the way SmilingWolf's
# wd-tagger app.py prepare_image does (white centred pad to a square, then BICUBIC resize), or squashed with BILINEAR
# (RAM++ / torchvision Resize on a PIL image). One line per case: name, then the output bytes in hex (RGB, row-major).
import numpy as np
from PIL import Image

def pattern(w, h):
    a = np.zeros((h, w, 3), dtype=np.uint8)
    for y in range(h):
        for x in range(w):
            a[y, x] = ((x * 37 + y * 11) % 256, (x * x + 3 * y) % 256, (x * y * 7 + 50) % 256)
    return Image.fromarray(a, "RGB")

def wd(w, h, size):
    image = pattern(w, h)
    side = max(w, h)
    padded = Image.new("RGB", (side, side), (255, 255, 255))
    padded.paste(image, ((side - w) // 2, (side - h) // 2))
    if side != size:
        padded = padded.resize((size, size), Image.BICUBIC)
    return padded

def squash(w, h, ow, oh):
    return pattern(w, h).resize((ow, oh), Image.BILINEAR)

cases = {
    "wd_37x23_to_16": wd(37, 23, 16),
    "wd_11x7_to_16": wd(11, 7, 16),
    "wd_20x31_to_9": wd(20, 31, 9),
    "wd_16x16_to_16": wd(16, 16, 16),
    # tall and wide enough that whole output columns (rows) take every tap from the white padding
    "wd_8x60_to_16": wd(8, 60, 16),
    "wd_60x8_to_16": wd(60, 8, 16),
    "bilinear_37x23_to_12x10": squash(37, 23, 12, 10),
    "bilinear_5x4_to_12x10": squash(5, 4, 12, 10),
}
with open("pil_golden.txt", "w") as f:
    for name, img in cases.items():
        f.write(name + " " + np.asarray(img, dtype=np.uint8).tobytes().hex() + "\n")
