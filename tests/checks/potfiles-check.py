#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES.in is complete, sorted and names only real files.

Usage: potfiles-check.py [SOURCE_ROOT]

A file must be listed when it holds translatable strings:
  - C sources under src/ calling _ (), N_ (), C_ () or NC_ () on a literal;
  - GtkBuilder files (*.ui under ui/ or src/) with translatable="yes";
  - data/*.in files and data/*.gschema.xml.
Exits 1 and lists each problem when there is one, 0 otherwise.
"""

import os
import re
import sys

GETTEXT_CALL = re.compile(r'(?<![A-Za-z0-9_])(?:NC_|N_|C_|_)\s*\(\s*"')
TRANSLATABLE = re.compile(r'translatable\s*=\s*["\']yes["\']')


def strip_comments(text):
    """Drop C comments but keep string literals, which hold the strings."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            i = n if end < 0 else end + 2
            out.append(' ')
        elif text.startswith('//', i):
            end = text.find('\n', i)
            i = n if end < 0 else end
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def read(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read()


def walk(root, top, suffixes):
    base = os.path.join(root, top)
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(suffixes):
                full = os.path.join(dirpath, name)
                yield os.path.relpath(full, root).replace(os.sep, '/')


def files_needing_translation(root):
    needed = set()
    for rel in walk(root, 'src', ('.c', '.h')):
        if GETTEXT_CALL.search(strip_comments(read(os.path.join(root, rel)))):
            needed.add(rel)
    for top in ('ui', 'src'):
        for rel in walk(root, top, ('.ui',)):
            if TRANSLATABLE.search(read(os.path.join(root, rel))):
                needed.add(rel)
    data = os.path.join(root, 'data')
    if os.path.isdir(data):
        for name in sorted(os.listdir(data)):
            if name.endswith('.in') or name.endswith('.gschema.xml'):
                needed.add('data/' + name)
    return needed


def read_potfiles(root):
    entries = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append((number, line))
    return entries


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), '..', '..'))
    entries = read_potfiles(root)
    listed = [e for _, e in entries]
    problems = []

    for rel in sorted(files_needing_translation(root) - set(listed)):
        problems.append(f'{rel}: has translatable strings but is missing from po/POTFILES.in')
    for number, rel in entries:
        if not os.path.isfile(os.path.join(root, rel)):
            problems.append(f'po/POTFILES.in:{number}: {rel} does not exist')
    seen = set()
    for number, rel in entries:
        if rel in seen:
            problems.append(f'po/POTFILES.in:{number}: {rel} is listed twice')
        seen.add(rel)
    if listed != sorted(listed):
        problems.append('po/POTFILES.in: entries are not sorted (LC_ALL=C sort -u)')

    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} problem(s) with po/POTFILES.in', file=sys.stderr)
        return 1
    print(f'po/POTFILES.in lists {len(listed)} files, all present and complete')
    return 0


if __name__ == '__main__':
    sys.exit(main())
