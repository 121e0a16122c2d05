/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cw-entity.h"
#include "cw-register-entities.h"
#include "cw-store.h"

typedef struct
{
  const char *text;
  const char *iso; /* NULL: refused */
} DateCase;

static const DateCase date_cases[] = {
  { "2021-04-03", "2021-04-03" },
  { "03/04/2021", "2021-04-03" },
  { "3/4/2021", "2021-04-03" },
  { "3/4/21", "2021-04-03" },
  { "03-04-2021", "2021-04-03" },
  { "3 April 2021", "2021-04-03" },
  { "3 Apr 2021", "2021-04-03" },
  { "03-Apr-2021", "2021-04-03" },
  { "  29/02/2024 ", "2024-02-29" },
  { "31/12/1999", "1999-12-31" },
  { "31/02/2021", NULL },
  { "29/02/2023", NULL },
  { "2021-13-01", NULL },
  { "00/01/2021", NULL },
  { "3 Foo 2021", NULL },
  { "April 2021", NULL },
  { "", NULL },
  { "3/4", NULL },
  { "yesterday", NULL },
  { "3/4/202", NULL },
  { "1/1/1800", NULL },
  /* Four digits are the year they say, never a two-digit year. */
  { "0099-05-05", NULL },
  { "05/05/0099", NULL },
  { "5 May 0099", NULL },
  { "5/5/99", "1999-05-05" },
};

static void
test_date_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      GDate date;
      gboolean ok = cw_date_parse (date_cases[i].text, &date);
      g_autofree char *iso = ok ? cw_date_format_iso (&date) : NULL;

      g_test_message ("date “%s”", date_cases[i].text);
      g_assert_cmpstr (iso, ==, date_cases[i].iso);
    }
}

static void
test_date_display (void)
{
  g_autofree char *a = cw_date_iso_to_display ("2021-04-03");
  g_autofree char *b = cw_date_iso_to_display ("2026-12-25");
  g_autofree char *c = cw_date_iso_to_display ("not a date");

  g_assert_cmpstr (a, ==, "3 Apr 2021");
  g_assert_cmpstr (b, ==, "25 Dec 2026");
  g_assert_null (c);
}

static void
test_normalize (void)
{
  const CwField *dob = cw_entity_find_field (&cw_entity_person, "date_of_birth");
  const CwField *pseudonym = cw_entity_find_field (&cw_entity_person, "pseudonym");
  const CwField *decision = cw_entity_find_field (&cw_entity_referral, "decision");
  const CwField *grounds = cw_entity_find_field (&cw_entity_referral, "grounds");
  const CwField *amount = cw_entity_find_field (&cw_entity_deadline_rule, "amount");
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  g_assert_true (cw_field_normalize (dob, "3/4/2021", &out, &error));
  g_assert_cmpstr (out, ==, "2021-04-03");
  g_clear_pointer (&out, g_free);

  g_assert_false (cw_field_normalize (dob, "31/02/2021", &out, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Date of birth"));
  g_assert_nonnull (strstr (error->message, "31/02/2021"));
  /* A day that does not exist is said to be so, not taken for a typing slip. */
  g_assert_nonnull (strstr (error->message, "“31/02/2021” is not a real date"));
  g_assert_nonnull (strstr (error->message, "February 2021 has 28 days"));
  g_clear_error (&error);

  g_assert_false (cw_field_normalize (dob, "soon", &out, &error));
  g_assert_nonnull (strstr (error->message, "“soon” is not a date; write it day first"));
  g_clear_error (&error);

  g_assert_true (cw_field_normalize (dob, "  ", &out, &error));
  g_assert_null (out);

  g_assert_false (cw_field_normalize (pseudonym, "", &out, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Pseudonym is required"));
  g_clear_error (&error);

  g_assert_false (cw_field_normalize (decision, "maybe", &out, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Flags come back in the list's order, so equal sets are equal text. */
  g_assert_true (cw_field_normalize (grounds, "disruption, good-practice", &out, &error));
  g_assert_cmpstr (out, ==, "good-practice,disruption");
  g_clear_pointer (&out, g_free);
  g_assert_false (cw_field_normalize (grounds, "good-practice,bogus", &out, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cw_field_normalize (amount, " 15 ", &out, &error));
  g_assert_cmpstr (out, ==, "15");
  g_clear_pointer (&out, g_free);
  g_assert_false (cw_field_normalize (amount, "fifteen", &out, &error));
  g_clear_error (&error);
}

/* Every insert and update goes through here: names and titles with a
 * control character are refused, paragraphs lose theirs. */
static void
test_normalize_text (void)
{
  const CwField *title = cw_entity_find_field (&cw_entity_review, "title");
  const CwField *real_name = cw_entity_find_field (&cw_entity_person, "real_name");
  const CwField *notes = cw_entity_find_field (&cw_entity_person, "notes");
  const CwField *agency = cw_entity_find_field (&cw_entity_agency, "name");
  const CwField *role = cw_entity_find_field (&cw_entity_member, "role");
  const CwField *date = cw_entity_find_field (&cw_entity_review, "incident_date");
  g_autofree char *long_title = g_strnfill (501, 'x');
  g_autofree char *longest = g_strnfill (500, 'x');
  const struct { const CwField *field; const char *value; const char *message; } refused[] = {
    { title, "Review \x1b[2J", "Title holds a control character (U+001B)" },
    { title, "Two\nlines", "Title holds a control character (U+000A)" },
    { real_name, "Bell\a", "Real name holds a control character (U+0007)" },
    { agency, "Police\xe2\x80\xae" "ecilop", "Name holds a control character (U+202E)" },
    { role, "Chair\tperson", "Role holds a control character (U+0009)" },
    { date, "3/4/2021\x1b", "Incident became known holds a control character (U+001B)" },
    { title, long_title, "Title is 501 characters long; it may have at most 500" },
  };
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("refused %u", i);
      g_assert_false (cw_field_normalize (refused[i].field, refused[i].value, &out, &error));
      g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, refused[i].message));
      g_assert_null (out);
      g_clear_error (&error);
    }
  g_assert_true (cw_field_normalize (title, longest, &out, &error));
  g_clear_pointer (&out, g_free);

  /* Pasted paragraphs keep line breaks and tabs, and lose the rest. */
  g_assert_true (cw_field_normalize (notes, " First\r\n\tsecond\x1b[0m\rthird\xe2\x80\xae \x07",
                                     &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "First\n\tsecond[0m\nthird");
  g_clear_pointer (&out, g_free);
  /* Nothing but controls is nothing. */
  g_assert_true (cw_field_normalize (notes, "\x1b\x07", &out, &error));
  g_assert_null (out);
}

static void
test_format (void)
{
  const CwField *grounds = cw_entity_find_field (&cw_entity_referral, "grounds");
  const CwField *phase = cw_entity_find_field (&cw_entity_review, "phase");
  g_autofree char *a = cw_field_format (grounds, "good-practice,disruption");
  g_autofree char *b = cw_field_format (phase, "learning-event");
  g_autofree char *c = cw_field_format (phase, NULL);

  g_assert_cmpstr (a, ==, "Good practice which would benefit from being shared; "
                          "Disruption (permanency or adoption breakdown)");
  g_assert_cmpstr (b, ==, "Learning event");
  g_assert_cmpstr (c, ==, "");
}

static void
test_key_date_column (void)
{
  g_autofree char *a = cw_key_date_column ("learning-event");
  g_autofree char *b = cw_key_date_column ("notification");
  g_autofree char *c = cw_key_date_column ("title");

  g_assert_cmpstr (a, ==, "learning_event_date");
  g_assert_cmpstr (b, ==, "notification_date");
  g_assert_null (c);
  /* Every key date names a real review field. */
  for (guint i = 0; cw_key_dates[i].id != NULL; i++)
    {
      g_autofree char *column = cw_key_date_column (cw_key_dates[i].id);
      g_assert_nonnull (cw_entity_find_field (&cw_entity_review, column));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/field/date-parse", test_date_parse);
  g_test_add_func ("/field/date-display", test_date_display);
  g_test_add_func ("/field/normalize", test_normalize);
  g_test_add_func ("/field/normalize-text", test_normalize_text);
  g_test_add_func ("/field/format", test_format);
  g_test_add_func ("/field/key-date-column", test_key_date_column);
  return g_test_run ();
}
