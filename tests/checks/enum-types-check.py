#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every public enum of the core has a GObject type.

src/core/meson.build hands the headers with public enums to
gnome.mkenums_simple (core_enum_headers), which generates CW_TYPE_...
for each. This check fails on a public header of src/core (not
-private.h) with a `typedef enum` that is not in that list, unless the
enum is marked `typedef enum /*< skip >*/` or is a GError code (CwXxxError,
which needs the mark only in a listed header), and on a listed header that
does not exist.
"""
import os
import re
import sys

ENUM = re.compile(r'typedef\s+enum\b(\s*/\*<\s*skip\s*>\*/)?\s*\{[^}]*\}\s*(\w+)\s*;')
LISTED = re.compile(r"'([a-z]+/cw-[a-z0-9-]+\.h)'")


def main(root):
    core = os.path.join(root, 'src', 'core')
    with open(os.path.join(core, 'meson.build'), encoding='utf-8') as f:
        build = f.read()
    start = build.find('core_enum_headers = {')
    listed = set(LISTED.findall(build[start:build.find('}', start)])) if start >= 0 else set()
    problems = []
    for header in sorted(listed):
        if not os.path.exists(os.path.join(core, header)):
            problems.append(f'src/core/meson.build: core_enum_headers names {header}, '
                            'which does not exist')
    for folder in sorted(os.listdir(core)):
        path = os.path.join(core, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith('.h') or name.endswith('-private.h'):
                continue
            with open(os.path.join(path, name), encoding='utf-8') as f:
                enums = ENUM.findall(f.read())
            typed = [name for skip, name in enums if not skip and not name.endswith('Error')]
            if typed and f'{folder}/{name}' not in listed:
                problems.append(f'src/core/{folder}/{name}: {", ".join(typed)} without a '
                                f'GObject type: add \'{folder}/{name}\' to core_enum_headers in '
                                'src/core/meson.build (or mark an enum that needs none '
                                '"typedef enum /*< skip >*/")')
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f'{len(listed)} headers with enum types')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else '.'))
