"""A corpus of nasty strings, shared by the hostile-input tests."""

from __future__ import annotations

HOSTILE: dict[str, str] = {
    "reportlab_markup": 'a<b <b>bold</b> <font color="red">x</font> &amp; &lt;',
    "javascript_link": '<a href="javascript:alert(1)">click</a>',
    "local_image": '<img src="/etc/passwd"/> <img src="file:///etc/hosts">',
    "para_tag": "<para>inner</para><br/><seq/>",
    "terminal_escapes": "\x1b[2J\x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b[?1049h \x9b31m",
    "bidi_overrides": "\u202eevil\u202c \u2066iso\u2069 \u2067rtl\u2069 \u200f\u200e \u061c",
    "zero_width": "a\u200bb\u200cc\u200dd\ufeffe\u2060f",
    "combining_storm": "e" + "\u0301" * 200 + " ب" + "\u0651\u064b" * 100,
    "emoji_sequences": "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇯🇴 1️⃣",
    "control_chars": "nul\x00 bel\x07 bs\x08 vt\x0b ff\x0c del\x7f c1\x85",
    "mixed_arabic": "تحالف UNICEF (2030) «صحة» 50% — ok",
    "lam_alef_harakat": "لَا إِلَٰهَ لا لأ لإ لآ",
    "markdown_injection": "# Heading\n| a | b |\n`code` [link](http://x) <script>",
    "csv_formula": "=HYPERLINK(\"http://x\",\"y\") +1 -1 @SUM(A1)",
    "newlines_tabs": "line1\nline2\r\nline3\ttabbed",
    "long_word": "ش" * 5000,
    "big_100k": ("بناء التحالفات coalition " * 4000)[:100_000],
}

#: Longer than the schema accepts in one field: refused with a clear message.
HUGE_PASTE = "x" * 1_000_001


# --------------------------------------------------------------------------- hostile imports

def _demo() -> dict:  # type: ignore[type-arg]
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "content" / "demo" / "demo.en.json"
    return json.loads(root.read_text(encoding="utf-8"))


def _with(change) -> bytes:  # type: ignore[no-untyped-def]
    import json

    doc = _demo()
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _dup_swot(doc: dict) -> None:  # type: ignore[type-arg]
    doc["swot"].append(dict(doc["swot"][0]))


def _set(path: str, value: object):  # type: ignore[no-untyped-def]
    def change(doc: dict) -> None:  # type: ignore[type-arg]
        *parents, last = path.split(".")
        node = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def _many_swot(count: int):  # type: ignore[no-untyped-def]
    def change(doc: dict) -> None:  # type: ignore[type-arg]
        doc["swot"] = [{"id": f"s{n}", "kind": "strength", "text": "x"} for n in range(count)]

    return change


#: Workshop files no one should be able to import, or only as text: name -> file bytes.
#: Each must end in a stored workshop, or one clear sentence on stderr and a non-zero exit.
HOSTILE_IMPORTS: dict[str, bytes] = {
    "empty": b"",
    "whitespace": b"   \n\t ",
    "random_bytes": bytes(range(256)) * 4,
    "truncated": _with(lambda d: None)[:5000],
    "not_an_object": b"[1, 2, 3]",
    "a_string": b'"workshop"',
    "null": b"null",
    "no_meta": b'{"schema_version": 1}',
    "wrong_types": _with(_set("meta.title", 42)),
    "list_for_object": _with(_set("mission", [])),
    "unknown_field": _with(_set("surprise", 1)),
    "duplicate_ids": _with(_dup_swot),
    "future_schema": _with(_set("schema_version", 3)),  # SCHEMA_VERSION + 1
    "far_future_schema": _with(_set("schema_version", 10**6)),
    "negative_schema": _with(_set("schema_version", -1)),
    "schema_as_text": _with(_set("schema_version", "1")),
    "deep_nesting": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "deep_nesting_in_field": _with(_set("mission.vision", "x")).replace(b'"vision": "x"', b'"vision": ' + b"[" * 5000 + b"]" * 5000),
    "huge_integer": _with(lambda d: None).replace(b'"votes": 0', b'"votes": ' + b"9" * 5000, 1).replace(b'"votes":0', b'"votes":' + b"9" * 5000, 1),
    "huge_integer_at_top": b'{"schema_version": ' + b"1" * 10_000 + b"}",
    "big_float": _with(_set("goals.0.plans.0.budget", 1e308)),
    "nan": _with(lambda d: None).replace(b'"dots_per_participant": 3', b'"dots_per_participant": NaN'),
    "infinity_budget": b'{"schema_version":1,"meta":{"title":"x"},"goals":[{"text":"g","plans":[{"action":"a","budget":Infinity}]}]}',
    "minus_infinity": b'{"schema_version":1,"meta":{"title":"x"},"timing":{"dots_per_participant":-Infinity}}',
    "nul_in_json": b'{"schema_version":1,\x00"meta":{"title":"x"}}',
    "nul_in_text": b'{"schema_version":1,"meta":{"title":"a\\u0000b"}}',
    "invalid_utf8": b'{"schema_version":1,"meta":{"title":"caf\xe9"}}',
    "utf16": '{"schema_version":1,"meta":{"title":"x"}}'.encode("utf-16"),
    "utf8_bom": b"\xef\xbb\xbf" + b'{"schema_version":1,"meta":{"title":"bom"}}',
    "lone_surrogate": b'{"schema_version":1,"meta":{"title":"a\\ud800b"}}',
    "markup_in_values": _with(_set("meta.title", "Plan [/b] [bold red]x[/] [link=file:///etc/passwd]y[/link]")),
    "escapes_in_values": _with(_set("meta.title", "T\x1b]52;c;aGVsbG8=\x07\x1b[2J\x1b]0;owned\x07\n|forged|row")),
    "markup_in_keys": _with(_set("evaluation.eight_steps", {"[/b]": 10})),
    "escape_in_keys": _with(_set("readiness", {"\x1b[2J": {"answer": "yes"}})),
    "escape_in_unknown_key": _with(_set("\x1b]52;c;aGk=\x07", 1)),
    "too_many_items_in_a_list": _with(_many_swot(10_000)),
    "long_title": _with(_set("meta.title", "t" * 10_000)),
    "huge_text": _with(_set("mission.vision", "v" * 300_000)),
    "dict_keys_storm": _with(_set("facilitator_notes", {f"k{n}": "x" for n in range(50_000)})),
}
