"""The `huizong` command. Each sub-command lives in its own module; heavy imports happen inside commands."""

from __future__ import annotations

import click

from huizong import __version__
from huizong.cli.common import run_main
from huizong.cli.language import localise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="huizong")
def cli() -> None:
    """huizong：市场监管专项行动报表的识别、校验、汇总与公文生成。"""


def _register() -> None:
    from huizong.cli import doc, forms_cmd, parse_cmd

    for module in (forms_cmd, parse_cmd, doc):
        for command in module.COMMANDS:
            cli.add_command(command)
    # Commands of layers still being built register themselves when their module is present.
    for name in ("merge_cmd", "convert_cmd", "serve_cmd", "worker_cmd"):
        try:
            module = __import__(f"huizong.cli.{name}", fromlist=["COMMANDS"])
        except ModuleNotFoundError as exc:
            if exc.name != f"huizong.cli.{name}":
                raise
            continue
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
localise(cli)


def main() -> None:
    run_main(cli)
