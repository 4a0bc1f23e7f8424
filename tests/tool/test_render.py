"""Render the tool's publishable HTML pages in headless Chromium (Debian's
`chromium`) to PNG and fail on a blank page, a console message or a
reference to anything outside the page: the monthly bulletin (Chinese and
English) with its inline SVG chart, at desktop and phone widths and printed
to PDF (`report --format pdf`, A4, page numbers; its pages rasterised with
poppler's pdftoppm), the JM-2.1 disclosure list and the YL ledger. Skipped
only when Chromium (or, for the PDF's pages, poppler-utils) is not
installed; CI installs both. The screenshots stay in ECOGRID_SCREENSHOTS
when that names a directory.

BulletinTextTest needs no browser: the bulletin names its issuing office,
document number and date (`ecogrid config`) and cites no internal rule ID
in its text (IDs are tooltips only), one entry per unit and ladder."""
import html
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
PDFTOPPM = shutil.which("pdftoppm")
OFFICE, NUMBER = "昌吉回族自治州生态环境局", "昌州环网办〔2026〕12号"
# A rule-catalogue ID (CJ-A2-5.4, JM-2.2, DG-65, YL-2, CJ-G.6) or a general reading (R0.4).
RULE_ID = re.compile(r"\b(?:(?:CJ|JM|DG|YL)-[A-Z0-9]|R0\.\d)")


def demo_workspace(case):
    """The demo's six months in a workspace of the test directory, with the bulletin's settings."""
    out = case.run_tool("demo", "--keep").stdout  # --keep: the workspace stays
    db = re.search(r"工作库 (\S+)", out).group(1)
    shutil.copy(db, case.db)
    shutil.rmtree(os.path.dirname(db), ignore_errors=True)
    case.run_tool("config", "set", "office", OFFICE)
    case.run_tool("config", "set", "number", NUMBER)
    case.run_tool("config", "set", "date", "2026-11-05")


def body_text(page):
    """What a reader sees: the <body> without tags and attributes (tooltips), entities decoded."""
    body = page.split("<body>", 1)[1]
    body = re.sub(r"<title\b.*?</title>|<desc\b.*?</desc>", " ", body, flags=re.S)  # the chart's own text alternatives
    return html.unescape(re.sub(r"<[^>]*>", " ", body))


class BulletinTextTest(ToolCase):
    def test_office_number_date_and_no_internal_ids(self):
        demo_workspace(self)
        for lang, date, heads in (("zh", "2026年11月5日", ("一、考核结果", "二、问责与通报", "附件：触发的全部问责条款")),
                                  ("en", "5 November 2026", ("1. Assessment results", "2. Escalations",
                                                             "Appendix: every escalation clause"))):
            with self.subTest(lang=lang):
                page = self.run_tool("report", "2026-10", "--format", "html", lang=lang).stdout
                text = body_text(page)
                for needle in (OFFICE, NUMBER, date, *heads):
                    self.assertIn(needle, text)
                self.assertIsNone(RULE_ID.search(text), RULE_ID.search(text) and text[RULE_ID.search(text).start() - 80:][:160])
                # The public citation in the text, the rule ID as its tooltip only.
                self.assertIn('<span class="cite" title="CJ-A2-5.4">', page)
                self.assertIn("附件2 第五条(二)4", text)
                self.assertIn("《昌吉州网格化环境监管工作实施方案(试行)》", text)
                # The chart has a title and a text alternative naming every ranked unit's rate.
                self.assertRegex(page, r'<svg [^>]*role="img" aria-labelledby="chart-title chart-desc"')
                desc = re.search(r"<desc id=\"chart-desc\">(.*?)</desc>", page, re.S).group(1)
                self.assertIn("-4.0%", desc)
                self.assertEqual(desc.count("%"), 7)  # 7 ranked units; 准东 has no station
        page = self.run_tool("report", "2026-10", "--format", "html").stdout
        main, appendix = body_text(page).split("附件：触发的全部问责条款")
        escal = main.split("二、问责与通报")[1].split("三、")[0]
        # 奇台县: 20/36 = 55.6 % of the problems in 2026-10, 18/35 and 20/35 before: five clauses fired (CJ-A2-7.3);
        # one entry with the strongest action (accountability), its two grounds; all five in the appendix.
        self.assertEqual(escal.count("奇台县"), 1)
        self.assertIn("奇台县 ：提出问责建议", re.sub(r"\s+", " ", escal))
        self.assertEqual(escal.count("→ 提出问责建议"), 2)
        self.assertNotIn("→ 通报批评", escal)
        self.assertEqual(appendix.count("→"), 2 + 5 + 2)  # 昌吉市 2 clauses, 奇台县 5, 木垒 2 (CJ-A3-4)
        # Per unit the reasons of its points: 奇台县 lost 20 points on item 4 (20 problems × 1).
        row = re.search(r"<tr><td>奇台县</td>.*?</tr>", page, re.S).group(0)
        self.assertIn("20 起 × 1 分 = 扣 20 分，40 − 20 = 20 分", html.unescape(row))
        self.assertNotIn("第1项", row)  # items at full points are not listed
        # Without settings: no office, and the date is the day the bulletin is made.
        self.run_tool("config", "unset", "office")
        self.assertNotIn(OFFICE, self.run_tool("report", "2026-10", "--format", "html").stdout)

    def test_pdf_needs_an_output_and_a_browser(self):
        demo_workspace(self)
        for lang, needle in (("en", "report: --format pdf needs --output FILE.pdf"),
                             ("zh", "report：--format pdf 须用 --output 文件.pdf 指定输出文件")):
            self.assertIn(needle, self.run_tool("report", "2026-10", "--format", "pdf", expect=1, lang=lang).stderr)
        out = self.path("b.pdf")
        for lang, needle in (("en", "was not found (Debian: apt-get install chromium; or set ECOGRID_CHROMIUM)"),
                             ("zh", "但找不到 no-such-browser（Debian：apt-get install chromium；或设置 ECOGRID_CHROMIUM）")):
            err = self.run_tool("report", "2026-10", "--format", "pdf", "--output", out, expect=1, lang=lang,
                                env={"ECOGRID_CHROMIUM": "no-such-browser"}).stderr
            self.assertIn(needle, err)
            self.assertFalse(os.path.exists(out))


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

    def keep(self, png):
        """Copy a screenshot to ECOGRID_SCREENSHOTS (when set) for a person to look at."""
        where = os.environ.get("ECOGRID_SCREENSHOTS")
        if where and os.path.isdir(where):
            shutil.copy(png, where)

    def test_bulletin_at_desktop_and_phone_widths_and_printed(self):
        demo_workspace(self)
        page = self.path("bulletin.html")
        self.run_tool("report", "2026-10", "--format", "html", "--output", page)
        for name, (width, height) in (("desktop", (1280, 1800)), ("phone", (390, 2400))):
            with self.subTest(screen=name):
                shot = self.path(f"bulletin-{name}.html")
                shutil.copy(page, shot)
                pixels = self.render(shot, width=width, height=height)
                self.assertGreater(self.near(pixels, (0x5c, 0xb8, 0x5c)), 200)  # the chart's green bars
                self.assertGreater(self.near(pixels, (0xbb, 0x00, 0x00), tol=30), 200)  # the office's red head
                self.keep(shot + ".png")
        pdf = self.path("bulletin.pdf")
        self.run_tool("report", "2026-10", "--format", "pdf", "--output", pdf)
        with open(pdf, "rb") as fh:
            data = fh.read()
        self.assertTrue(data.startswith(b"%PDF-"), data[:20])
        if not PDFTOPPM:
            self.skipTest("poppler-utils (pdftoppm) is not installed: the PDF's pages are not rasterised")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        self.assertRegex(info, r"Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)")
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        self.assertGreaterEqual(pages, 2)  # the appendix starts a page of its own
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
        self.assertIn(OFFICE, text)
        self.assertIn(f"1/{pages}", text.replace(" ", ""))  # page numbers at the foot (print CSS)
        self.assertIsNone(RULE_ID.search(text))
        subprocess.run([PDFTOPPM, "-r", "60", "-png", "-f", "1", "-l", "1", pdf, self.path("page")], check=True)
        png = [p for p in os.listdir(self.dir.name) if p.startswith("page") and p.endswith(".png")]
        self.assertEqual(len(png), 1)
        w, h, rows = png_pixels(self.path(png[0]))
        self.assertLess(abs(w / h - 210 / 297), 0.01)  # A4 portrait
        pixels = [p for row in rows for p in row]
        self.assertGreater(sum(1 for p in pixels if max(p) < 100), 1000, "the PDF's first page looks blank")
        self.keep(self.path(png[0]))

    def near(self, pixels, rgb, tol=12):
        return sum(1 for p in pixels if all(abs(p[k] - rgb[k]) <= tol for k in range(3)))

    def test_bulletin_renders_with_its_chart(self):
        out = self.run_tool("demo").stdout
        page = out.strip().splitlines()[-1].split("：", 1)[1]
        pixels = self.render(page, height=2200)  # the chart is the bulletin's third part
        # The inline SVG chart: green bars for improvement (#5cb85c) and a red one for 木垒's −4.0 % (#d9534f).
        self.assertGreater(self.near(pixels, (0x5c, 0xb8, 0x5c)), 500)
        self.assertGreater(self.near(pixels, (0xd9, 0x53, 0x4f)), 100)
        shutil.rmtree(os.path.dirname(page), ignore_errors=True)
        # The same in English (the demo keeps only its bulletin).
        out = self.run_tool("--lang", "en", "demo").stdout
        en = out.strip().splitlines()[-1].split(": ", 1)[1]
        self.render(en)
        shutil.rmtree(os.path.dirname(en), ignore_errors=True)

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
