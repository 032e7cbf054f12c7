"""The briefing deck in the URL: a pinned view is its page and state, unreadable or
oversized pins are refused, and the deck is bounded."""

from __future__ import annotations

from ui.deck_link import MAX_PIN_CHARS, MAX_PINS, parse_pin, pin_text, valid_pins


def test_a_pin_is_the_page_and_its_state_without_the_language():
    pin = pin_text("map", {"indicator": "grdp_nominal", "layers": "a,b", "lang": "en"})
    assert pin == "map?indicator=grdp_nominal&layers=a%2Cb"
    assert parse_pin(pin) == ("map", {"indicator": "grdp_nominal", "layers": "a,b"})
    assert parse_pin("compare?regions=%EC%88%98%EB%8F%84%EA%B6%8C%2C%EC%A0%9C%EC%A3%BC%EA%B6%8C")\
        == ("compare", {"regions": "수도권,제주권"})


def test_pins_that_are_not_views_are_refused():
    for text in ("", "nonsense", "import?lang=ko", "briefing?pin=x", "http://evil/map?x=1",
                 "map?" + "x=1&" * 100, "map?" + "x" * MAX_PIN_CHARS, None, 42):
        assert parse_pin(text) is None, text
    assert parse_pin("home?panel=grdp") == ("home", {"panel": "grdp"})


def test_a_deck_keeps_readable_pins_once_and_at_most_max_pins():
    pins = [f"home?panel=p{n}" for n in range(MAX_PINS + 5)]
    kept, refused = valid_pins(["junk", pins[0], pins[0], *pins[1:]])
    assert kept == pins[:MAX_PINS]
    assert refused == ["junk", pins[0], *pins[MAX_PINS:]]
