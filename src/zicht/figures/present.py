"""Row and column labels of the published tables, in the reader's language.

Shared by the web page and the report so a category reads the same in both.
"""

from __future__ import annotations

from collections.abc import Callable

from zicht.route.regions import units

Translate = Callable[..., str]
Label = Callable[[str, str], str]
TRANSLATED = ("form", "age", "gender", "nationality")


def labeller(t: Translate) -> Label:
    names = units()

    def label(key: str, value: str) -> str:
        if key in ("table", "stage"):  # a table's title, a stage of a case
            return t(f"figures.{key}.{value}")
        if value == "total":
            return t("figures.row.total")
        if value == "persons":
            return t("figures.col.persons")
        if key in TRANSLATED:
            return t(f"figures.value.{key}.{value}")
        if key == "form_age":  # its rows are forms
            return t(f"figures.value.form.{value}")
        if key == "column":  # the columns of form by age are age groups
            return t(f"figures.value.age.{value}")
        if key == "region":
            return names.get(value) or t("figures.value.region.unknown")
        return value  # organisations and their combinations: names as registered

    return label
