"""Word's style resolution, for reading a DOCX as Word shows it: document defaults, then the paragraph
style's chain (basedOn, base first), then the character style's chain, then the direct formatting; theme
fonts (minorEastAsia …) looked up in the theme, the East-Asian one by the document's language.

Properties are kept as small dicts of resolved values, so the reader and the checker never touch XML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_RUN_KEYS = ("east_asia", "ascii", "size", "color", "bold", "spacing")


@dataclass(frozen=True, slots=True)
class RunProps:
    east_asia: str | None = None  # the font of Chinese characters
    ascii: str | None = None  # the font of digits and Latin letters
    size: float | None = None  # pt
    color: str | None = None  # RRGGBB or None (auto)
    bold: bool = False
    spacing: float = 0.0  # character spacing, pt


@dataclass(frozen=True, slots=True)
class ParaProps:
    values: dict = field(default_factory=dict)

    def get(self, key: str, default: object = None) -> object:
        return self.values.get(key, default)


def wval(el: etree._Element | None, name: str = "val") -> str | None:
    return None if el is None else el.get(f"{W}{name}")


class Styles:
    def __init__(self, styles: etree._Element | None, theme: etree._Element | None, lang: str = "zh-CN") -> None:
        self._by_id: dict[str, etree._Element] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self._theme = _theme_fonts(theme, lang)
        self._doc_rpr: dict = {}
        self._doc_ppr: dict = {}
        if styles is not None:
            for st in styles.findall(f"{W}style"):
                sid = st.get(f"{W}styleId")
                self._by_id[sid] = st
                if st.get(f"{W}default") in ("1", "true"):
                    kind = st.get(f"{W}type")
                    if kind == "paragraph":
                        self.default_para = sid
                    elif kind == "character":
                        self.default_char = sid
            defaults = styles.find(f"{W}docDefaults")
            if defaults is not None:
                self._doc_rpr = self._rpr(defaults.find(f"{W}rPrDefault/{W}rPr"))
                self._doc_ppr = _ppr(defaults.find(f"{W}pPrDefault/{W}pPr"))
        self._run_cache: dict[tuple, dict] = {}
        self._para_cache: dict[str | None, dict] = {}

    def name(self, style_id: str | None) -> str:
        st = self._by_id.get(style_id or "")
        return (wval(st.find(f"{W}name")) or style_id or "") if st is not None else (style_id or "")

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and those it is based on, base first (a loop in basedOn is cut)."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._by_id:
            seen.add(style_id)
            st = self._by_id[style_id]
            out.insert(0, st)
            style_id = wval(st.find(f"{W}basedOn"))
        return out

    # -- runs ------------------------------------------------------------------------------------------
    def run(self, para_style: str | None, char_style: str | None, direct: etree._Element | None) -> RunProps:
        key = (para_style or self.default_para, char_style)
        if key not in self._run_cache:
            merged = dict(self._doc_rpr)
            for st in self.chain(key[0]):
                merged.update(self._rpr(st.find(f"{W}rPr")))
            for st in self.chain(char_style or self.default_char):
                merged.update(self._rpr(st.find(f"{W}rPr")))
            self._run_cache[key] = merged
        merged = dict(self._run_cache[key])
        merged.update(self._rpr(direct))
        return RunProps(**{k: merged[k] for k in _RUN_KEYS if k in merged})

    def _rpr(self, rpr: etree._Element | None) -> dict:
        out: dict = {}
        if rpr is None:
            return out
        fonts = rpr.find(f"{W}rFonts")
        if fonts is not None:
            for slot, key in (("eastAsia", "east_asia"), ("ascii", "ascii")):
                theme = fonts.get(f"{W}{slot}Theme")
                value = self._theme.get(theme) if theme else fonts.get(f"{W}{slot}")
                if value:
                    out[key] = value
        sz = wval(rpr.find(f"{W}sz"))
        if sz and sz.replace(".", "", 1).isdigit():
            out["size"] = float(sz) / 2
        color = rpr.find(f"{W}color")
        if color is not None:
            val = wval(color)
            out["color"] = None if not val or val.lower() == "auto" else val.upper()
        bold = rpr.find(f"{W}b")
        if bold is not None:
            out["bold"] = wval(bold) not in ("0", "false", "off")
        spacing = wval(rpr.find(f"{W}spacing"))
        if spacing and spacing.lstrip("-").isdigit():
            out["spacing"] = int(spacing) / 20
        return out

    # -- paragraphs ------------------------------------------------------------------------------------
    def para(self, style_id: str | None, direct: etree._Element | None, numbering: dict | None = None) -> ParaProps:
        sid = style_id or self.default_para
        if sid not in self._para_cache:
            merged = dict(self._doc_ppr)
            for st in self.chain(sid):
                _merge(merged, _ppr(st.find(f"{W}pPr")))
            self._para_cache[sid] = merged
        merged = dict(self._para_cache[sid])
        if numbering:
            _merge(merged, numbering)
        _merge(merged, _ppr(direct))
        return ParaProps(merged)


def _merge(into: dict, new: dict) -> None:
    for key, value in new.items():
        if isinstance(value, dict):
            into[key] = {**into.get(key, {}), **value}
        else:
            into[key] = value


def _ppr(ppr: etree._Element | None) -> dict:
    """The paragraph properties the reader uses, attribute by attribute (Word merges them so)."""
    out: dict = {}
    if ppr is None:
        return out
    for tag in ("jc", "outlineLvl"):
        v = wval(ppr.find(f"{W}{tag}"))
        if v is not None:
            out[tag] = v
    for tag in ("keepNext", "keepLines", "pageBreakBefore", "snapToGrid", "widowControl"):
        el = ppr.find(f"{W}{tag}")
        if el is not None:
            out[tag] = wval(el) not in ("0", "false", "off")
    for tag in ("ind", "spacing"):
        el = ppr.find(f"{W}{tag}")
        if el is not None:
            out[tag] = {k.split("}")[-1]: v for k, v in el.attrib.items()}
    num = ppr.find(f"{W}numPr")
    if num is not None:
        out["numPr"] = {"numId": wval(num.find(f"{W}numId")), "ilvl": wval(num.find(f"{W}ilvl")) or "0"}
    bottom = ppr.find(f"{W}pBdr/{W}bottom")
    if bottom is not None:
        out["border_bottom"] = {"val": wval(bottom), "color": (wval(bottom, "color") or "").upper()}
    return out


def _theme_fonts(theme: etree._Element | None, lang: str) -> dict[str, str]:
    """minorEastAsia → 宋体 … from the theme: the ea typeface, or the face for the language's script."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    script = {"zh-CN": "Hans", "zh-TW": "Hant", "ja-JP": "Jpan", "ko-KR": "Hang"}.get(lang, "Hans")
    for kind in ("major", "minor"):
        scheme = theme.find(f".//{A}{kind}Font")
        if scheme is None:
            continue
        latin = scheme.find(f"{A}latin")
        ea = scheme.find(f"{A}ea")
        by_script = next((f.get("typeface") for f in scheme.findall(f"{A}font") if f.get("script") == script), None)
        ea_face = (ea.get("typeface") if ea is not None else "") or by_script
        if latin is not None:
            out[f"{kind}HAnsi"] = out[f"{kind}Ascii"] = latin.get("typeface")
        if ea_face:
            out[f"{kind}EastAsia"] = ea_face
    return out
