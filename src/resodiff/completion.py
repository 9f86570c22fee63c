"""Shell completion scripts (bash, zsh, fish) generated from the command line's own parser.

One walk of the argparse tree gives every command, option, choice and argument, so a script
never lists an option the parser does not have. Written here rather than with shtab, which has
no fish. An argument that takes a value completes file names unless :func:`complete` says
otherwise (a folder, or free text such as a number or a symbol); choices complete as words.
"""

from __future__ import annotations

import argparse
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass

FILE = "@file"
FOLDER = "@folder"
TEXT = "@text"  # anything: nothing to offer

_KINDS = (FILE, FOLDER, TEXT)
_ATTRIBUTE = "resodiff_completes"


def complete(action: argparse.Action, kind: str) -> argparse.Action:
    """Say what completes ``action``'s values (FOLDER or TEXT; FILE is the default); returns it."""
    if kind not in _KINDS:
        raise ValueError(f"{kind!r} is not one of {', '.join(_KINDS)}")
    setattr(action, _ATTRIBUTE, kind)
    return action


@dataclass(frozen=True, slots=True)
class Argument:
    """An option (``flags``) or a positional argument (no flags) as the shells see it."""

    flags: tuple[str, ...]
    summary: str
    values: str | tuple[str, ...] | None  # None: a flag that takes no value; a kind; or the choices
    many: bool  # a positional that takes any number of words


@dataclass(frozen=True, slots=True)
class Command:
    """A command, its arguments and its subcommands (the program's own are its commands)."""

    name: str  # "" for the program itself
    summary: str
    arguments: tuple[Argument, ...]
    commands: tuple[Command, ...]

    @property
    def options(self) -> list[Argument]:
        """The arguments given by a flag."""
        return [argument for argument in self.arguments if argument.flags]

    @property
    def positionals(self) -> list[Argument]:
        """The arguments given by their place, in order."""
        return [argument for argument in self.arguments if not argument.flags]


def _summary(text: str | None, brief: bool) -> str:
    """The first sentence of a help text, without its full stop (the shells show it beside a
    word); ``brief``: also without what follows its first parenthesis or colon (an option's
    default, its choices described one by one)."""
    first = re.split(r"\.\s+(?=[A-Z])", text or "", maxsplit=1)[0].removesuffix(".").replace("%%", "%")
    return re.split(r" \(|: ", first, maxsplit=1)[0] if brief else first


def command_tree(parser: argparse.ArgumentParser, name: str = "", summary: str = "") -> Command:
    """The commands, options and arguments of ``parser`` and of its subcommands."""
    arguments: list[Argument] = []
    commands: list[Command] = []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS:
            continue
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            commands += [
                command_tree(sub, word, _summary(helps.get(word), brief=False)) for word, sub in action.choices.items()
            ]
            arguments.append(Argument((), _summary(action.help, brief=True), tuple(action.choices), False))
            continue
        values: str | tuple[str, ...] | None
        if action.nargs == 0:
            values = None
        elif action.choices is not None:
            values = tuple(str(choice) for choice in action.choices)
        else:
            values = getattr(action, _ATTRIBUTE, FILE)
        many = action.nargs in (argparse.ZERO_OR_MORE, argparse.ONE_OR_MORE, argparse.REMAINDER)
        arguments.append(Argument(tuple(action.option_strings), _summary(action.help, brief=True), values, many))
    return Command(name, summary, tuple(arguments), tuple(commands))


def _words(values: str | tuple[str, ...]) -> str:
    return values if isinstance(values, str) else " ".join(values)


def _bash_cases(command: Command) -> list[tuple[str, str]]:
    """(case pattern, what completes) for one command: its options' values, its option list,
    and its positional arguments by place (``#0``, ``#1``; ``#*`` for the rest)."""
    cases = [(shlex.quote(f"{command.name} -"), shlex.quote(" ".join(f for o in command.options for f in o.flags)))]
    for option in command.options:
        if option.values is not None:
            patterns = "|".join(shlex.quote(f"{command.name} {flag}") for flag in option.flags)
            cases.append((patterns, shlex.quote(_words(option.values))))
    for place, positional in enumerate(command.positionals):
        assert positional.values is not None  # a positional always takes a value
        pattern = shlex.quote(f"{command.name} #") + ("*" if positional.many else str(place))
        cases.append((pattern, shlex.quote(_words(positional.values))))
    return cases


_BASH = """\
# bash completion for {prog}: commands, options, their choices, and file names.
# Use: source <({prog} completion bash), or save it as
# ~/.local/share/bash-completion/completions/{prog}
{function}_values() {{
    # what completes after word $2 of command $1 (an option, "-" for the options, #N for the
    # Nth argument): @file, @folder, @text (anything) or the words; nothing after a flag
    case "$1 $2" in
{cases}
    esac
}}

{function}() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} command="" place=0 values="" word i
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        if [[ -n $values ]]; then
            values=""  # the value of the option before
        elif [[ $word == -?* ]]; then
            values=$({function}_values "$command" "$word")
        elif [[ -z $command ]]; then
            command=$word
        else
            place=$((place + 1))
        fi
    done
    if [[ -z $values ]]; then
        if [[ $cur == -* ]]; then
            values=$({function}_values "$command" -)
        else
            values=$({function}_values "$command" "#$place")
        fi
    fi
    COMPREPLY=()
    local IFS=$'\\n'
    case $values in
    @file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    @folder) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
    @text) ;;
    *) IFS=$' \\t\\n'; COMPREPLY=($(compgen -W "$values" -- "$cur")) ;;
    esac
}}

complete -F {function} {prog}
"""


def bash(tree: Command, prog: str) -> str:
    """A bash script: ``complete -F _PROG PROG``, with the data as ``case`` patterns."""
    commands = [tree, *tree.commands]
    cases = "\n".join(
        f"    {pattern}) printf %s {words} ;;" for command in commands for pattern, words in _bash_cases(command)
    )
    return _BASH.format(prog=prog, function=f"_{_identifier(prog)}", cases=cases)


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh_description(text: str) -> str:
    return re.sub(r"([\\\[\]:])", r"\\\1", text)


def _zsh_action(values: str | tuple[str, ...]) -> str:
    if values == FILE:
        return "_files"
    if values == FOLDER:
        return "_files -/"
    if values == TEXT:
        return " "
    return "(" + " ".join(values) + ")"


def _zsh_specs(command: Command) -> list[str]:
    specs = []
    for option in command.options:
        exclusive = f"({' '.join(option.flags)})" if len(option.flags) > 1 else ""
        if "--help" in option.flags or "--version" in option.flags:
            exclusive = "(- *)"  # nothing else after these
        flags = option.flags[0] if len(option.flags) == 1 else "{" + ",".join(option.flags) + "}"
        value = ""
        if option.values is not None:
            value = f":{option.flags[-1].lstrip('-')}:{_zsh_action(option.values)}"
        described = _zsh_quote(f"[{_zsh_description(option.summary)}]{value}")
        specs.append((_zsh_quote(exclusive) if exclusive else "") + flags + described)
    for place, positional in enumerate(command.positionals, start=1):
        assert positional.values is not None
        if command.commands:
            specs += [_zsh_quote("1:command:->command"), _zsh_quote("*::argument:->argument")]
            break
        where = "*" if positional.many else str(place)
        message = _zsh_description(positional.summary) or "value"
        specs.append(_zsh_quote(f"{where}:{message}:{_zsh_action(positional.values)}"))
    return specs


def _continued(words: list[str], indent: int) -> str:
    """Shell words one a line, each line continued with a backslash."""
    return (" \\\n" + " " * indent).join(words)


def zsh(tree: Command, prog: str) -> str:
    """A zsh script for ``fpath`` (``#compdef``) that also works sourced (``compdef``)."""
    function = f"_{_identifier(prog)}"
    described = "\n".join(
        f"            {_zsh_quote(command.name + ':' + command.summary)}" for command in tree.commands
    )
    branches = "\n".join(
        f"        {command.name}) _arguments -S \\\n            {_continued(_zsh_specs(command), 12)} ;;"
        for command in tree.commands
    )
    lines = [
        f"#compdef {prog}",
        f"# zsh completion for {prog}: commands, options, their choices, and file names.",
        f"# Use: source <({prog} completion zsh) after compinit, or save it as _{prog} in a folder of $fpath",
        f"{function}() {{",
        "    local curcontext=$curcontext state line",
        "    typeset -A opt_args",
        f"    _arguments -C -S \\\n        {_continued(_zsh_specs(tree), 8)}",
        "    case $state in",
        "    command)",
        "        local -a commands=(",
        described,
        "        )",
        "        _describe -t commands command commands ;;",
        "    argument)",
        f"        curcontext=${{curcontext%:*:*}}:{prog}-$line[1]:",
        "        case $line[1] in",
        branches,
        "        esac ;;",
        "    esac",
        "}",
        "",
        f'if [[ $funcstack[1] == {function} ]]; then {function} "$@"; else compdef {function} {prog}; fi',
        "",
    ]
    return "\n".join(lines)


def _fish_values(values: str | tuple[str, ...]) -> list[str]:
    if values == FILE:
        return ["-r", "-F"]
    if values == FOLDER:
        return ["-x", "-a", "'(__fish_complete_directories)'"]
    if values == TEXT:
        return ["-x"]
    return ["-x", "-a", _fish_quote(" ".join(values))]


def _fish_option(option: Argument) -> list[str]:
    words = []
    for flag in option.flags:
        if flag.startswith("--"):
            words += ["-l", flag[2:]]
        else:
            words += ["-s", flag[1:]]
    if option.values is not None:
        words += _fish_values(option.values)
    return words


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish(tree: Command, prog: str) -> str:
    """A fish script: one ``complete`` line per command, option and argument."""

    def described(words: list[str], summary: str) -> str:
        return " ".join([f"complete -c {prog}", *words, *(["-d", _fish_quote(summary)] if summary else [])])

    top = "-n __fish_use_subcommand"
    lines = [
        f"# fish completion for {prog}: commands, options, their choices, and file names.",
        f"# Use: {prog} completion fish | source, or save it as ~/.config/fish/completions/{prog}.fish",
        f"complete -c {prog} -f",  # file names only where an argument takes them
    ]
    lines += [described([top, *_fish_option(option)], option.summary) for option in tree.options]
    lines += [described([top, "-a", command.name], command.summary) for command in tree.commands]
    for command in tree.commands:
        seen = ["-n", _fish_quote(f"__fish_seen_subcommand_from {command.name}")]
        lines += [described([*seen, *_fish_option(option)], option.summary) for option in command.options]
        for positional in command.positionals:
            assert positional.values is not None
            if positional.values == FILE:
                lines.append(described([*seen, "-F"], ""))
            elif positional.values == FOLDER:
                lines.append(described([*seen, "-a", "'(__fish_complete_directories)'"], ""))
            elif positional.values != TEXT:
                lines.append(described([*seen, "-a", _fish_quote(_words(positional.values))], positional.summary))
    return "".join(f"{line}\n" for line in dict.fromkeys(lines))  # two file arguments: one line


def _identifier(prog: str) -> str:
    return re.sub(r"\W", "_", prog)


SHELLS: dict[str, Callable[[Command, str], str]] = {"bash": bash, "zsh": zsh, "fish": fish}


def script(parser: argparse.ArgumentParser, shell: str, prog: str | None = None) -> str:
    """The completion script of ``parser`` for ``shell`` (one of :data:`SHELLS`)."""
    return SHELLS[shell](command_tree(parser), prog or parser.prog)
