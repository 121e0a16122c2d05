#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Holds src/core to its layers.

Each folder of src/core has a README.md whose `Uses:` line names the other
folders its code may include headers from and call. This check fails on:
- a #include "cw-....h" of a folder the README does not name;
- a name (cw_...) defined in a folder the README does not name, however it
  got declared: the store calling a domain's function, or naming one of a
  domain's entities (cw_entity_review) or choices;
- a folder without a README or a `Uses:` line;
- GTK, GDK or GSK included anywhere in src/core;
- a private header (-private.h) of the core included from src/ui or src/cli.
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SYSTEM = re.compile(r'^\s*#\s*include\s+<(gtk|gdk|gsk)/', re.M)
# GNU style puts a function's name at the start of its line; data defined
# at file scope is "const CwEntity cw_entity_review = {" or "cw_x[] = {".
DEFINED = re.compile(r'^(cw_[a-z0-9_]+)\s*\(|^(?:const\s+)?[A-Za-z_][A-Za-z0-9_]*\s+\*?\s*'
                     r'(?:const\s+)?\*?\s*(cw_[a-z0-9_]+)\s*(?:\[\])?\s*=', re.M)
NAME = re.compile(r'\bcw_[a-z0-9_]+\b')
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
STRING = re.compile(r'"(?:\\.|[^"\\\n])*"')


def main(root):
    core = os.path.join(root, 'src', 'core')
    problems = []
    allowed = {}
    where = {}
    for folder in sorted(os.listdir(core)):
        path = os.path.join(core, folder)
        if not os.path.isdir(path):
            continue
        readme = os.path.join(path, 'README.md')
        if not os.path.exists(readme):
            problems.append(f'src/core/{folder}: no README.md saying what it owns and uses')
            continue
        with open(readme, encoding='utf-8') as f:
            match = re.search(r'^Uses:(.*)$', f.read(), re.M)
        if match is None:
            problems.append(f'src/core/{folder}/README.md: no "Uses:" line')
            continue
        uses = {w.strip() for w in match.group(1).split(',')}
        allowed[folder] = {u for u in uses if re.fullmatch(r'[a-z]+', u)} | {folder}
        for name in os.listdir(path):
            if name.endswith('.h'):
                where[name] = folder
    texts = {}
    definer = {}
    for folder in allowed:
        path = os.path.join(core, folder)
        for name in sorted(os.listdir(path)):
            if not name.endswith(('.c', '.h')):
                continue
            with open(os.path.join(path, name), encoding='utf-8') as f:
                texts[(folder, name)] = f.read()
            if name.endswith('.c'):
                for m in DEFINED.finditer(texts[(folder, name)]):
                    definer.setdefault(m.group(1) or m.group(2), set()).add(folder)
    for folder, ok in allowed.items():
        for (where_folder, name), text in sorted(texts.items()):
            if where_folder != folder:
                continue
            if SYSTEM.search(text):
                problems.append(f'src/core/{folder}/{name}: includes GTK; the core never does')
            for header in INCLUDE.findall(text):
                owner = where.get(header)
                if owner is not None and owner not in ok:
                    problems.append(f'src/core/{folder}/{name}: includes {header} of '
                                    f'{owner}/, which {folder}/README.md does not name in Uses')
            code = STRING.sub('""', COMMENT.sub(' ', text))
            for symbol in sorted(set(NAME.findall(code))):
                owners = definer.get(symbol)
                if owners and not owners & ok:
                    owner = sorted(owners)[0]
                    problems.append(f'src/core/{folder}/{name}: uses {symbol} of {owner}/, '
                                    f'which {folder}/README.md does not name in Uses')
    for layer in ('ui', 'cli'):
        top = os.path.join(root, 'src', layer)
        for dirpath, _, files in os.walk(top):
            for name in sorted(files):
                if not name.endswith(('.c', '.h')):
                    continue
                with open(os.path.join(dirpath, name), encoding='utf-8') as f:
                    text = f.read()
                for header in INCLUDE.findall(text):
                    if header.endswith('-private.h') and header in where:
                        problems.append(f'src/{layer}/{name}: includes the core\'s private '
                                        f'{header}; use a public header')
    for p in problems:
        print(p)
    if problems:
        print(f'{len(problems)} layering problem(s)')
        return 1
    print(f'{len(allowed)} folders of src/core checked')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else '.'))
