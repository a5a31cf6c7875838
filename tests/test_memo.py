"""Per-word memos stay bounded however many new word forms a corpus brings."""

from toolkit.memo import WordMemo, word_memo
from toolkit.tagging import hanover_tagger, tag_words


def test_a_memo_keeps_two_generations_at_most():
    memo = WordMemo(100)
    computed = []
    for number in range(1_000):
        word = f"Wort{number}"
        assert memo.get(word) is None
        memo.fill(word, lambda word=word: computed.append(word) or word.lower())
        assert memo.held() <= 200
    assert len(computed) == 1_000 and memo.get("Wort999") == "wort999"


def test_a_word_used_again_is_carried_into_the_new_generation():
    memo = WordMemo(3)
    calls = []

    def analyse(word):
        calls.append(word)
        return word.upper()

    for word in ("sei", "habe", "werde"):
        memo.fill(word, lambda word=word: analyse(word))
    memo.fill("wäre", lambda: analyse("wäre"))  # the first generation is now the older one
    assert memo.get("sei") is None  # not in the new generation ...
    assert memo.fill("sei", lambda: analyse("sei")) == "SEI"  # ... but carried over
    assert calls == ["sei", "habe", "werde", "wäre"]
    memo.fill("käme", lambda: analyse("käme"))
    memo.fill("ginge", lambda: analyse("ginge"))  # "habe" and "werde" go with the older one
    assert memo.fill("habe", lambda: analyse("habe")) == "HABE"
    assert calls[-1] == "habe"


def test_none_is_kept_as_a_result():
    memo = WordMemo(2)
    calls = []
    memo.fill("Sonne", lambda: calls.append(1))
    memo.fill("Mond", lambda: None)
    memo.fill("Stern", lambda: None)  # "Sonne" moves to the older generation
    assert memo.fill("Sonne", lambda: calls.append(2)) is None and calls == [1]


def test_the_tagger_memos_stay_bounded_on_new_words(monkeypatch):
    tagger = hanover_tagger()
    for memo in tagger.memos():  # a small bound, so that a few hundred new words fill it
        monkeypatch.setattr(memo, "size", 50)
    tag_words(
        [f"Zukunftsprojekt{chr(97 + number // 26)}{chr(97 + number % 26)}" for number in range(400)]
    )
    for memo in tagger.memos():
        assert 0 < memo.held() <= 100


def test_word_memo_keeps_the_most_recent_results():
    @word_memo(4)
    def lower(word: str) -> str:
        return word.lower()

    for word in ("A", "B", "C", "D", "E"):
        lower(word)
    assert lower.cache_info().currsize == 4
