#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The whole window as assistive technology sees it.

Run under dbus-run-session (meson does) in an X display: starts Casewise
on a fresh database, opens the sample review with a fixed clock, and
shows every section of the sidebar by its keyboard shortcut (read from
src/ui/cw-review-section.c). In each section it walks the accessible
tree through AT-SPI and fails on any control that takes the keyboard
focus but has no accessible name or no role, and on any section whose
shortcut does not show it.

  a11y-check.py CASEWISE SECTION-LIST.c
Prints TAP. Needs python3-gi with gir1.2-atspi-2.0 (tools/setup), xdotool.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

TIMEOUT = 30.0
# Roles that say nothing about what a control is.
NO_ROLE = {Atspi.Role.INVALID, Atspi.Role.UNKNOWN}
# Controls: what a user operates, so what a screen reader must name.
CONTROLS = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON, Atspi.Role.COMBO_BOX, Atspi.Role.ENTRY, Atspi.Role.TEXT,
    Atspi.Role.PASSWORD_TEXT, Atspi.Role.SPIN_BUTTON, Atspi.Role.SLIDER, Atspi.Role.MENU_ITEM,
    Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.LIST, Atspi.Role.LIST_BOX,
    Atspi.Role.TABLE, Atspi.Role.TREE_TABLE, Atspi.Role.TREE, Atspi.Role.PAGE_TAB,
    Atspi.Role.PAGE_TAB_LIST, Atspi.Role.LINK, Atspi.Role.SCROLL_BAR, Atspi.Role.SPLIT_PANE,
    Atspi.Role.DOCUMENT_TEXT, Atspi.Role.CANVAS, Atspi.Role.DRAWING_AREA,
}
# A row of a list or table: GTK 4.8 cannot name it (that came in 4.12),
# and a screen reader reads its cells, which must have text.
ROWS = {Atspi.Role.TABLE_ROW, Atspi.Role.LIST_ITEM}
# What GTK says when nothing names an accessible: its type.
TYPE_NAME = re.compile(r"^(Gtk|Cw)[A-Z]\w*$")

tap = []


def ok(good, what):
    tap.append(("ok" if good else "not ok", what))
    print(f"{'ok' if good else 'not ok'} {len(tap)} {what}", flush=True)
    return good


def wait_for(what, get, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = get()
        if value:
            return value
        time.sleep(0.1)
    raise SystemExit(f"Bail out! timed out waiting for {what}")


def sections_of(source):
    """(name, title, xdotool key) of each section, in the sidebar's order."""
    text = open(source, encoding="utf-8").read()
    found = re.findall(r'\.name = "([^"]+)", \.title = N_\("([^"]+)"\), \.accel = "([^"]+)"', text)
    result = []
    for name, title, accel in found:
        mods = re.findall(r"<(\w+)>", accel)
        key = re.sub(r"<\w+>", "", accel)
        xkeys = "+".join([{"Control": "ctrl", "Primary": "ctrl"}.get(m, m.lower()) for m in mods] + [key])
        result.append((name, title, xkeys))
    return result


def state(acc, which):
    try:
        return acc.get_state_set().contains(which)
    except Exception:
        return False


def children(acc):
    try:
        n = acc.get_child_count()
    except Exception:
        return []
    out = []
    for i in range(n):
        try:
            child = acc.get_child_at_index(i)
        except Exception:
            child = None
        if child is not None:
            out.append(child)
    return out


def shown(acc):
    return state(acc, Atspi.StateType.VISIBLE)


def walk(acc, depth=0):
    """Every shown accessible under acc."""
    yield acc, depth
    for child in children(acc):
        if shown(child):
            yield from walk(child, depth + 1)


def has_text(acc):
    for node, _ in walk(acc):
        try:
            name = node.get_name() or ""
        except Exception:
            continue
        if name.strip() and not TYPE_NAME.match(name):
            return True
    return False


def path_of(acc):
    parts = []
    while acc is not None and len(parts) < 12:
        try:
            parts.append(f"{acc.get_role_name()}:{acc.get_name() or ''!r}")
            acc = acc.get_parent()
        except Exception:
            break
    return " < ".join(parts[:8])


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for app in children(desktop):
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            pass
    return None


def main_window(app):
    for win in children(app):
        try:
            if win.get_name().startswith("Casewise") and state(win, Atspi.StateType.VISIBLE):
                return win
        except Exception:
            pass
    return None


def sidebar_rows(win):
    for acc, _ in walk(win):
        try:
            if acc.get_name() == "Sections":
                rows = []
                for row, _ in walk(acc):
                    if row.get_role() == Atspi.Role.LABEL and row.get_name():
                        rows.append(row)
                return rows
        except Exception:
            pass
    return []


def parent_role(acc):
    try:
        return acc.get_parent().get_role()
    except Exception:
        return None


def unnamed_controls(win):
    bad = []
    for acc, _ in walk(win):
        if not state(acc, Atspi.StateType.FOCUSABLE):
            continue
        try:
            role = acc.get_role()
            name = (acc.get_name() or "").strip()
        except Exception:
            continue
        if role in NO_ROLE:
            bad.append("no role: " + path_of(acc))
        elif role in ROWS:
            if not has_text(acc):
                bad.append("a row without text: " + path_of(acc))
        elif role == Atspi.Role.LIST and parent_role(acc) == Atspi.Role.TREE_TABLE:
            continue  # a column view's own list: the table is named, the focus is on its rows
        elif role in CONTROLS and (not name or TYPE_NAME.match(name)):
            bad.append("no name: " + path_of(acc))
    return bad


def xdo(*args):
    subprocess.run(["xdotool", *args], check=True, stdout=subprocess.DEVNULL)


def main():
    casewise, source = sys.argv[1], sys.argv[2]
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no X display (tools/test runs this under Xvfb)")
        return 0
    if shutil.which("xdotool") is None:
        raise SystemExit("Bail out! xdotool is missing (tools/setup installs it)")
    sections = sections_of(source)
    if not sections:
        raise SystemExit(f"Bail out! no sections found in {source}")

    tmp = tempfile.mkdtemp()
    env = dict(os.environ, CASEWISE_NOW="2026-11-23", LANG="C.UTF-8", GTK_A11Y="atspi")
    env.pop("NO_AT_BRIDGE", None)
    app = subprocess.Popen([casewise, "--database", os.path.join(tmp, "casewise.db")], env=env)
    try:
        Atspi.init()
        acc_app = wait_for("the application on the AT-SPI bus", lambda: find_app(app.pid))
        win = wait_for("the main window", lambda: main_window(acc_app))
        xid = wait_for("the X window", lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "^Casewise"],
            capture_output=True, text=True).stdout.split())[-1]
        xdo("windowsize", xid, "1280", "780")
        # Without a window manager the keyboard follows the pointer.
        xdo("mousemove", "--window", xid, "640", "40")
        xdo("key", "ctrl+shift+o")
        rows = wait_for("the sidebar of the sample review", lambda: sidebar_rows(win))
        titles = [r.get_name() for r in rows]
        known = {title: (name, key) for name, title, key in sections}
        for title in titles:
            if title not in known:
                ok(False, f"the section '{title}' has a shortcut")
                continue
            name, key = known[title]
            xdo("key", key)

            def shown():
                for row in sidebar_rows(win):
                    if row.get_name() == title and state(row, Atspi.StateType.SELECTED):
                        return True
                return False

            end = time.monotonic() + 10
            while time.monotonic() < end and not shown():
                time.sleep(0.1)
            ok(shown(), f"{key} shows the section {name}")
        ok(len(titles) >= len(sections) - 1, f"the sidebar lists the sections ({len(titles)})")
        # GTK 4.8 does not tell AT-SPI which page of a stack is shown:
        # the whole window, every section having been shown once.
        time.sleep(0.5)
        bad = unnamed_controls(win)
        ok(not bad, "every section: every focusable control has a name and role")
        for line in sorted(set(bad)):
            print("#   " + line)
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"1..{len(tap)}")
    return 1 if any(t[0] == "not ok" for t in tap) else 0


if __name__ == "__main__":
    sys.exit(main())
