"""Render the tool's publishable HTML pages in headless Chromium (Debian's
`chromium`) to PNG and fail on a blank page, a console message or a
reference to anything outside the page: the monthly bulletin (Chinese and
English) with its inline SVG chart, the JM-2.1 disclosure list and the YL
ledger. Skipped only when Chromium is not installed (CI installs it)."""
import os
import re
import shutil
import struct
import subprocess
import unittest
import zlib

from toolbase import ToolCase
from test_records import DISCLOSURE, LEDGER

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--enable-logging=stderr", "--v=0"]


def png_pixels(path):
    """Decode an 8-bit, non-interlaced RGB or RGBA PNG into (width, height, rows of RGB tuples)."""
    with open(path, "rb") as fh:
        data = fh.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, ctype, _, _, interlace = ihdr
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})")
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, rows, off = bytearray(stride), [], 0
    for _ in range(height):
        ftype, line = raw[off], bytearray(raw[off + 1:off + 1 + stride])
        off += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


@unittest.skipUnless(CHROMIUM, "Debian's chromium is not installed")
class RenderTest(ToolCase):
    def test_a_cjk_font_is_installed(self):
        # Without one, every Chinese character of the bulletin renders as a box: the page is not
        # blank, but nobody can read it (Debian: fonts-wqy-microhei, or fonts-noto-cjk).
        fc = shutil.which("fc-list")
        self.assertIsNotNone(fc, "fontconfig's fc-list is missing")
        fonts = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True).stdout.strip()
        self.assertTrue(fonts, "no font with Chinese glyphs: install fonts-wqy-microhei")

    def render(self, html_path, width=1000, height=1400):
        png = html_path + ".png"
        with open(html_path, encoding="utf-8") as fh:
            page = fh.read()
        # Self-contained: no scripts, no external resources of any kind.
        self.assertNotIn("<script", page)
        self.assertIsNone(re.search(r"""(?:src|href)\s*=|url\(|@import""", page), "external reference in " + html_path)
        proc = subprocess.run([CHROMIUM, *FLAGS, "--user-data-dir=" + self.path("chromium-profile"),
                               f"--window-size={width},{height}", "--screenshot=" + png, "file://" + html_path],
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr[-2000:])
        console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
        self.assertEqual(console, [], "console messages while rendering " + html_path)
        self.assertTrue(os.path.exists(png), proc.stderr[-2000:])
        w, h, rows = png_pixels(png)
        self.assertEqual((w, h), (width, height))
        pixels = [p for row in rows for p in row]
        dark = sum(1 for p in pixels if max(p) < 100)
        colours = set(pixels)
        # Not blank: text drawn (dark pixels) and more than a couple of colours (antialiasing, table rules).
        self.assertGreater(dark, 2000, "page looks blank: " + html_path)
        self.assertGreater(len(colours), 20, "page looks blank: " + html_path)
        return pixels

    def near(self, pixels, rgb, tol=12):
        return sum(1 for p in pixels if all(abs(p[k] - rgb[k]) <= tol for k in range(3)))

    def test_bulletin_renders_with_its_chart(self):
        out = self.run_tool("demo").stdout
        page = out.strip().splitlines()[-1].split("：", 1)[1]
        pixels = self.render(page)
        # The inline SVG chart: green bars for improvement (#5cb85c) and a red one for 木垒's −4.0 % (#d9534f).
        self.assertGreater(self.near(pixels, (0x5c, 0xb8, 0x5c)), 500)
        self.assertGreater(self.near(pixels, (0xd9, 0x53, 0x4f)), 100)
        # The same workspace in English.
        db = re.search(r"工作库 (\S+)", out).group(1)
        en = self.path("bulletin-en.html")
        subprocess.run([os.environ["ECOGRID_TOOL"], "--db", db, "--lang", "en", "report", "2026-10", "--format", "html",
                        "--output", en], check=True)
        self.render(en)
        shutil.rmtree(os.path.dirname(db), ignore_errors=True)

    def test_disclosure_list_and_ledger_render(self):
        self.run_tool("init")
        self.run_tool("disclose", "import", self.write("d.csv", DISCLOSURE))
        self.run_tool("ledger", "import", self.write("l.csv", LEDGER))
        for args, name in ((("disclose", "list", "--format", "html"), "list.html"),
                           (("--lang", "en", "disclose", "list", "--format", "html"), "list-en.html"),
                           (("ledger", "status", "2026-04-01", "--format", "html"), "ledger.html")):
            with self.subTest(page=name):
                self.run_tool(*args, "--output", self.path(name))
                self.render(self.path(name), height=700)


if __name__ == "__main__":
    unittest.main()
