"""Character folding for matching.

`fold` maps every character to exactly one character, so an index into the
folded text is an index into the original text. Matching always happens on
folded text; positions and messages always use the original.
"""

from __future__ import annotations

import re

# Variant characters seen in published forms, and Traditional Chinese forms of
# the characters that occur in the template vocabulary.
_VARIANTS = {
    "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤", "═": "=", "〓": "=",
    "－": "-", "–": "-", "―": "—", "‐": "-", "⋯": "…", "　": " ", "\u00a0": " ",
    "（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "％": "%",
    "［": "[", "］": "]", "【": "[", "】": "]",
    "﹦": "=", "﹤": "<", "﹥": ">",
    "\u200b": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\ufeff": " ",  # zero-width: white space
}
_TRADITIONAL = (
    "績绩 預预 執执 總总 資资 撥拨 額额 項项 門门 實实 單单 標标 級级 產产 數数 時时 質质 濟济 會会 態态 "
    "續续 響响 滿满 對对 務务 評评 結结 轉转 財财 進进 劃划 際际 況况 體体 與与 準准 當当 歲岁 價价 錢钱 "
    "費费 營营 運运 護护 設设 備备 監监 據据 達达 構构 於于 內内 並并 壹一 貳二 參三 編编 職职 統统 處处 "
    "關关 類类 個个 權权 衛卫 區区 鎮镇 縣县 們们 為为 將将 後后 這这 說说 號号 來来 員员 隊队 齊齐 計计 "
    "導导 報报 書书 稱称 驗验 規规 責责 違违 補补 經经 餘余 聯联 係系 見见 問问 題题 論论 議议 審审 簽签 "
    "負负 電电 話话 屬属 別别 決决 採采 購购 證证 檢检 測测 覆复 開开 闢辟 調调 舊旧 優优 異异 較较 "
    "萬万 廢废 現现 發发 應应 歸归 檔档 無无 "
)


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # The full-width ASCII block, ！ to ～ (full-width digits, letters and signs).
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    for src, dst in _VARIANTS.items():
        table[ord(src)] = dst
    for pair in _TRADITIONAL.split():
        table[ord(pair[0])] = pair[1]
    return table


FOLD_TABLE = _build_table()


# Replacing only the characters that fold, found by one character-class scan, is about
# five times faster than `str.translate` with a dict (which looks up every character).
_FOLDS = {chr(code): target for code, target in FOLD_TABLE.items()}
_FOLDABLE_RE = re.compile("[" + "".join(re.escape(char) for char in _FOLDS) + "]")


def _folded(match: re.Match[str]) -> str:
    return _FOLDS[match.group()]


def fold(text: str) -> str:
    """Fold full-width, variant and Traditional characters; same length as `text`."""
    return _FOLDABLE_RE.sub(_folded, text)


# Pinyin that some sites print after each character they convert (`項(xiàng)目`).
# Compiled on first use (re's cache): its look-behind's range of 20,992 characters makes
# it the slowest pattern of the parser to compile, and most forms have no reading.
_READING = r"(?<=[\u4e00-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})\)"
# The same without the look-behind, which keeps the engine from skipping to each `(`:
# a fast test for whether a text has any reading at all.
_READING_HINT_RE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def without_white_space(text: str) -> str:
    """`"".join(text.split())`. Spaces and tabs are dropped by two scans in C, without
    cutting the text into words first (a form's first 2,000 characters, for detection,
    hold hundreds); white space of any other kind is unprintable, so a text still
    printable after them has none left."""
    bare = text.replace(" ", "").replace("\t", "")
    if bare.isprintable():
        return bare
    return "".join(text.split())


def matching_text(text: str) -> str:
    """Text as words are matched in it: folded, without white space or pinyin readings."""
    folded = without_white_space(fold(text))
    if "(" in folded and _READING_HINT_RE.search(folded):
        folded = re.sub(_READING, "", folded)
    return folded


def key(text: str) -> str:
    """The matching key of a cell: its matching text without a trailing colon (cached:
    the same cells recur on every form; a long text, a paragraph, is not kept)."""
    found = _KEYS.get(text)
    if found is None:
        found = matching_text(text).rstrip(":")
        if len(text) <= 256:
            if len(_KEYS) >= _KEYS_SIZE:
                _KEYS.clear()
            _KEYS[text] = found
    return found


# The cache of `key`: a plain dict, one lookup on a hit (an lru_cache costs a second call).
_KEYS: dict[str, str] = {}
_KEYS_SIZE = 8192


ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def folded_without_marks(text: str) -> tuple[str, list[int] | None]:
    """`text` folded, without zero-width characters and pinyin readings, and for each
    character kept its index in `text` (None when nothing was taken out): titles are
    matched on this."""
    if not ZERO_WIDTH.intersection(text):
        return without_readings(fold(text))
    kept = [index for index, char in enumerate(text) if char not in ZERO_WIDTH]
    clean, origin = without_readings(fold("".join(text[index] for index in kept)))
    return clean, kept if origin is None else [kept[index] for index in origin]


def without_readings(text: str) -> tuple[str, list[int] | None]:
    """`text` without pinyin readings, and for each character kept its index in `text`
    (None when there is none to take out)."""
    if "(" not in text or _READING_HINT_RE.search(text) is None or re.search(_READING, text) is None:
        return text, None
    kept: list[int] = []
    position = 0
    for match in re.finditer(_READING, text):
        kept.extend(range(position, match.start()))
        position = match.end()
    kept.extend(range(position, len(text)))
    return "".join(text[index] for index in kept), kept
