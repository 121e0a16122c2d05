#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a GLib test program for meson's TAP protocol, every case to the end.

    glib-tap.py PROGRAM [ARGS...]

GLib test programs already print TAP, one "ok"/"not ok" line per case, but
a failed assertion (or a crash) aborts the whole program, so the cases
after it never run and their results are lost. This runs PROGRAM ARGS
--tap -k and passes its TAP through; when the program dies in the middle,
the case it died in is reported "not ok" and the program is started again
with -s for every case that already has a result, until every case has
run. Meson then counts each case (tools/test prints the counts).

The plan line is printed last, once the number of results is known; the
exit status is 1 when a case failed, as GLib's own with -k. To debug one
case, run the program itself under gdb, with G_TEST_SRCDIR=tests for the
tests that read files: build/tests/test-store -p /store/migrations.
"""

import re
import signal
import subprocess
import sys

RESULT = re.compile(r'^(ok|not ok)\s+\d+\s*([^#]*?)\s*(#.*)?$')
PLAN = re.compile(r'^1\.\.\d+')
SKIPPED_BY_REQUEST = re.compile(r'#\s*SKIP by request')


def describe_exit(returncode):
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f'signal {-returncode}'
        return f'was killed by {name}'
    return f'exited with status {returncode}'


def list_cases(command):
    """The program's case paths, in the order it runs them (-l)."""
    listing = subprocess.run(command + ['-l'], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, check=False)
    return [line for line in listing.stdout.splitlines() if line.startswith('/')]


class Driver:
    def __init__(self, command):
        self.command = command
        self.done = []          # case paths with a result, in order
        self.number = 0
        self.failed = False

    def emit(self, ok, description, directive=''):
        self.number += 1
        if not ok:
            self.failed = True
        line = f'{"ok" if ok else "not ok"} {self.number} {description}'
        print(f'{line} {directive}' if directive else line, flush=True)

    def run_once(self):
        """Run the program, skipping the cases done; return its exit status
        and whether a case of this run failed."""
        skips = []
        for path in self.done:
            skips += ['-s', path]
        run_failed = False
        with subprocess.Popen(self.command + ['--tap', '-k'] + skips,
                              stdout=subprocess.PIPE, text=True,
                              errors='replace') as child:
            for line in child.stdout:
                line = line.rstrip('\n')
                result = RESULT.match(line)
                if result:
                    ok, path, directive = result.group(1) == 'ok', result.group(2), result.group(3)
                    if path in self.done and directive and SKIPPED_BY_REQUEST.match(directive):
                        continue
                    self.done.append(path)
                    run_failed = run_failed or not ok
                    self.emit(ok, path, directive or '')
                elif PLAN.match(line):
                    continue
                elif line.startswith('Bail out!'):
                    # Not TAP's "stop everything": the driver goes on.
                    print(f'# {line}', flush=True)
                else:
                    print(line, flush=True)
        return child.returncode, run_failed

    def run(self):
        cases = None
        while True:
            returncode, run_failed = self.run_once()
            if returncode == 0:
                break
            if cases is None:
                cases = list_cases(self.command)
            remaining = [path for path in cases if path not in self.done]
            if remaining:
                # The program died in the first case without a result.
                print(f'# {remaining[0]}: the program {describe_exit(returncode)} in this case',
                      flush=True)
                self.done.append(remaining[0])
                self.emit(False, remaining[0])
                if len(remaining) > 1:
                    continue
            elif not run_failed:
                # Every case passed, yet the program failed (at exit, or
                # before its first case).
                self.emit(False, f'{self.command[0]} {describe_exit(returncode)}')
            break
        print(f'1..{self.number}', flush=True)
        return 1 if self.failed else 0


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    return Driver(sys.argv[1:]).run()


if __name__ == '__main__':
    sys.exit(main())
