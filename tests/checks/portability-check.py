#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when code under src/ uses POSIX-only headers or functions.

Usage: portability-check.py [SOURCE_ROOT]

Casewise also ships to Windows, so files, paths, processes, time and the
environment go through GLib/GIO (g_build_filename, GFile, GDateTime,
g_spawn_*, g_setenv, g_chmod, g_ascii_strcasecmp ...). Code inside
#ifdef G_OS_UNIX / #ifndef G_OS_WIN32 (or the #else of #ifdef G_OS_WIN32) is
exempt, as is a line carrying the comment "portability: ok".
Prints file:line: problem for each hit and exits 1 when there is one.
"""

import os
import re
import sys

HEADERS = {
    'unistd.h': 'use <glib.h> / <glib/gstdio.h>',
    'pwd.h': 'use g_get_user_name () / g_get_home_dir ()',
    'grp.h': 'not available on Windows',
    'dirent.h': 'use GDir or GFileEnumerator',
    'fcntl.h': 'use <glib/gstdio.h> (g_open) or GFile',
    'termios.h': 'not available on Windows',
    'dlfcn.h': 'use GModule',
    'pthread.h': 'use GThread, GMutex, GCond',
    'signal.h': 'use GLib (g_unix_signal_add behind G_OS_UNIX)',
    'strings.h': 'use g_ascii_strcasecmp () / g_ascii_strncasecmp ()',
    'libgen.h': 'use g_path_get_basename () / g_path_get_dirname ()',
    'poll.h': 'use GPollFD / g_poll ()',
    'glob.h': 'use GPatternSpec or GFileEnumerator',
    'fnmatch.h': 'use GPatternSpec',
    'regex.h': 'use GRegex',
    'spawn.h': 'use g_spawn_* or GSubprocess',
    'syslog.h': 'use g_log ()',
    'netdb.h': 'use GResolver',
    'sched.h': 'use GThread',
    'semaphore.h': 'use GMutex / GCond',
    'wordexp.h': 'use g_shell_parse_argv ()',
    'langinfo.h': 'use g_get_language_names ()',
    'utime.h': 'use g_utime () or GFile attributes',
    'glib-unix.h': 'Unix-only GLib API: guard with G_OS_UNIX',
}
HEADER_PREFIXES = {
    'sys/': 'POSIX-only; use GLib/GIO (sys/stat.h: GStatBuf from <glib/gstdio.h>)',
    'arpa/': 'use GInetAddress',
    'netinet/': 'use GSocket',
    'gio/gunix': 'Unix-only GIO API: guard with G_OS_UNIX',
}
FUNCTIONS = {
    'fork': 'use g_spawn_* or GSubprocess',
    'vfork': 'use g_spawn_* or GSubprocess',
    'execv': 'use g_spawn_* or GSubprocess',
    'execvp': 'use g_spawn_* or GSubprocess',
    'execl': 'use g_spawn_* or GSubprocess',
    'execlp': 'use g_spawn_* or GSubprocess',
    'waitpid': 'use g_child_watch_add () or GSubprocess',
    'kill': 'use GSubprocess (g_subprocess_force_exit)',
    'getuid': 'use g_get_user_name ()',
    'geteuid': 'use g_get_user_name ()',
    'getgid': 'not available on Windows',
    'getegid': 'not available on Windows',
    'getpwuid': 'use g_get_user_name () / g_get_home_dir ()',
    'getpwnam': 'use g_get_user_name () / g_get_home_dir ()',
    'chmod': 'use g_chmod () from <glib/gstdio.h>',
    'fchmod': 'use g_chmod () or GFile attributes',
    'chown': 'not available on Windows',
    'fchown': 'not available on Windows',
    'lchown': 'not available on Windows',
    'mkstemp': 'use g_mkstemp () or g_file_open_tmp ()',
    'mkdtemp': 'use g_mkdtemp () or g_dir_make_tmp ()',
    'realpath': 'use g_canonicalize_filename () or GFile',
    'strcasecmp': 'use g_ascii_strcasecmp () or g_utf8_collate ()',
    'strncasecmp': 'use g_ascii_strncasecmp ()',
    'setenv': 'use g_setenv ()',
    'unsetenv': 'use g_unsetenv ()',
    'usleep': 'use g_usleep ()',
    'sleep': 'use g_usleep ()',
    'nanosleep': 'use g_usleep ()',
    'popen': 'use g_spawn_* or GSubprocess',
    'pclose': 'use g_spawn_* or GSubprocess',
    'pipe': 'use GSubprocess or g_unix_open_pipe () behind G_OS_UNIX',
    'dup2': 'not portable; use GSubprocess',
    'mmap': 'use GMappedFile',
    'munmap': 'use GMappedFile',
    'localtime_r': 'use GDateTime',
    'gmtime_r': 'use GDateTime',
    'strptime': 'use GDateTime / g_date_time_new_from_iso8601 ()',
    'timegm': 'use GDateTime',
    'symlink': 'use g_file_make_symbolic_link ()',
    'readlink': 'use g_file_read_link ()',
    'getpwent': 'not available on Windows',
}

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
CALL = re.compile(r'(?<![A-Za-z0-9_.>])(' + '|'.join(sorted(FUNCTIONS, key=len, reverse=True))
                  + r')\s*\(')
DIRECTIVE = re.compile(r'^\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)')
UNIX_IF = re.compile(r'^\s*(?:defined\s*\(?\s*)?(G_OS_UNIX|__unix__|__linux__)\b\s*\)?\s*$')
WIN_IF = re.compile(r'^\s*(?:defined\s*\(?\s*)?(G_OS_WIN32|_WIN32)\b\s*\)?\s*$')
NOT_WIN_IF = re.compile(r'^\s*!\s*defined\s*\(?\s*(G_OS_WIN32|_WIN32)\b\s*\)?\s*$')
WAIVER = 'portability: ok'


def blank_comments_and_strings(text):
    """Blank out comments and literals, keeping line breaks so numbers hold."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:end]))
            i = end
        elif text.startswith('//', i):
            end = text.find('\n', i)
            end = n if end < 0 else end
            out.append(' ' * (end - i))
            i = end
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(c + ' ' * max(0, min(j, n) - i - 1) + (c if j < n else ''))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def unix_only_lines(lines):
    """Yield, per line, whether it sits in a Unix-only conditional block."""
    stack = []  # one entry per open #if: [unix_only_now, unix_only_in_else]
    for line in lines:
        m = DIRECTIVE.match(line)
        if m:
            kind, cond = m.group(1), m.group(2).strip()
            if kind == 'ifdef':
                stack.append([bool(UNIX_IF.match(cond)), bool(WIN_IF.match(cond))])
            elif kind == 'ifndef':
                stack.append([bool(WIN_IF.match(cond)), bool(UNIX_IF.match(cond))])
            elif kind == 'if':
                unix = bool(UNIX_IF.match(cond) or NOT_WIN_IF.match(cond))
                stack.append([unix, bool(WIN_IF.match(cond))])
            elif kind == 'elif' and stack:
                stack[-1] = [bool(UNIX_IF.match(cond)), False]
            elif kind == 'else' and stack:
                stack[-1] = [stack[-1][1], False]
            elif kind == 'endif' and stack:
                stack.pop()
            yield True  # directives themselves are never hits for functions
            continue
        yield any(entry[0] for entry in stack)


def check_file(root, rel):
    with open(os.path.join(root, rel), encoding='utf-8', errors='replace') as f:
        raw = f.read()
    raw_lines = raw.split('\n')
    code_lines = blank_comments_and_strings(raw).split('\n')
    hits = []
    guarded = list(unix_only_lines(code_lines))
    for number, (raw_line, code, unix_only) in enumerate(zip(raw_lines, code_lines, guarded), 1):
        if WAIVER in raw_line:
            continue
        m = INCLUDE.match(raw_line)
        if m and not unix_only:
            header = m.group(1)
            advice = HEADERS.get(header)
            if advice is None:
                advice = next((v for k, v in HEADER_PREFIXES.items() if header.startswith(k)), None)
            if advice is not None:
                hits.append(f'{rel}:{number}: #include <{header}> is POSIX-only: {advice}')
            continue
        if unix_only:
            continue
        for call in CALL.finditer(code):
            name = call.group(1)
            hits.append(f'{rel}:{number}: {name} () is POSIX-only: {FUNCTIONS[name]}')
    return hits


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(__file__), '..', '..'))
    hits = []
    src = os.path.join(root, 'src')
    for dirpath, dirnames, filenames in os.walk(src):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(('.c', '.h')):
                rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, '/')
                hits.extend(check_file(root, rel))
    for hit in hits:
        print(hit)
    if hits:
        print(f'{len(hits)} portability problem(s) under src/', file=sys.stderr)
        return 1
    print('src/: no POSIX-only headers or functions')
    return 0


if __name__ == '__main__':
    sys.exit(main())
