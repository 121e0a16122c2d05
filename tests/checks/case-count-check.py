#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the test runner counts test cases, failures included.

    case-count-check.py SOURCE_ROOT TAP_SAMPLE MESON

1. tests/glib-tap.py runs tests/tap-sample.c, whose cases pass, fail an
   assertion, skip, crash and fail without aborting: every case must have
   its result, the ones after a crash included, and the plan comes last.
2. A throwaway meson project runs the sample through the driver beside
   plain tests that pass, skip (exit 77) and fail, as the project's checks
   do; tools/test-summary must count its logs case by case, and a program
   that fails after its cases still counts as failed.
Exits 77 (skipped) when meson is not found.
"""
import os
import re
import subprocess
import sys
import tempfile

RESULT = re.compile(r'^(ok|not ok) (\d+) ([^#\s]+)\s*(#.*)?$')

EXPECTED_SAMPLE = [
    ('ok', '/sample/pass', ''),
    ('not ok', '/sample/assertion', ''),
    ('ok', '/sample/skip', '# SKIP skipped on purpose'),
    ('not ok', '/sample/crash', ''),
    ('not ok', '/sample/fail', ''),
    ('ok', '/sample/pass-after', ''),
]

PROJECT = """project('sample')
python = import('python').find_installation()
driver = '{driver}'
sample = '{sample}'
test('glib', python, args: [driver, sample], protocol: 'tap')
test('glib-exit', python, args: [driver, sample, 'exit'], protocol: 'tap')
test('check-pass', python, args: ['-c', 'pass'])
test('check-skip', python, args: ['-c', 'raise SystemExit(77)'])
test('check-fail', python, args: ['-c', 'raise SystemExit(1)'])
"""

# glib: 2 passed, 3 failed, 1 skipped; glib-exit: 1 passed and the exit
# failed; the checks: one of each.
EXPECTED_SUMMARY = '4 passed, 5 failed, 2 skipped'


def check_driver(driver, sample):
    problems = []
    run = subprocess.run([sys.executable, driver, sample], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, check=False)
    lines = run.stdout.splitlines()
    results = []
    for line in lines:
        m = RESULT.match(line)
        if m:
            results.append((m.group(1), m.group(3), (m.group(4) or '').strip()))
            if int(m.group(2)) != len(results):
                problems.append(f'driver: result numbered {m.group(2)}, expected {len(results)}')
    if results != EXPECTED_SAMPLE:
        problems.append(f'driver: results {results}, expected {EXPECTED_SAMPLE}')
    if not lines or lines[-1] != f'1..{len(EXPECTED_SAMPLE)}':
        problems.append(f'driver: the last line is {lines[-1:]}, expected the plan')
    if not any(line.startswith('# /sample/crash: the program') for line in lines):
        problems.append('driver: no line says which case crashed')
    if run.returncode != 1:
        problems.append(f'driver: exit status {run.returncode}, expected 1')
    return problems


def check_summary(root, driver, sample, meson):
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, 'meson.build'), 'w', encoding='utf-8') as f:
            f.write(PROJECT.format(driver=driver, sample=sample))
        build = os.path.join(tmp, 'build')
        subprocess.run([meson, 'setup', build, tmp], stdout=subprocess.DEVNULL, check=True)
        subprocess.run([meson, 'test', '-C', build], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        summary = subprocess.run(
            [sys.executable, os.path.join(root, 'tools', 'test-summary'),
             os.path.join(build, 'meson-logs', 'testlog.json')],
            stdout=subprocess.PIPE, text=True, check=False)
    problems = []
    if summary.stdout.strip() != EXPECTED_SUMMARY:
        problems.append(f'summary: "{summary.stdout.strip()}", expected "{EXPECTED_SUMMARY}"')
    if summary.returncode != 1:
        problems.append(f'summary: exit status {summary.returncode}, expected 1')
    return problems


def main(root, sample, meson):
    if not meson or not os.path.exists(meson):
        print('SKIP: meson not found')
        return 77
    root = os.path.abspath(root)
    driver = os.path.join(root, 'tests', 'glib-tap.py')
    sample = os.path.abspath(sample)
    problems = check_driver(driver, sample) + check_summary(root, driver, sample, meson)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) != 4:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
