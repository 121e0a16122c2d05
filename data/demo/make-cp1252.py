#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes riverside-medical-practice.csv, the GP practice's chronology return.

The practice manager saved it from Excel as "CSV (Comma delimited)", so it is
Windows-1252 with CRLF line endings and no byte-order mark, the way many real
returns arrive. This script is its source: edit the rows here, then run

    python3 data/demo/make-cp1252.py

Everything in it is fictional (see README.md).
"""

import csv
import io
import pathlib

HEADER = ["Event date", "Time", "Staff member", "Record ID", "Type of contact",
          "Details of contact", "Action/decision", "Significant event"]

# Typed by hand into the partnership's template, so the dates are as people
# type them: mostly d/m/yy, some in full, one month only.
ROWS = [
    ["16/01/24", "10:20", "Dr Priya Nair, GP", "EMIS consultation 40211873", "Face to face",
     "Leanne (18 weeks pregnant) seen: low mood and anxiety for 2 months, poor sleep, money "
     "worries; no thoughts of self-harm. PHQ-9 score 15. Lives with Mason (5); her mother helps.",
     "Sertraline 50 mg started after discussing risks and benefits in pregnancy; talking "
     "therapies self-referral details given; review in 2 weeks", "N"],
    ["30/01/24", "", "Dr Priya Nair, GP", "EMIS consultation 40233019", "Telephone",
     "Review: Leanne’s mood a little better; tolerating sertraline.",
     "Continue; review in 6 weeks", "N"],
    ["20/02/24", "", "Practice nurse", "EMIS consultation 40260245", "Face to face",
     "Mason (5) brought by Leanne with head lice and a sore, scratched scalp.",
     "Treatment advice; leaflet given", "N"],
    ["13/03/2024", "", "Dr Priya Nair, GP", "EMIS document 40291177", "Letter",
     "Information request from CSC for Mason’s assessment. Reply: Leanne’s low mood in pregnancy "
     "and its treatment; Mason last seen 20/02/2024 (head lice); no safeguarding concerns "
     "recorded before.",
     "Reply sent 15/03/2024; “child in need” code added to Mason’s record", "Y"],
    ["26/04/24", "", "Dr Priya Nair, GP", "EMIS document 40342210", "Report",
     "Report sent for Mason’s initial child in need meeting on 01/05/2024; GP unable to attend "
     "(surgery).", "", "N"],
    ["19/06/24", "", "Registration clerk", "EMIS registration", "Registration",
     "Amelia registered at the practice from the birth notification.", "", "N"],
    ["05/07/24", "", "Practice administrator", "EMIS document 40420871", "Letter",
     "Minutes of CIN review 1 (02/07/2024) received and filed in Mason’s record.", "", "N"],
    ["30/07/24", "11:10", "Dr Priya Nair, GP", "EMIS consultation 40447502", "Face to face",
     "6–8 week check for Amelia and postnatal check for Leanne. Amelia: examination normal, hips "
     "normal, weight 4.6 kg. Leanne: mood improved, on sertraline; contraception discussed.",
     "", "N"],
    ["9/8/24", "", "Practice nurse", "EMIS consultation 40458813", "Immunisation",
     "8-week immunisations given to Amelia; brought by Leanne.", "", "N"],
    ["6/9/24", "", "Practice nurse", "EMIS consultation 40489966", "Immunisation",
     "12-week immunisations given to Amelia; brought by Leanne.", "", "N"],
    ["4/10/24", "", "Practice nurse", "EMIS consultation 40522740", "Immunisation",
     "16-week immunisations given to Amelia; brought by Leanne and Patricia (grandmother).", "",
     "N"],
    ["18/11/24", "", "Practice administrator", "EMIS document 40571338", "Letter",
     "Letter from CSC: Mason’s child in need plan closed on 15/11/2024.",
     "“Child in need” code ended on Mason’s record", "N"],
    ["14/01/25", "09:40", "Dr Priya Nair, GP", "EMIS consultation 40629005", "Face to face",
     "Leanne: medication review. Mood stable. She mentioned a new partner who is “good with the "
     "kids” and “around a lot”.", "Sertraline continued; review in 3 months", "N"],
    ["18/02/25", "17:20", "GP (locum)", "EMIS consultation 40667420", "Face to face",
     "Amelia (8 months) brought by Leanne with cough and wheeze for 2 days; temperature 38.1°C; "
     "feeding reduced but adequate. Mild bronchiolitis.", "Safety-netting advice given", "N"],
    ["25/03/25", "", "Registration clerk", "EMIS registration", "Registration",
     "Dean Collier registered as a new patient at the family’s address, moving from another "
     "Northshire practice. New patient questionnaire: alcohol 14–20 units a week. No household "
     "link made to the children’s records.", "", "Y"],
    ["June 2025", "", "Child health system", "Child health recall", "Letter",
     "Amelia’s 12-month immunisations due; invitation sent by the child health system (date of "
     "the letter not held by the practice).", "", "N"],
    ["5/8/25", "11:40", "Practice nurse", "EMIS consultation 40869154", "Immunisation",
     "Amelia (13 months) brought for her 12-month immunisations by Dean Collier, recorded as "
     "“stepdad”. The nurse phoned Leanne, who gave consent. Immunisations given; no concerns "
     "noted.", "", "Y"],
    ["29/09/25", "", "Dr Priya Nair, GP", "EMIS consultation 40921736", "Face to face",
     "Dean Collier seen: poor sleep and low mood after “a falling out” with his partner; alcohol "
     "about 30 units a week. Household members not recorded.",
     "Brief alcohol advice; referral to the alcohol service offered and declined", "Y"],
    ["7/10/25", "16:00", "Dr Priya Nair, GP", "EMIS consultation 40932582", "Face to face",
     "Leanne: more anxious and sleeping poorly for a month; said things at home were “stressful” "
     "with the children and money. No record of routine enquiry about domestic abuse.",
     "Sertraline increased to 100 mg; review in 4 weeks", "Y"],
    ["4/11/25", "", "Dr Priya Nair, GP", "EMIS consultation 40968819", "Telephone",
     "Planned telephone review: Leanne did not answer two calls.", "Text message sent to rebook",
     "N"],
    ["09/12/25", "16:10", "Dr Priya Nair, GP", "EMIS consultation 41005447", "Face to face",
     "Amelia (17 months) brought by Leanne with ear pain and fever, temperature 38.6°C; right "
     "ear infection. Ears, throat and chest examined.", "Amoxicillin for 5 days", "N"],
    ["05/01/26", "", "Dr Priya Nair, GP", "EMIS consultation 41031562", "Telephone",
     "Review of sertraline 100 mg (postponed from November): Leanne said she felt “a bit better”. "
     "No other household members discussed.", "Continue; review in 3 months", "N"],
    ["11/02/26", "09:30", "Dr Priya Nair, GP", "EMIS document 41083310", "Telephone",
     "Call from the hospital safeguarding nurse: Amelia admitted on 10/02/2026 with a fractured "
     "femur and bruising. The practice learned for the first time of Amelia’s ED attendances on "
     "11/10/2025 and 16/11/2025.", "Records reviewed for the strategy meeting", "Y"],
    ["11/02/26", "12:15", "Dr Priya Nair, GP", "EMIS document 41083356", "Report",
     "GP report sent by secure email for the strategy meeting: consultations for Leanne, Mason and "
     "Amelia, and Dean Collier’s registration at the same address in March 2025.", "", "Y"],
    ["12/02/26", "", "Practice administrator", "EMIS coding", "Coding",
     "Child protection enquiry (section 47) code added to Amelia’s and Mason’s records; household "
     "link to Dean Collier added.", "", "N"],
]


def main():
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(ROWS)
    out = pathlib.Path(__file__).with_name("riverside-medical-practice.csv")
    out.write_bytes(buf.getvalue().encode("cp1252"))  # fails on a character cp1252 lacks
    print(f"{out.name}: {len(ROWS)} entries, Windows-1252, CRLF")


if __name__ == "__main__":
    main()
