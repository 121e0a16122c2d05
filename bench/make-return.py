#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large, realistic agency chronology return for the benchmarks.

    bench/make-return.py ROWS OUT.csv [--combined]

With --combined, a combined chronology: an Agency column after the time,
each row one of six agencies' (the police's rows as before, the others'
under their own names), as Chronolator or a spreadsheet gathers them.

Deterministic (a fixed seed), fictional, in a police return's layout with
the text columns the search covers. Dates run forward a few hours to a few
days apart, day first as UK returns write them.
"""
import csv
import datetime
import random
import sys

WHAT = ["Call to the home", "Welfare check", "Neighbour reports shouting", "Visit by PCSO",
        "Domestic abuse report", "Missing episode reported", "Child seen at school gate",
        "Referral to MASH", "Strategy discussion", "Follow-up call to mother",
        "Information shared with health visiting", "Attendance at the emergency department"]
WHO = ["PC Benn", "PC Ahmed", "DS Clarke", "PCSO Wright", "MASH researcher", "DI Ellis"]
ACTIONS = ["Risk assessment completed", "Notification sent to CSC", "No further action",
           "Advice given", "Referral made", "Safety plan discussed", ""]
OUTCOMES = ["Closed", "Passed to MASH", "Awaiting outcome", "Case conference convened", ""]
IMPACTS = ["Child present and distressed", "Child asleep upstairs", "Not known", "",
           "Child seen and spoken to alone"]
AGENCIES = ["Northshire Police", "Northshire Children's Social Care", "Health visiting",
            "Northshire General Hospital", "Riverside Medical Practice", "Park Primary"]


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    combined = "--combined" in sys.argv[3:]
    rng = random.Random(20261123)
    when = datetime.datetime(1990, 1, 1, 8, 0)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Time"] + (["Agency"] if combined else [])
                   + ["Record ref", "Officer", "Details", "Action taken", "Outcome",
                      "Impact on child", "Significant?"])
        for i in range(rows):
            when += datetime.timedelta(minutes=rng.randint(30, 300))
            what = rng.choice(WHAT)
            agency = [AGENCIES[i % len(AGENCIES)]] if combined else []
            w.writerow([when.strftime("%d/%m/%Y"), when.strftime("%H:%M")] + agency
                       + [f"CAD {100000 + i}/{when.year % 100:02d}", rng.choice(WHO),
                        f"{what}: {rng.choice(WHAT).lower()} noted; entry {i} of the "
                        f"return, details as recorded by the officer at the time.",
                          rng.choice(ACTIONS), rng.choice(OUTCOMES), rng.choice(IMPACTS),
                          "Yes" if rng.random() < 0.1 else "No"])


if __name__ == "__main__":
    main()
