"""Colour arithmetic for legibility, without Qt: WCAG contrast ratios and simulated colour-vision deficiency.

The themes are plain data (theme.py); this module lets a test hold them to WCAG 2.x level AA (4.5:1 for
text, 3:1 for the marks a reader needs to see an event) and check that the tag colours stay apart for readers
with a red-green or blue-yellow deficiency. Deficiencies are simulated with Machado, Oliveira and Fernandes
(2009) at full severity, applied to linear RGB as the paper prescribes; how far apart two colours look is
CIE ΔE 2000 in CIELAB (D65).
"""

from __future__ import annotations

import enum
import math

import numpy as np

RGB = tuple[float, float, float]

#: WCAG 2.x level AA: normal text, and graphical objects (marks) and user-interface components.
TEXT_AA = 4.5
MARK_AA = 3.0
#: Two tag colours farther apart than this (CIEDE2000) are told apart at a glance.
DISTINCT_DELTA_E = 10.0


class Deficiency(enum.Enum):
    """The common colour-vision deficiencies, simulated at full severity (dichromacy)."""

    PROTANOPIA = "protanopia"
    DEUTERANOPIA = "deuteranopia"
    TRITANOPIA = "tritanopia"


# Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model for Simulation of Color Vision
# Deficiency", severity 1.0; they act on linear RGB.
_MACHADO: dict[Deficiency, np.ndarray] = {
    Deficiency.PROTANOPIA: np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    Deficiency.DEUTERANOPIA: np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
    Deficiency.TRITANOPIA: np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
    ),
}


def rgb(name: str) -> RGB:
    """'#RRGGBB' as three floats in [0, 1]."""
    text = name.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {name!r}")
    return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)


def hex_of(colour: RGB) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in colour)


def mix(over: str, under: str, amount: float) -> str:
    """`amount` of `over` laid on `under`, as one opaque colour (what a translucent fill looks like)."""
    a, b = rgb(over), rgb(under)
    return hex_of(tuple(x * amount + y * (1 - amount) for x, y in zip(a, b, strict=True)))  # type: ignore[arg-type]


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _encoded(channel: float) -> float:
    channel = min(max(channel, 0.0), 1.0)
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def luminance(name: str) -> float:
    """WCAG relative luminance of an sRGB colour."""
    r, g, b = (_linear(c) for c in rgb(name))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def simulate(name: str, deficiency: Deficiency) -> str:
    """How `name` looks to a reader with `deficiency` (Machado 2009, full severity)."""
    linear = np.array([_linear(c) for c in rgb(name)])
    seen = _MACHADO[deficiency] @ linear
    return hex_of(tuple(_encoded(float(c)) for c in seen))  # type: ignore[arg-type]


def lab(name: str) -> RGB:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = (_linear(c) for c in rgb(name))
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e(a: str, b: str) -> float:
    """CIEDE2000 colour difference of two sRGB colours (about 2.3 is just noticeable)."""
    return delta_e_lab(lab(a), lab(b))


def delta_e_lab(first: RGB, second: RGB) -> float:
    """CIEDE2000 (Sharma, Wu and Dalal 2005) of two CIELAB colours."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    c_bar = (c1 + c2) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dlp, dcp = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    else:
        dhp = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dhp_big = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    lbp, cbp = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbp = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbp = (h1p + h2p) / 2
    else:
        hbp = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hbp - 30)) + 0.24 * math.cos(math.radians(2 * hbp))
         + 0.32 * math.cos(math.radians(3 * hbp + 6)) - 0.20 * math.cos(math.radians(4 * hbp - 63)))  # fmt: skip
    d_theta = 30 * math.exp(-(((hbp - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbp**7 / (cbp**7 + 25**7))
    sl = 1 + 0.015 * (lbp - 50) ** 2 / math.sqrt(20 + (lbp - 50) ** 2)
    sc = 1 + 0.045 * cbp
    sh = 1 + 0.015 * cbp * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dlp / sl) ** 2 + (dcp / sc) ** 2 + (dhp_big / sh) ** 2 + rt * (dcp / sc) * (dhp_big / sh))


def closest_pair(colours: tuple[str, ...], deficiency: Deficiency | None = None) -> tuple[float, int, int]:
    """(ΔE, i, j) of the two colours that look most alike, as seen with `deficiency` (None: normal vision)."""
    seen = [c if deficiency is None else simulate(c, deficiency) for c in colours]
    best = (math.inf, -1, -1)
    for i in range(len(seen)):
        for j in range(i + 1, len(seen)):
            d = delta_e(seen[i], seen[j])
            if d < best[0]:
                best = (d, i, j)
    return best
