"""``python -m newsetl.evaluate {boilerplate,quotes,outlets} [options]``: score extraction against gold labels."""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "boilerplate": "newsetl.evaluation.boilerplate",
    "quotes": "newsetl.evaluation.quotes",
    "outlets": "newsetl.evaluation.outlets",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python -m newsetl.evaluate {{{','.join(COMMANDS)}}} [options]", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[argv[0]])
    return int(module.main(argv[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
