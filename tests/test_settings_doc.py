"""The settings reference in the deployment guides is the one the models describe."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from clerk_app import settings_doc, settings_template
from clerk_app.settings_doc import BEGIN, END, GUIDES, main, reference, with_reference
from clerk_app.settings_schema import ConfigFile, ScreensSettings
from printing.config import PRINTER_KINDS
from printing.schema import Lang, description


@pytest.mark.parametrize("lang", list(GUIDES))
def test_the_committed_reference_is_the_generated_one(lang: Lang) -> None:
    text = GUIDES[lang].read_text(encoding="utf-8")
    assert with_reference(text, lang) == text, "run `make settings-doc` and commit the guides"


def test_the_committed_example_config_is_the_generated_one() -> None:
    text = settings_template.EXAMPLE.read_text(encoding="utf-8")
    assert text == settings_template.example(), "run `make settings-doc` and commit it"


def test_every_setting_has_both_descriptions() -> None:
    models: list[type[BaseModel]] = [ConfigFile, *PRINTER_KINDS]
    seen: list[str] = []
    while models:
        model = models.pop()
        for name, field in model.model_fields.items():
            annotation = field.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                models.append(annotation)
            seen.append(name)
            assert description(field, "en"), f"{model.__name__}.{name}"
            assert description(field, "zh_CN"), f"{model.__name__}.{name}"
    assert "rating_follow_up_days" in seen


def test_the_reference_names_each_key_with_its_default() -> None:
    text = reference("en")
    assert "| `rating_follow_up_days` | whole number (≥ 1) | `5` |" in text
    assert '##### A printer of kind `kind = "escpos-network"`' in text
    assert "| `host` | text | required |" in text
    zh = reference("zh_CN")
    english = ScreensSettings.model_fields["rating_follow_up_days"].description
    assert english is not None and english not in zh
    assert "差评须在多少个工作日内回访整改。" in zh


def test_check_fails_on_a_stale_guide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = {}
    for lang, path in GUIDES.items():
        copy = tmp_path / path.name
        copy.write_text(f"# guide\n\n{BEGIN}\n| `old_key` | text |\n{END}\n", encoding="utf-8")
        stale[lang] = copy
    monkeypatch.setattr(settings_doc, "GUIDES", stale)
    example = tmp_path / "example.toml"
    monkeypatch.setattr(settings_template, "EXAMPLE", example)
    assert main(["--check"]) == 1
    assert "differs from the settings' descriptions" in capsys.readouterr().err
    assert main([]) == 0  # rewrites them
    assert main(["--check"]) == 0
    assert "old_key" not in stale["en"].read_text(encoding="utf-8")
    assert example.read_text(encoding="utf-8") == settings_template.example()
