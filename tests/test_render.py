import pytest

from toolkit.render import Mark, escape, highlight, kwic_table, message, table, token_boxes

ATTACK = "<script>alert(1)</script> <img src=x onerror=alert(2)> \" ' &"


def test_escape_leaves_no_markup():
    escaped = escape(ATTACK)
    assert "<" not in escaped and ">" not in escaped and '"' not in escaped
    assert "&lt;script&gt;" in escaped


@pytest.mark.parametrize(
    "html",
    [
        highlight(ATTACK, [Mark(0, 8, "x", "#fff", ATTACK)]),
        token_boxes([ATTACK]),
        table([[ATTACK]], header=[ATTACK]),
        kwic_table([(ATTACK, ATTACK, ATTACK)]),
        message(ATTACK, "error"),
    ],
    ids=["highlight", "token_boxes", "table", "kwic", "message"],
)
def test_every_renderer_escapes_user_text(html):
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_highlight_keeps_all_text_and_nests_overlapping_marks():
    text = "Er sagte, das sei gut."
    html = highlight(text, [Mark(10, 21, "tk-indirect"), Mark(14, 17, "tk-verb")])
    assert html.count("<mark") == 2
    assert '<mark class="tk-mark tk-verb">sei</mark>' in html
    plain = html
    for tag in ('<span class="tk-text">', "</span>", "</mark>"):
        plain = plain.replace(tag, "")
    while "<mark" in plain:
        start = plain.index("<mark")
        plain = plain[:start] + plain[plain.index(">", start) + 1 :]
    assert plain == text


def test_crossing_marks_are_split_without_losing_text():
    text = "eins zwei drei"
    html = highlight(text, [Mark(0, 9, "a"), Mark(5, 14, "b")])
    assert html == (
        '<span class="tk-text"><mark class="tk-mark a">eins <mark class="tk-mark b">zwei</mark>'
        '</mark><mark class="tk-mark b"> drei</mark></span>'
    )


def test_highlight_ignores_marks_outside_the_text():
    assert "<mark" not in highlight("kurz", [Mark(2, 99, "x"), Mark(3, 3, "y")])


def test_every_table_scrolls_sideways_inside_its_output():
    """A wide table (notebook 02's verbs, 06's speakers) scrolls instead of being cut off."""
    box = '<div class="tk-scroll" style="overflow-x:auto;max-width:100%">'
    wide = table([["x" * 300, "Infinitiv (würde)"]], header=["Wort", "Infinitiv (würde)"])
    assert wide.startswith(box + '<table class="">') and wide.endswith("</table></div>")
    kwic = kwic_table([("Er", "sagte", ", sie komme.")])
    assert kwic.startswith(box + '<table class="tk-kwic">') and kwic.endswith("</table></div>")
