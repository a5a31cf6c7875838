import pytest

from toolkit.errors import CorpusError, InputError, ToolkitError
from toolkit.inputs import decode_text, ensure_text, read_text_file


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "The text is empty"),
        (" \n\t ", "The text is empty"),
        (b"Bytes", "got bytes"),
        (None, "got NoneType"),
        (["Liste"], "got list"),
        ("a\x00b", "NUL characters"),
        ("Er sagte \udc80abc", r"lone surrogate \(U\+DC80 at offset 9\)"),
    ],
)
def test_bad_text_gives_a_clear_input_error(value, message):
    with pytest.raises(InputError, match=message):
        ensure_text(value)


def test_too_long_text_names_the_limit_and_the_way_out():
    with pytest.raises(
        InputError, match=r"11 characters; the limit for one text is 10\..*load_corpus"
    ):
        ensure_text("Hallo Welt!", max_chars=10)


def test_errors_are_toolkit_errors_and_builtin_kinds():
    assert issubclass(InputError, ToolkitError) and issubclass(InputError, ValueError)
    assert issubclass(CorpusError, ToolkitError) and issubclass(CorpusError, OSError)


def test_decode_keeps_text_and_drops_only_the_bom():
    assert decode_text("\ufeffÄußerung\r\n".encode()) == "Äußerung\r\n"


def test_latin1_file_is_explained(tmp_path):
    path = tmp_path / "alt.txt"
    path.write_bytes("Größe".encode("latin-1"))
    with pytest.raises(InputError, match=r"alt.txt is not UTF-8 text \(byte 0xf6 at position 2\)"):
        read_text_file(path)


def test_binary_file_is_explained(tmp_path):
    path = tmp_path / "bild.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary file"):
        read_text_file(path)


def test_missing_file_and_folder_instead_of_file(tmp_path):
    with pytest.raises(CorpusError, match="File not found"):
        read_text_file(tmp_path / "fehlt.txt")
    with pytest.raises(CorpusError, match="is a folder"):
        read_text_file(tmp_path)


def test_a_lone_surrogate_is_refused_in_both_languages_before_any_stage_fails():
    """It reached the CRF, which failed with a SystemError and a traceback."""
    import toolkit
    from toolkit.translate import error_text

    with pytest.raises(InputError) as raised:
        toolkit.analyse("Peskow sagte, \ud83d sei gut.")  # half of an emoji's pair
    assert "U+D83D" in str(raised.value)
    assert error_text(str(raised.value), "de").startswith("Der Text enthält ein einzelnes Surrogat")
