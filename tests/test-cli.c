/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-test"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <signal.h>
#include <sys/resource.h>
#endif

#include "cw-core.h"
#include "cw-review.h"
#include "cw-store-private.h"
#include "test-files.h"
#include "test-pdf.h"
#include "test-tree.h"

/* casewise-cli driven as a user would: the built executable, its output,
 * its exit status, and the database it leaves behind. Today is fixed at
 * Monday 2 March 2026 so deadlines are exact. */

static const char *cli_path;

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->status = -1;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("casewise-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "casewise.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* Windows writes text with \r\n; the checks expect \n. */
static void
normalize_newlines (char *text)
{
  char *to = text;

  for (const char *from = text; *from != '\0'; from++)
    if (from[0] != '\r' || from[1] != '\n')
      *to++ = *from;
  *to = '\0';
}

static void
spawn_with (GPtrArray            *argv,
            Run                  *run,
            GSpawnChildSetupFunc  setup)
{
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  run_clear (run);
  g_ptr_array_insert (argv, 0, (char *) cli_path);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "CASEWISE_NOW", "2026-03-02", TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, setup, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  normalize_newlines (run->out);
  normalize_newlines (run->err);
  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    g_error ("casewise-cli did not exit normally: %s\nstderr: %s", error->message, run->err);
}

static void
spawn (GPtrArray *argv,
       Run       *run)
{
  spawn_with (argv, run, NULL);
}

static GPtrArray *
collect (const char *first,
         va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  return argv;
}

/* Runs casewise-cli --database <the fixture's> ARGS... */
G_GNUC_NULL_TERMINATED static int
cli (Fixture    *f,
     Run        *run,
     const char *first,
     ...)
{
  g_autoptr (GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first);
  argv = collect (first, args);
  va_end (args);
  g_ptr_array_insert (argv, 0, "--database");
  g_ptr_array_insert (argv, 1, f->db);
  spawn (argv, run);
  return run->status;
}

/* Runs casewise-cli ARGS... with nothing added. */
G_GNUC_NULL_TERMINATED static int
cli_raw (Run        *run,
         const char *first,
         ...)
{
  g_autoptr (GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first);
  argv = collect (first, args);
  va_end (args);
  spawn (argv, run);
  return run->status;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” unexpectedly found in:\n%s", needle, haystack);
}

/* A data error: status 1, nothing on stdout, one line on stderr. */
static void
assert_data_error (Run *run)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "casewise-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static void
assert_ok (Run *run)
{
  if (run->status != 0)
    g_error ("casewise-cli exited with %d: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
}

/* The innermost {...} of a JSON text that holds @needle: enough to check
 * the members of one flat object, such as one deadline. */
static char *
json_object_with (const char *json,
                  const char *needle)
{
  const char *hit = strstr (json, needle);
  const char *start, *end;

  if (hit == NULL)
    g_error ("“%s” not found in:\n%s", needle, json);
  for (start = hit; start > json && *start != '{'; start--)
    ;
  end = strchr (hit, '}');
  g_assert_nonnull (end);
  return g_strndup (start, end - start + 1);
}

static char *
create (Fixture    *f,
        const char *kind,
        const char *title,
        const char *subject)
{
  g_auto (Run) run = { NULL };

  /* The first one makes the database (--create: --database never makes
   * one without it). */
  if (subject != NULL)
    cli (f, &run, "--create", "review", "create", "--kind", kind, "--title", title, "--subject",
         subject, NULL);
  else
    cli (f, &run, "--create", "review", "create", "--kind", kind, "--title", title, NULL);
  assert_ok (&run);
  return g_strstrip (g_steal_pointer (&run.out));
}

static char *
show_json (Fixture    *f,
           const char *reference)
{
  g_auto (Run) run = { NULL };

  cli (f, &run, "review", "show", reference, "--json", NULL);
  assert_ok (&run);
  return g_steal_pointer (&run.out);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *auto_backup = g_build_filename (f->dir, "casewise-backups", "casewise.db",
                                                   "casewise-2026-03-02.db", NULL);

  cli (f, &run, "--create", "review", "create", "--kind", "cspr", "--title", "First", NULL);
  assert_ok (&run);
  g_assert_true (g_regex_match_simple ("^CSPR-2026-001\n$", run.out, 0, 0));
  cli (f, &run, "review", "create", "--title", "Second", "--kind", "cspr", "--subject",
       "Child B", NULL);
  assert_ok (&run);
  g_assert_true (g_regex_match_simple ("^CSPR-2026-002\n$", run.out, 0, 0));
  cli (f, &run, "review", "create", "--kind", "rapid", "--title", "Third", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "RR-2026-001\n");
  /* Changing data makes today's automatic backup first. */
  g_assert_true (g_file_test (auto_backup, G_FILE_TEST_IS_REGULAR));

  cli (f, &run, "review", "create", "--kind", "nonsense", "--title", "Fourth", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "nonsense");
  assert_contains (run.err, "cspr");
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *cspr = create (f, "cspr", "First", "Child X");
  g_autofree char *rapid = create (f, "rapid", "Second", NULL);
  g_autofree char *deadline = NULL;
  g_autofree char *item = NULL;

  g_assert_cmpstr (cspr, ==, "CSPR-2026-001");
  g_assert_cmpstr (rapid, ==, "RR-2026-001");
  cli (f, &run, "review", "set", rapid, "--date", "notification=2/3/2026", NULL);
  assert_ok (&run);

  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, "REFERENCE");
  assert_contains (run.out, "CSPR-2026-001  Child Safeguarding Practice Review");
  assert_contains (run.out, "Referral");
  assert_contains (run.out, "Child X");
  assert_contains (run.out, "Rapid review completed, due 23 Mar 2026 (21 days left)");
  /* The review with the next deadline comes first. */
  g_assert_true (strstr (run.out, "RR-2026-001") < strstr (run.out, "CSPR-2026-001"));

  cli (f, &run, "review", "list", "--json", NULL);
  assert_ok (&run);
  g_assert_true (g_str_has_prefix (run.out, "["));
  g_assert_true (g_str_has_suffix (run.out, "]\n"));
  deadline = json_object_with (run.out, "\"name\": \"Rapid review completed\"");
  assert_contains (deadline, "\"due\": \"2026-03-23\"");
  assert_contains (deadline, "\"days_remaining\": 21");
  assert_contains (deadline, "\"state\": \"pending\"");
  item = json_object_with (run.out, "\"reference\": \"CSPR-2026-001\"");
  assert_contains (item, "\"subject_pseudonym\": \"Child X\"");
  assert_contains (item, "\"kind\": \"cspr\"");
  assert_contains (item, "\"phase\": \"referral\"");
  assert_contains (item, "\"next_deadline\": null");
}

static void
test_list_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autoptr (GError) error = NULL;
  CwStore *store;

  /* Reading a database that is not there does not create one. */
  cli (f, &run, "review", "list", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "There is no database at");
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  store = cw_store_open (f->db, &error);
  g_assert_no_error (error);
  g_object_unref (store);
  cli (f, &run, "review", "list", "--json", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "[]\n");
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, "No reviews");
}

static void
assert_deadline (const char *json,
                 const char *name,
                 const char *due,
                 int         days_remaining,
                 const char *state,
                 const char *met_on)
{
  g_autofree char *needle = g_strdup_printf ("\"name\": \"%s\"", name);
  g_autofree char *object = json_object_with (json, needle);
  g_autofree char *due_member = g_strdup_printf ("\"due\": \"%s\"", due);
  g_autofree char *days_member = g_strdup_printf ("\"days_remaining\": %d,", days_remaining);
  g_autofree char *state_member = g_strdup_printf ("\"state\": \"%s\"", state);
  g_autofree char *met_member = met_on ? g_strdup_printf ("\"met_on\": \"%s\"", met_on)
                                       : g_strdup ("\"met_on\": null");

  assert_contains (object, due_member);
  assert_contains (object, days_member);
  assert_contains (object, state_member);
  assert_contains (object, met_member);
}

static void
test_set_deadlines (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "rapid", "Deadlines", NULL);
  g_autofree char *json = NULL;

  /* Notification on Monday 2 March 2026; 15 working days later, with no
   * bank holiday in between, is Monday 23 March: 21 calendar days. The
   * incident on Monday 23 February (typed day first) makes the panel due
   * 5 working days later, on 2 March, met that day by the notification. */
  cli (f, &run, "review", "set", ref, "--profile", "england-current", "--date",
       "notification=2026-03-02", "--date", "incident=23/02/2026", NULL);
  assert_ok (&run);
  json = show_json (f, ref);
  assert_contains (json, "\"profile\": \"england-current\"");
  assert_contains (json, "\"notification\": \"2026-03-02\"");
  assert_contains (json, "\"incident\": \"2026-02-23\"");
  assert_deadline (json, "Rapid review completed", "2026-03-23", 21, "pending", NULL);
  assert_deadline (json, "Notify the national panel", "2026-03-02", 0, "met", "2026-03-02");

  cli (f, &run, "review", "show", ref, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Rapid review completed: due 23 Mar 2026, 21 days left");
  assert_contains (run.out, "Notification: 2 Mar 2026");
  assert_contains (run.out, "Incident became known: 23 Feb 2026");

  /* Another profile, other rules: one month after the notification. */
  cli (f, &run, "review", "set", ref, "--profile", "england-2013", "--date", "incident=", NULL);
  assert_ok (&run);
  g_free (json);
  json = show_json (f, ref);
  assert_contains (json, "\"incident\": null");
  assert_deadline (json, "Decision whether to hold a review", "2026-04-02", 31, "pending", NULL);
  assert_lacks (json, "Rapid review completed");
  assert_lacks (json, "Notify the national panel");
}

static void
test_set_fields (Fixture       *f,
                 gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "learning", "Old title", NULL);
  g_autofree char *json = NULL;

  cli (f, &run, "review", "set", ref, "--title", "New title", "--subject", "Child C",
       "--methodology", "salford", NULL);
  assert_ok (&run);
  json = show_json (f, ref);
  assert_contains (json, "\"title\": \"New title\"");
  assert_contains (json, "\"subject_pseudonym\": \"Child C\"");
  assert_contains (json, "\"methodology\": \"salford\"");

  cli (f, &run, "review", "set", ref, "--profile", "atlantis", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "atlantis");
}

static void
test_phase_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "cspr", "Phases", NULL);
  g_autofree char *json = NULL;

  cli (f, &run, "review", "set", ref, "--phase", "findings", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "cannot move");
  json = show_json (f, ref);
  assert_contains (json, "\"phase\": \"referral\"");

  /* Preparation needs the decision to proceed first. */
  cli (f, &run, "review", "set", ref, "--phase", "decision", NULL);
  assert_ok (&run);
  cli (f, &run, "review", "set", ref, "--phase", "preparation", NULL);
  assert_data_error (&run);
  cli (f, &run, "review", "decide", ref, "--proceed", NULL);
  assert_ok (&run);
  cli (f, &run, "review", "set", ref, "--phase", "preparation", NULL);
  assert_ok (&run);
  g_free (json);
  json = show_json (f, ref);
  assert_contains (json, "\"phase\": \"preparation\"");
}

static void
test_invalid_date (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "cspr", "Dates", NULL);
  g_autofree char *json = NULL;

  cli (f, &run, "review", "set", ref, "--date", "notification=31/02/2026", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "Notification");
  assert_contains (run.err, "“31/02/2026” is not a real date");

  cli (f, &run, "review", "set", ref, "--date", "birthday=1/2/2026", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "birthday");

  /* Four digits are the year they say, never a two-digit year. */
  cli (f, &run, "review", "set", ref, "--date", "incident=0099-05-05", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "0099-05-05");

  json = show_json (f, ref);
  assert_contains (json, "\"notification\": null");
  assert_contains (json, "\"incident\": null");
}

static void
test_set_atomic (Fixture       *f,
                 gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "cspr", "Atomic", NULL);
  g_autofree char *json = NULL;

  cli (f, &run, "review", "set", ref, "--date", "notification=2026-03-02", "--phase", "bogus",
       NULL);
  assert_data_error (&run);
  assert_contains (run.err, "bogus");
  cli (f, &run, "review", "set", ref, "--title", "Changed", "--date", "referral=1/3/2026",
       "--phase", "findings", NULL);
  assert_data_error (&run);
  cli (f, &run, "review", "set", ref, "--profile", "wales", "--date", "report=30/02/2026",
       NULL);
  assert_data_error (&run);

  json = show_json (f, ref);
  assert_contains (json, "\"notification\": null");
  assert_contains (json, "\"referral\": null");
  assert_contains (json, "\"title\": \"Atomic\"");
  assert_contains (json, "\"profile\": \"england-current\"");
  assert_contains (json, "\"phase\": \"referral\"");
}

static void
test_decide (Fixture       *f,
             gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "cspr", "Decisions", NULL);
  g_autofree char *json = NULL;
  g_autofree char *referral = NULL;

  cli (f, &run, "review", "decide", ref, "--not-proceed", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "rationale");
  cli (f, &run, "review", "decide", ref, "--proceed", "--date", "32/1/2026", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "Decision date: “32/1/2026” is not a real date");
  json = show_json (f, ref);
  referral = json_object_with (json, "\"referrer_name\"");
  assert_contains (referral, "\"decision\": null");

  cli (f, &run, "review", "decide", ref, "--not-proceed", "--rationale", "Criteria not met",
       "--date", "1/3/2026", NULL);
  assert_ok (&run);
  assert_contains (run.out, "1 Mar 2026");
  g_free (json);
  g_free (referral);
  json = show_json (f, ref);
  referral = json_object_with (json, "\"referrer_name\"");
  assert_contains (referral, "\"decision\": \"not-proceed\"");
  assert_contains (referral, "\"rationale\": \"Criteria not met\"");
  assert_contains (referral, "\"discussed_on\": \"2026-03-01\"");
  assert_contains (json, "\"decision\": \"2026-03-01\"");

  /* Past the decision it is not decided again, nor its date rewritten. */
  cli (f, &run, "review", "set", ref, "--phase", "decision", NULL);
  assert_ok (&run);
  cli (f, &run, "review", "set", ref, "--phase", "not-proceeding", NULL);
  assert_ok (&run);
  cli (f, &run, "review", "decide", ref, "--not-proceed", "--rationale", "Again", "--date",
       "2/3/2026", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "past the decision");
  cli (f, &run, "review", "decide", ref, "--proceed", NULL);
  assert_data_error (&run);
  g_free (json);
  json = show_json (f, ref);
  assert_contains (json, "\"decision\": \"2026-03-01\"");
  assert_contains (json, "\"rationale\": \"Criteria not met\"");
}

typedef struct
{
  const char *args[12];
  const char *message; /* part of the error line */
} UsageCase;

static const UsageCase usage_cases[] = {
  { { NULL }, "no command" },
  { { "frobnicate", NULL }, "frobnicate" },
  { { "review", NULL }, "review" },
  { { "review", "frobnicate", NULL }, "review frobnicate" },
  { { "--bogus", "review", "list", NULL }, "bogus" },
  { { "review", "list", "--bogus", NULL }, "bogus" },
  { { "review", "create", "--kind", "cspr", NULL }, "--title" },
  { { "review", "create", "--title", "T", NULL }, "--kind" },
  { { "review", "create", "--kind", NULL }, "kind" },
  { { "review", "show", NULL }, "REF" },
  { { "review", "show", "A", "B", NULL }, "B" },
  { { "review", "set", "CSPR-2026-001", NULL }, "nothing to change" },
  { { "review", "decide", "CSPR-2026-001", NULL }, "--proceed" },
  { { "review", "decide", "CSPR-2026-001", "--proceed", "--not-proceed", NULL }, "--proceed" },
  { { "backup", "restore", NULL }, "WHICH" },
  { { "demo", "extra", NULL }, "extra" },
};

/* A well-formed command line with a value the data refuses: exit 1, not
 * the usage error of exit 2, and nothing opened, read or written. */
static const UsageCase value_cases[] = {
  { { "review", "set", "CSPR-2026-001", "--date", "notification", NULL }, "NAME=DATE" },
  { { "chronology", "list", "CSPR-2026-001", "--from", "31/2/2025", NULL }, "--from" },
  { { "chronology", "list", "CSPR-2026-001", "--to", "soon", NULL }, "--to" },
  { { "chronology", "export", "CSPR-2026-001", "--format", "xml", NULL }, "--format" },
  { { "chronology", "import", "CSPR-2026-001", "x.csv", "--agency", "police", "--sheet", "0",
      NULL }, "--sheet must be a whole number from 1" },
  { { "chronology", "import", "CSPR-2026-001", "x.csv", "--agency", "police", "--sheet", "two",
      NULL }, "--sheet" },
  { { "chronology", "import", "CSPR-2026-001", "x.csv", "--agency", "police", "--date-order",
      "dym", NULL }, "--date-order" },
  { { "timeline", "render", "CSPR-2026-001", "-o", "t.png", "--from", "1/13/2025", NULL },
    "--from" },
  { { "timeline", "render", "CSPR-2026-001", "-o", "t.png", "--from", "2/1/2025", "--to",
      "1/1/2025", NULL }, "before --from" },
  { { "timeline", "render", "CSPR-2026-001", "-o", "t.png", "--width", "wide", NULL },
    "--width" },
  { { "review", "decide", "CSPR-2026-001", "--proceed", "--date", "32/1/2026", NULL },
    "32/1/2026" },
  { { "trace", "CSPR-2026-001", "--entry", "0", NULL }, "--entry takes an id" },
  { { "trace", "CSPR-2026-001", "--entry", "seven", NULL }, "--entry takes an id" },
};

static void
test_bad_values (Fixture       *f,
                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      g_auto (Run) run = { NULL };
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();

      g_ptr_array_add (argv, "--database");
      g_ptr_array_add (argv, f->db);
      for (guint j = 0; value_cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, (char *) value_cases[i].args[j]);
      spawn (argv, &run);
      g_test_message ("case %u: %s", i, run.err);
      assert_data_error (&run);
      assert_contains (run.err, value_cases[i].message);
    }
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_auto (Run) run = { NULL };
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      g_auto (GStrv) lines = NULL;

      g_ptr_array_add (argv, "--database");
      g_ptr_array_add (argv, f->db);
      for (guint j = 0; usage_cases[i].args[j] != NULL; j++)
        g_ptr_array_add (argv, (char *) usage_cases[i].args[j]);
      spawn (argv, &run);
      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      lines = g_strsplit (run.err, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, 3);
      g_assert_true (g_str_has_prefix (lines[0], "casewise-cli: "));
      assert_contains (lines[0], usage_cases[i].message);
      g_assert_true (g_str_has_prefix (lines[1], "Usage: casewise-cli"));
    }
  /* A wrong command line never gets as far as the database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_help_and_version (Fixture       *f,
                       gconstpointer  data)
{
  g_auto (Run) run = { NULL };

  cli_raw (&run, "--version", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "casewise-cli " PACKAGE_VERSION "\n");
  cli_raw (&run, "--help", NULL);
  assert_ok (&run);
  assert_contains (run.out, "review set REF");
  assert_contains (run.out, "backup restore WHICH");
  cli_raw (&run, "review", "create", "--help", NULL);
  assert_ok (&run);
  assert_contains (run.out, "--subject");
  cli_raw (&run, "backup", "help", NULL);
  assert_ok (&run);
  assert_contains (run.out, "backup list");
  assert_lacks (run.out, "review list");
}

static void
test_unknown_review (Fixture       *f,
                     gconstpointer  data)
{
  static const char *const commands[][5] = {
    { "review", "show", "CSPR-2026-999", NULL },
    { "review", "set", "CSPR-2026-999", "--title", "X" },
    { "review", "decide", "CSPR-2026-999", "--proceed", NULL },
    { "review", "delete", "CSPR-2026-999", NULL },
  };
  g_autofree char *ref = create (f, "cspr", "Exists", NULL);

  g_assert_cmpstr (ref, ==, "CSPR-2026-001");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (Run) run = { NULL };
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();

      g_ptr_array_add (argv, "--database");
      g_ptr_array_add (argv, f->db);
      for (guint j = 0; j < G_N_ELEMENTS (commands[i]) && commands[i][j] != NULL; j++)
        g_ptr_array_add (argv, (char *) commands[i][j]);
      spawn (argv, &run);
      assert_data_error (&run);
      assert_contains (run.err, "CSPR-2026-999");
    }
  /* Whatever the message holds, it stays on one line. */
  {
    g_auto (Run) run = { NULL };

    cli (f, &run, "review", "show", "CSPR-2026-001\nCSPR-2026-002", NULL);
    assert_data_error (&run);
    assert_contains (run.err, "CSPR-2026-001 CSPR-2026-002");
  }
}

static void
test_corrupt_database (Fixture       *f,
                       gconstpointer  data)
{
  static const char text[] = "Minutes of the review group, 2 March 2026.\nNot a database.\n";
  g_auto (Run) run = { NULL };
  g_autofree char *after = NULL;
  g_autofree char *backups = g_build_filename (f->dir, "casewise-backups", NULL);
  gsize length = 0;
  g_autoptr (GError) error = NULL;

  g_file_set_contents (f->db, text, -1, &error);
  g_assert_no_error (error);

  cli (f, &run, "review", "list", NULL);
  assert_data_error (&run);
  assert_contains (run.err, f->db);
  cli (f, &run, "review", "create", "--kind", "cspr", "--title", "T", NULL);
  assert_data_error (&run);
  assert_contains (run.err, f->db);

  g_file_get_contents (f->db, &after, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, length, text, strlen (text));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

/* A change command does not make a database where a mistyped --database
 * points: only with --create, and the message says so, naming the path. */
static void
test_create_needs_flag (Fixture       *f,
                        gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  static const char *const changes[][6] = {
    { "review", "create", "--kind", "cspr", "--title", "T" },
    { "agency", "add", "Northshire Police", NULL },
    { "demo", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();

      g_ptr_array_add (argv, "--database");
      g_ptr_array_add (argv, f->db);
      for (guint j = 0; j < G_N_ELEMENTS (changes[i]) && changes[i][j] != NULL; j++)
        g_ptr_array_add (argv, (char *) changes[i][j]);
      spawn (argv, &run);
      assert_data_error (&run);
      assert_contains (run.err, f->db);
      assert_contains (run.err, "--create");
      g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
    }
  cli (f, &run, "review", "create", "--kind", "cspr", "--title", "T", "--create", NULL);
  assert_ok (&run);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));
  /* Once made, no flag is needed. */
  cli (f, &run, "review", "create", "--kind", "cspr", "--title", "U", NULL);
  assert_ok (&run);
}

/* A command that only reads creates nothing and writes no schema into an
 * empty file or one of unknown content, with or without --create. */
static void
test_read_only_writes_nothing (Fixture       *f,
                               gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  static const char *const reads[][4] = {
    { "review", "list", NULL },
    { "review", "show", "CSPR-2026-001", NULL },
    { "chronology", "list", "CSPR-2026-001", NULL },
    { "backup", "list", "--create", NULL },
    { "review", "list", "--create", NULL },
  };
  g_autofree char *blank = g_build_filename (f->dir, "blank.db", NULL);
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);

  write_sqlite (blank, "CREATE TABLE t (x); DROP TABLE t");
  for (guint round = 0; round < 3; round++)
    {
      gsize length = 0;
      g_autofree char *before = NULL;

      if (round == 1)
        g_assert_true (g_file_set_contents (f->db, "", 0, NULL));
      if (round == 2)
        copy_file (blank, f->db);
      before = bytes_of (f->db, &length);
      for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
        {
          g_autoptr (GPtrArray) argv = g_ptr_array_new ();
          g_autofree char *after = NULL;
          gsize after_length;

          g_ptr_array_add (argv, "--database");
          g_ptr_array_add (argv, f->db);
          for (guint j = 0; reads[i][j] != NULL; j++)
            g_ptr_array_add (argv, (char *) reads[i][j]);
          spawn (argv, &run);
          if (g_str_equal (reads[i][0], "backup"))
            {
              /* A database that does not open still has its backups: none. */
              assert_ok (&run);
              g_assert_cmpstr (run.out, ==, "");
            }
          else
            {
              assert_data_error (&run);
              assert_contains (run.err, f->db);
              assert_contains (run.err, round == 0 ? "There is no database" : "is empty");
            }
          if (round == 0)
            g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
          else
            {
              after = bytes_of (f->db, &after_length);
              g_assert_cmpmem (before, length, after, after_length);
            }
          g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
        }
    }
  /* The empty file becomes a database when asked. */
  cli (f, &run, "review", "create", "--kind", "cspr", "--title", "T", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "--create");
  cli (f, &run, "--create", "review", "create", "--kind", "cspr", "--title", "T", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "CSPR-2026-001\n");
}

#ifdef G_OS_UNIX
/* A database and backups that others could read are made the user's alone
 * on opening, with a notice on stderr that names files, never what is in
 * them. */
static void
test_tightens_permissions (Fixture       *f,
                           gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "cspr", "Amelia Hartley", "Child A");
  g_autofree char *root = g_build_filename (f->dir, "casewise-backups", NULL);
  g_autofree char *folder = g_build_filename (root, "casewise.db", NULL);

  g_assert_cmpint (g_chmod (f->db, 0644), ==, 0);
  g_assert_cmpint (g_chmod (root, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0777), ==, 0);
  cli (f, &run, "review", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, ref);
  g_assert_true (g_str_has_prefix (run.err, "casewise-cli: notice: "));
  assert_contains (run.err, f->db);
  assert_contains (run.err, root);
  assert_lacks (run.err, "Amelia");
  assert_lacks (run.err, "Child A");
  g_assert_cmpint (mode_of (f->db), ==, 0600);
  g_assert_cmpint (mode_of (root), ==, 0700);
  g_assert_cmpint (mode_of (folder), ==, 0700);
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
}
#endif

static void
test_newer_database (Fixture       *f,
                     gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autoptr (GError) error = NULL;
  CwStore *store = cw_store_open (f->db, &error);

  g_assert_no_error (error);
  cw_store_exec (store, "PRAGMA user_version = 99", &error);
  g_assert_no_error (error);
  g_object_unref (store);

  cli (f, &run, "review", "list", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "newer");
}

/* A trail that lost a safeguard to another program is put right, and the
 * command says so on stderr, once. */
static void
test_audit_notice (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "cspr", "Guarded", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_append_only_delete", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  cli (f, &run, "review", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, ref);
  g_assert_true (g_str_has_prefix (run.err, "casewise-cli: notice: "));
  assert_contains (run.err, "1 safeguard of the audit trail was missing");
  assert_contains (run.err, f->db);
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
}

static void
test_private_names (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = NULL;

  cli (f, &run, "--create", "demo", NULL);
  assert_ok (&run);
  g_assert_true (g_regex_match_simple ("^[A-Z]+-2026-[0-9]{3}\n$", run.out, 0, 0));
  ref = g_strstrip (g_steal_pointer (&run.out));

  cli (f, &run, "review", "show", ref, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Child A");
  assert_contains (run.out, "Mother's partner");
  assert_lacks (run.out, "Amelia");
  assert_lacks (run.out, "Hartley");
  assert_lacks (run.out, "Collier");
  assert_lacks (run.out, "NS-0048213");

  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
  assert_lacks (run.out, "Hartley");

  cli (f, &run, "review", "show", ref, "--json", NULL);
  assert_ok (&run);
  /* Private details stay out of JSON too unless asked for. */
  assert_contains (run.out, "\"pseudonym\": \"Child A\"");
  assert_lacks (run.out, "Amelia");
  assert_lacks (run.out, "Hartley");
  assert_lacks (run.out, "2024-06-14");
  assert_lacks (run.out, "NS-0048213");
  assert_lacks (run.out, "child_name");

  cli (f, &run, "review", "show", ref, "--json", "--show-private", NULL);
  assert_ok (&run);
  {
    g_autofree char *child = json_object_with (run.out, "\"pseudonym\": \"Child A\"");
    assert_contains (child, "\"real_name\": \"Amelia Hartley\"");
    assert_contains (child, "\"date_of_birth\": \"2024-06-14\"");
  }

  cli (f, &run, "review", "show", ref, "--show-private", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Amelia Hartley");
  assert_contains (run.out, "NS-0048213");
}

/* episode, finding, recommendation and trace on the sample review. */
static void
test_analysis_commands (Fixture       *f,
                        gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = NULL;
  g_autofree char *ids = NULL;

  cli (f, &run, "--create", "demo", NULL);
  assert_ok (&run);
  ref = g_strstrip (g_steal_pointer (&run.out));

  cli (f, &run, "episode", "list", ref, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Closing Sibling B's child in need plan");
  assert_contains (run.out, "12 Nov 2024 – 18 Nov 2024");
  assert_contains (run.out, "(missed opportunity)");
  cli (f, &run, "episode", "list", ref, "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"number\": 4");
  assert_contains (run.out, "\"first_day\": \"2025-10-11\"");

  /* A new episode from two entries of the chronology, by their ids. */
  cli (f, &run, "chronology", "list", ref, "--json", "--search", "nativity", NULL);
  assert_ok (&run);
  {
    g_autoptr (GRegex) id = g_regex_new ("\"id\": ([0-9]+)", 0, 0, NULL);
    g_autoptr (GMatchInfo) match = NULL;

    g_assert_true (g_regex_match (id, run.out, 0, &match));
    ids = g_match_info_fetch (match, 1);
  }
  cli (f, &run, "episode", "add", ref, "--title", "Christmas", "--entries", ids,
       "--to", "31/12/2025", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "5\n");
  cli (f, &run, "episode", "show", ref, "5", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Episode 5: Christmas");
  assert_contains (run.out, "11 Dec 2025 – 31 Dec 2025");
  assert_contains (run.out, ids);
  cli (f, &run, "episode", "show", ref, "5", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"end_date\": \"2025-12-31\"");

  /* Refused, and nothing added. */
  cli (f, &run, "episode", "add", ref, "--title", "Wrong", "--entries", "99999", NULL);
  assert_data_error (&run);
  cli (f, &run, "episode", "add", ref, "--title", "Wrong", "--entries", "twelve", NULL);
  assert_data_error (&run);
  cli (f, &run, "episode", "add", ref, "--title", "Wrong", "--from", "1/1/2026", "--to",
       "1/1/2025", NULL);
  assert_data_error (&run);
  cli (f, &run, "episode", "add", ref, NULL);
  g_assert_cmpint (run.status, ==, 2);
  cli (f, &run, "episode", "show", ref, "9", NULL);
  assert_data_error (&run);
  cli (f, &run, "episode", "list", ref, NULL);
  assert_lacks (run.out, "Wrong");

  cli (f, &run, "finding", "list", ref, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Good practice");
  assert_contains (run.out, "Shared for accuracy check");
  cli (f, &run, "finding", "show", ref, "1", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Finding 1: Information about domestic abuse");
  assert_contains (run.out, "Themes: Domestic abuse; Information sharing");
  assert_contains (run.out, "Episode 2 (Case evidence)");
  cli (f, &run, "finding", "list", ref, "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"kind\": \"good-practice\"");

  cli (f, &run, "recommendation", "list", ref, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Safeguarding partnership board");
  cli (f, &run, "recommendation", "list", ref, "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"status\": \"agreed\"");

  cli (f, &run, "trace", ref, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Recommendation 1: ");
  assert_contains (run.out, "  Finding 1: ");
  assert_contains (run.out, "    Episode 2 (Case evidence): ");
  assert_contains (run.out, "      Entry of 17 May 2025 23:10, Northshire Police");
  assert_lacks (run.out, "⚠");
  cli (f, &run, "trace", ref, "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"gaps\": 0");
  assert_contains (run.out, "\"kind\": \"recommendation\"");
  cli (f, &run, "trace", ref, "--entry", ids, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Episode 5: Christmas");
  cli (f, &run, "trace", ref, "--entry", "99999", NULL);
  assert_data_error (&run);
  cli (f, &run, "trace", "NOPE-2026-001", NULL);
  assert_data_error (&run);
}

/* action list|add|update|close, on the sample review's plan. Today is
 * fixed (CASEWISE_NOW), so the ratings are too. */
static void
test_action_commands (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = NULL;
  g_autofree char *id = NULL;

  cli (f, &run, "--create", "demo", NULL);
  assert_ok (&run);
  ref = g_strstrip (g_steal_pointer (&run.out));

  cli (f, &run, "action", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, "RATING");
  assert_contains (run.out, "Add health visiting and the GP");
  cli (f, &run, "action", "list", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"rag\": ");
  assert_contains (run.out, "\"rating\": ");

  /* Added to recommendation 2, due in the past: overdue. */
  cli (f, &run, "action", "add", ref, "--recommendation", "2", "--description",
       "Rewrite the was-not-brought procedure", "--due", "1/1/2026", "--agency",
       "health visiting", "--measure", "Every missed review followed up in 4 weeks", NULL);
  assert_ok (&run);
  id = g_strstrip (g_steal_pointer (&run.out));
  cli (f, &run, "action", "list", ref, "--overdue", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Rewrite the was-not-brought procedure");
  assert_contains (run.out, "⚠ Overdue");
  cli (f, &run, "action", "list", "--agency", "police", "--json", NULL);
  assert_ok (&run);
  assert_lacks (run.out, "Rewrite the was-not-brought procedure");
  cli (f, &run, "action", "list", "--due-within", "5000", NULL);
  assert_data_error (&run);
  cli (f, &run, "action", "add", ref, "--recommendation", "9", "--description", "x", NULL);
  assert_data_error (&run);
  cli (f, &run, "action", "add", ref, "--description", "x", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Progress, one step at a time. */
  cli (f, &run, "action", "update", id, "--status", "in-progress", "--narrative",
       "Draft out for comment", "--reporter", "Head of safeguarding", NULL);
  assert_ok (&run);
  cli (f, &run, "action", "list", ref, "--json", NULL);
  assert_contains (run.out, "Draft out for comment");
  cli (f, &run, "action", "update", id, "--status", "embedded", NULL);
  assert_ok (&run);
  cli (f, &run, "action", "list", ref, "--all", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"status\": \"embedded\"");
  cli (f, &run, "action", "update", id, NULL);
  g_assert_cmpint (run.status, ==, 2);
  cli (f, &run, "action", "update", "nine", "--status", "completed", NULL);
  assert_data_error (&run);

  /* Closing needs the body and the reason. */
  cli (f, &run, "action", "close", "4", "--body", "performance", NULL);
  g_assert_cmpint (run.status, ==, 2);
  cli (f, &run, "action", "close", "4", "--body", "Nobody", "--reason", "x", NULL);
  assert_data_error (&run);
  cli (f, &run, "action", "close", "4", "--body", "performance", "--reason",
       "Covered by the hospital's own training plan", NULL);
  assert_ok (&run);
  cli (f, &run, "action", "list", ref, NULL);
  assert_ok (&run);
  assert_lacks (run.out, "Train emergency department staff");
}

/* action export and import: the tracker written as CSV and XLSX with real
 * names redacted, and a returned one previewed, refused by row and
 * column with nothing written, then applied. */
static void
test_action_exchange (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = NULL;
  g_autofree char *id = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "tracker.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (f->dir, "tracker.xlsx", NULL);
  g_autofree char *back = g_build_filename (f->dir, "returned.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *returned = NULL;
  gsize size = 0;

  cli (f, &run, "--create", "demo", NULL);
  assert_ok (&run);
  ref = g_strstrip (g_steal_pointer (&run.out));
  cli (f, &run, "action", "add", ref, "--recommendation", "2", "--description",
       "Visit Amelia Hartley's nursery", "--due", "1/1/2026", "--agency", "health visiting",
       NULL);
  assert_ok (&run);
  id = g_strstrip (g_steal_pointer (&run.out));

  /* The list's filters: by theme too. */
  cli (f, &run, "action", "list", "--theme", "Domestic abuse", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"id\": ");
  cli (f, &run, "action", "list", "--theme", "No such theme", NULL);
  assert_data_error (&run);

  cli (f, &run, "action", "export", ref, "--format", "csv", "-o", csv_path, NULL);
  assert_ok (&run);
  assert_contains (run.out, "actions, real names redacted");
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  assert_contains (csv, "Action id,Review,Recommendation,What will change,");
  assert_contains (csv, "New status,Progress narrative,Date of update,Reported by\r\n");
  assert_contains (csv, "Visit Child A's nursery");
  assert_contains (csv, "Red – Overdue");
  assert_lacks (csv, "Hartley");
  cli (f, &run, "action", "export", "--format", "xlsx", "-o", xlsx_path, "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"format\": \"xlsx\"");
  g_assert_true (g_file_get_contents (xlsx_path, &xlsx, &size, NULL));
  g_assert_cmpuint (size, >, 4);
  g_assert_cmpint (memcmp (xlsx, "PK\003\004", 4), ==, 0);
  /* Never over the database. */
  cli (f, &run, "action", "export", "--format", "csv", "-o", f->db, NULL);
  assert_data_error (&run);
  cli (f, &run, "action", "export", "--format", "ods", "-o", csv_path, NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Returned with the columns in another order: a preview writes nothing. */
  returned = g_strdup_printf ("Date of update,Action id,Progress narrative,New status\n"
                              "1/3/2026,%s,Visit booked,In progress\n", id);
  g_assert_true (g_file_set_contents (back, returned, -1, NULL));
  cli (f, &run, "action", "import", back, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Not started → In progress, 1 Mar 2026: Visit booked");
  assert_contains (run.out, "preview, nothing written");
  cli (f, &run, "action", "list", ref, "--json", NULL);
  assert_lacks (run.out, "Visit booked");
  cli (f, &run, "action", "import", back, "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"applied\": false");
  assert_contains (run.out, "\"status_to\": \"in-progress\"");

  /* One bad row and nothing is written, the good row neither. */
  g_free (returned);
  returned = g_strdup_printf ("Date of update,Action id,Progress narrative,New status\n"
                              "1/3/2026,%s,Visit booked,In progress\n"
                              "1/3/2026,99999,Unknown,Done\n", id);
  g_assert_true (g_file_set_contents (back, returned, -1, NULL));
  cli (f, &run, "action", "import", back, "--apply", NULL);
  /* A line on stderr for each problem, as a compiler has them, then the
   * count; exit 1. */
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  {
    g_auto (GStrv) lines = g_strsplit (run.err, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    for (guint i = 0; i < 3; i++)
      g_assert_true (g_str_has_prefix (lines[i], "casewise-cli: "));
  }
  assert_contains (run.err, "returned.csv, row 3, column B (Action id): no action has id 99999");
  assert_contains (run.err, "returned.csv, row 3, column D (New status): “Done” is not a status");
  assert_contains (run.err, "returned.csv: 2 problems; nothing was written\n");
  cli (f, &run, "action", "list", ref, "--json", NULL);
  assert_lacks (run.out, "Visit booked");

  g_free (returned);
  returned = g_strdup_printf ("Date of update,Action id,Progress narrative,New status\n"
                              "1/3/2026,%s,Visit booked,In progress\n", id);
  g_assert_true (g_file_set_contents (back, returned, -1, NULL));
  cli (f, &run, "action", "import", back, "--apply", NULL);
  assert_ok (&run);
  assert_contains (run.out, "1 action updated, 0 unchanged");
  cli (f, &run, "action", "list", ref, "--json", NULL);
  assert_contains (run.out, "\"latest_update\": \"2026-03-01: Visit booked\"");
  cli (f, &run, "action", "import", csv_path, "--apply", NULL);
  assert_ok (&run);
  assert_contains (run.out, "0 actions updated");
  cli (f, &run, "action", "import", f->db, NULL);
  assert_data_error (&run);
}

static void
test_show_sections (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = NULL;

  cli (f, &run, "--create", "demo", NULL);
  assert_ok (&run);
  ref = g_strstrip (g_steal_pointer (&run.out));
  cli (f, &run, "review", "show", ref, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Key dates");
  assert_contains (run.out, "Deadlines");
  assert_contains (run.out, "Referral and decision");
  assert_contains (run.out, "Agencies involved");
  assert_contains (run.out, "Northshire Police");
  assert_contains (run.out, "Review group");
  assert_contains (run.out, "Dr Helen Marsh");
  assert_contains (run.out, "Case group");
  assert_contains (run.out, "Terms of reference");
  assert_contains (run.out, "Key lines of enquiry");

  cli (f, &run, "review", "show", ref, "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"review_group\": [");
  assert_contains (run.out, "\"case_group\": [");
  assert_contains (run.out, "\"agencies\": [");
  assert_contains (run.out, "\"key_lines_of_enquiry\": [");
  assert_contains (run.out, "\"grounds\": [");
}

static char *
last_line (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >=, 2);
  return g_strdup (lines[n - 2]);
}

static void
test_backup_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *a = create (f, "cspr", "Review A", NULL);
  g_autofree char *b = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  cli (f, &run, "backup", "create", NULL);
  assert_ok (&run);
  path = g_strstrip (g_steal_pointer (&run.out));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  name = g_path_get_basename (path);
  b = create (f, "cspr", "Review B", NULL);
  g_assert_cmpstr (b, ==, "CSPR-2026-002");

  cli (f, &run, "backup", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, path);
  cli (f, &run, "backup", "list", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, name);

  cli (f, &run, "backup", "restore", path, NULL);
  assert_ok (&run);
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, a);
  assert_lacks (run.out, b);

  /* By file name too, as `backup list` shows it. */
  g_free (b);
  b = create (f, "cspr", "Review B again", NULL);
  cli (f, &run, "backup", "restore", name, NULL);
  assert_ok (&run);
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, a);
  assert_lacks (run.out, b);

  cli (f, &run, "backup", "restore", "no-such-backup.db", NULL);
  assert_data_error (&run);
  g_free (path);
  cli (f, &run, "backup", "list", NULL);
  path = last_line (run.out);
  g_assert_true (g_str_has_suffix (path, ".db"));
}

static void demo (Fixture *f);

/* `backup restore` checks what it is given before it touches anything:
 * the database stays byte for byte as it was. */
static void
test_backup_restore_verifies (Fixture       *f,
                              gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "cspr", "Kept", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *blank = g_build_filename (f->dir, "blank.db", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "bookmarks.db", NULL);
  const char *sources[] = { empty, text, blank, foreign };
  const char *says[] = { "empty (0 bytes)", "not an SQLite database", "empty SQLite database",
                         "another program" };
  g_autofree char *before = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (text, "Minutes of the review group", -1, NULL));
  write_sqlite (blank, "CREATE TABLE t (x); DROP TABLE t");
  write_sqlite (foreign, "CREATE TABLE bookmarks (url TEXT)");
  before = bytes_of (f->db, &length);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *after = NULL;
      gsize after_length;

      cli (f, &run, "backup", "restore", sources[i], "--other-database", NULL);
      assert_data_error (&run);
      assert_contains (run.err, sources[i]);
      assert_contains (run.err, says[i]);
      assert_contains (run.err, "Nothing has been changed");
      after = bytes_of (f->db, &after_length);
      g_assert_cmpmem (before, length, after, after_length);
    }
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, ref);
}

/* A backup of another database: refused, unless --other-database. */
static void
test_backup_restore_other_database (Fixture       *f,
                                    gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *other_backup = NULL;
  g_autofree char *mine = create (f, "cspr", "Mine", NULL);

  cli_raw (&run, "--database", other_db, "--create", "review", "create", "--kind", "rapid",
           "--title", "Theirs", NULL);
  assert_ok (&run);
  cli_raw (&run, "--database", other_db, "backup", "create", NULL);
  assert_ok (&run);
  other_backup = g_strstrip (g_steal_pointer (&run.out));
  cli (f, &run, "backup", "restore", other_backup, NULL);
  assert_data_error (&run);
  assert_contains (run.err, "another database");
  assert_contains (run.err, "--other-database");
  cli (f, &run, "review", "list", NULL);
  assert_contains (run.out, mine);
  cli (f, &run, "backup", "restore", other_backup, "--other-database", NULL);
  assert_ok (&run);
  cli (f, &run, "review", "list", NULL);
  assert_contains (run.out, "RR-2026-001");
  assert_lacks (run.out, mine);
}

/* The database is damaged, as the refusal to open it says: `backup list`
 * and `backup restore` still work, and the damaged file is kept aside. */
static void
test_backup_restore_damaged (Fixture       *f,
                             gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *ref = NULL;
  gsize length, aside_length;

  demo (f);
  cli (f, &run, "backup", "create", NULL);
  assert_ok (&run);
  path = g_strstrip (g_steal_pointer (&run.out));
  name = g_path_get_basename (path);
  scribble (f->db);
  damaged = bytes_of (f->db, &length);
  cli (f, &run, "review", "list", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "restore a backup");

  cli (f, &run, "backup", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, path);
  cli (f, &run, "backup", "restore", name, "--actor", "Test Reviewer", NULL);
  assert_ok (&run);
  assert_contains (run.out, "kept as ");
  aside = g_strstrip (g_strdup (strstr (run.out, "kept as ") + strlen ("kept as ")));
  aside[strlen (aside) - 1] = '\0'; /* the full stop */
  {
    g_autofree char *kept = bytes_of (aside, &aside_length);
    g_assert_cmpmem (kept, aside_length, damaged, length);
  }
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, "CSPR-2026-001");
  ref = g_strdup ("CSPR-2026-001");
  cli (f, &run, "review", "show", ref, NULL);
  assert_ok (&run);
}

static gint64
review_id (Fixture    *f,
           const char *reference)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = cw_store_open (f->db, &error);
  g_autoptr (CwRecord) review = NULL;

  g_assert_no_error (error);
  review = cw_store_find_review (store, reference, &error);
  g_assert_no_error (error);
  return cw_record_get_id (review);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *a = create (f, "cspr", "To delete", NULL);
  g_autofree char *b = create (f, "cspr", "To keep", NULL);
  gint64 id = review_id (f, a);
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = NULL;

  cli (f, &run, "review", "delete", a, NULL);
  assert_ok (&run);
  assert_contains (run.out, a);
  assert_contains (run.out, "To delete");
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
  assert_lacks (run.out, a);
  assert_contains (run.out, b);
  cli (f, &run, "review", "show", a, NULL);
  assert_data_error (&run);

  /* Purged, not merely hidden: there is nothing left to undelete. */
  store = cw_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_false (cw_store_undelete (store, &cw_entity_review, id, &error));
  g_assert_error (error, CW_STORE_ERROR, (int) CW_STORE_ERROR_NOT_FOUND);
}

/* Writes @sql straight into the fixture's database, as an older version
 * that let anything in would have. */
static void
plant (Fixture    *f,
       const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = cw_store_open (f->db, &error);
  char *message = NULL;

  g_assert_no_error (error);
  if (sqlite3_exec (store->db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

/* Stored text is never printed raw: a control character is shown as
 * \uXXXX in text and escaped in JSON, which stays valid. */
static void
test_json_escaping (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "cspr", "Say \"hi\" \\ caf\xc3\xa9", "Child A");

  g_assert_cmpstr (ref, ==, "CSPR-2026-001");
  cli (f, &run, "review", "list", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"title\": \"Say \\\"hi\\\" \\\\ caf\xc3\xa9\"");

  plant (f, "UPDATE review SET title = 'Bell' || char (7) || ' tab' || char (9) || 'x'"
            " || char (10) || 'next' || char (27) || '[2J' || char (13) || char (155)"
            " || char (8238) || 'end', subject_pseudonym = 'Child' || char (27) || ']0;pwned'"
            " || char (7)");
  cli (f, &run, "review", "list", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"title\": \"Bell\\u0007 tab\\tx\\nnext\\u001b[2J\\r\\u009b"
                            "\\u202eend\"");
  assert_lacks (run.out, "\x1b");
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Child\\u001B]0;pwned\\u0007");
  cli (f, &run, "review", "show", ref, NULL);
  assert_ok (&run);
  assert_contains (run.out, "Bell\\u0007 tab\tx\n");
  assert_contains (run.out, "next\\u001B[2J\\u000D\\u009B\\u202Eend");
  for (const char *p = run.out; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t');
  assert_lacks (run.out, "\xc2\x9b");
  assert_lacks (run.out, "\xe2\x80\xae");
}

/* Names and titles with control characters never get in; --actor is one
 * short line. */
static void
test_refuses_controls (Fixture       *f,
                       gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *ref = create (f, "cspr", "Clean", NULL);
  g_autofree char *long_actor = g_strnfill (101, 'a');
  g_autofree char *json = NULL;
  const char *actors[] = { "", "  ", "Two\nlines", "Esc\x1b[31m", "Bell\a", long_actor };

  cli (f, &run, "review", "create", "--kind", "cspr", "--title", "Evil\x1b]0;x\a", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "Title holds a control character (U+001B)");
  assert_lacks (run.err, "\x1b");
  cli (f, &run, "review", "set", ref, "--subject", "Child\xe2\x80\xae" "A", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "U+202E");
  cli (f, &run, "agency", "add", "Police\a", NULL);
  assert_data_error (&run);
  cli (f, &run, "review", "decide", ref, "--not-proceed", "--rationale",
       "Line one\r\nline two\x1b[0m", NULL);
  assert_ok (&run);
  json = show_json (f, ref);
  assert_contains (json, "\"rationale\": \"Line one\\nline two[0m\"");
  assert_contains (json, "\"title\": \"Clean\"");

  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      cli (f, &run, "--actor", actors[i], "review", "set", ref, "--title", "Renamed", NULL);
      g_test_message ("actor %u: %s", i, run.err);
      assert_data_error (&run);
      assert_contains (run.err, "--actor ");
      assert_lacks (run.err, "\x1b");
    }
  cli (f, &run, "--actor", "Ann O\xe2\x80\x99Neill", "review", "set", ref, "--title", "Renamed",
       NULL);
  assert_ok (&run);
}

static void
test_actor_and_options_anywhere (Fixture       *f,
                                 gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (CwStore) store = NULL;
  g_autoptr (CwRecord) review = NULL;
  g_autoptr (GListModel) history = NULL;

  /* Global options may also follow the command. */
  cli_raw (&run, "review", "create", "--kind", "cspr", "--title", "Audited", "--database", f->db,
           "--create", "--actor", "Test Reviewer", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "CSPR-2026-001\n");

  store = cw_store_open (f->db, &error);
  g_assert_no_error (error);
  review = cw_store_find_review (store, "CSPR-2026-001", &error);
  g_assert_no_error (error);
  history = cw_store_list_history (store, cw_record_get_id (review), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr (CwAuditEntry) entry = g_list_model_get_item (history, i);
      g_assert_cmpstr (cw_audit_entry_get_actor (entry), ==, "Test Reviewer");
    }
}

static void
test_backup_failure_warns (Fixture       *f,
                           gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *blocker = g_build_filename (f->dir, "casewise-backups", NULL);
  g_autoptr (GError) error = NULL;

  /* A file where the backup folder should be: the backup fails, the
   * change goes ahead with a warning. */
  g_file_set_contents (blocker, "not a folder", -1, &error);
  g_assert_no_error (error);
  cli (f, &run, "--create", "review", "create", "--kind", "cspr", "--title", "Still made", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "CSPR-2026-001\n");
  g_assert_true (g_str_has_prefix (run.err, "casewise-cli: warning: "));
}

static void
test_memory_database (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (Run) run = { NULL };

  cli_raw (&run, "--database", ":memory:", "review", "create", "--kind", "learning", "--title",
           "Scratch", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "LR-2026-001\n");
  cli_raw (&run, "--database", ":memory:", "backup", "create", NULL);
  assert_data_error (&run);
}

/* The chronology: the sample's six returns, imports with problems,
 * replacement of a return imported again, export and listing. */

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
demo (Fixture *f)
{
  g_auto (Run) run = { NULL };

  cli (f, &run, "--create", "demo", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "CSPR-2026-001\n");
}

static void
test_chronology_list (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (Run) run = { NULL };

  demo (f);
  cli (f, &run, "chronology", "list", "CSPR-2026-001", NULL);
  assert_ok (&run);
  assert_contains (run.out, "153 entries, 2 gaps in contact");
  assert_contains (run.out, "— no agency contact for 56 days —");
  /* The strategy meeting the police date a day later: flagged. */
  assert_contains (run.out, "12 Feb 2026 ≠");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", "--agency", "police", "--from",
       "1/9/2025", "--to", "30/9/2025", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Northshire Police");
  assert_lacks (run.out, "Riverside");
  assert_lacks (run.out, "2026");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", "--search", "femur", "--json", NULL);
  assert_ok (&run);
  g_assert_true (g_str_has_prefix (run.out, "["));
  assert_contains (run.out, "\"description\": ");
  assert_lacks (run.out, "\"agency\": \"Northshire Park Primary School\"");
  /* A search with nothing to look for is refused, never every entry. */
  cli (f, &run, "chronology", "list", "CSPR-2026-001", "--search", "*", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "no letters or digits");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", "--search", "(", "--json", NULL);
  assert_data_error (&run);
  cli (f, &run, "chronology", "list", "CSPR-2026-001", "--from", "31/2/2025", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "--from");
}

static const char police_corrected[] =
  "Date/time,Record ref,Officer,Details,Significant?\n"
  "03/04/2025 22:15,CAD 9001,PC Benn,Call-out to the home,Yes\n"
  "31/02/2025,CAD 9002,PC Benn,A date that does not exist,\n"
  "14/09/2025,CAD 9003,PC Benn,\"Second call-out, partner left\",Yes\n";

static void
test_chronology_import (Fixture       *f,
                        gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *path = write_file (f, "police.csv", police_corrected);

  demo (f);
  /* A dry run counts and lists, and writes nothing. */
  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, "--agency", "police",
       "--dry-run", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"dry_run\": true");
  assert_contains (run.out, "\"format\": \"CSV\"");
  assert_contains (run.out, "\"encoding\": \"UTF-8\"");
  assert_contains (run.out, "\"added\": 2");
  assert_contains (run.out, "\"removed\": 23");
  assert_contains (run.out, "\"unchanged\": 0");
  assert_contains (run.out, "\"rejected\": 1");
  assert_contains (run.out, "\"row\": 3");
  assert_contains (run.out, "\"column\": \"A\"");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", NULL);
  assert_contains (run.out, "153 entries");

  /* The corrected return replaces the police's earlier one. */
  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, "--agency", "police", NULL);
  assert_ok (&run);
  assert_contains (run.out, "police.csv, row 3, column A");
  assert_contains (run.out, "police.csv (CSV, UTF-8): 2 entries added, 0 updated, 0 unchanged, "
                            "23 removed; rows rejected: 1");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", NULL);
  assert_contains (run.out, "132 entries");
  cli (f, &run, "chronology", "returns", "CSPR-2026-001", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Northshire Police");
  assert_contains (run.out, "Received");
  /* The sample's housing return is awaited past its due date. */
  assert_contains (run.out, "Requested, ⚠ overdue");
  cli (f, &run, "chronology", "returns", "CSPR-2026-001", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"overdue\": true");
  /* The history has the import as one line, in the app's words. */
  cli (f, &run, "review", "history", "CSPR-2026-001", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Imported an agency’s return");
  assert_contains (run.out, "police.csv: 2 added, 0 updated, 0 unchanged, 23 removed, 1 rows "
                            "rejected");
}

/* `review history`: the lines the app's History shows, newest first. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  const char *first_line;

  cli (f, &run, "--create", "--actor", "Test Reviewer", "review", "create", "--kind", "cspr",
       "--title", "Audited", NULL);
  assert_ok (&run);
  cli (f, &run, "--actor", "Test Reviewer", "review", "set", "CSPR-2026-001", "--title",
       "Renamed", "--phase", "decision", NULL);
  assert_ok (&run);
  cli (f, &run, "review", "history", "CSPR-2026-001", NULL);
  assert_ok (&run);
  g_assert_true (g_str_has_prefix (run.out, "WHEN "));
  first_line = strchr (run.out, '\n') + 1;
  /* Noon of CASEWISE_NOW's day, in local time. */
  g_assert_true (g_str_has_prefix (first_line, "2 Mar 2026 12:00  Test Reviewer  "));
  assert_contains (run.out, "Title · Changed review");
  assert_contains (run.out, "Audited");
  assert_contains (run.out, "Renamed");
  assert_contains (run.out, "Phase · Changed review");
  assert_contains (run.out, "Referral");
  assert_contains (run.out, "Decision");
  /* The review's creation is one line with its values. */
  assert_contains (run.out, "Added review");
  assert_contains (run.out, "Reference: CSPR-2026-001 · Title: Audited");
  /* Newest first. */
  g_assert_true (strstr (run.out, "Renamed") < strstr (run.out, "Added review"));

  cli (f, &run, "review", "history", "CSPR-2026-001", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"when\": \"2 Mar 2026 12:00\"");
  assert_contains (run.out, "\"actor\": \"Test Reviewer\"");
  assert_contains (run.out, "\"action\": \"update\"");
  assert_contains (run.out, "\"entity\": \"review\"");
  assert_contains (run.out, "\"field\": \"title\"");
  assert_contains (run.out, "\"what\": \"Title · Changed review\"");
  assert_contains (run.out, "\"before\": \"Audited\"");
  assert_contains (run.out, "\"after\": \"Renamed\"");

  cli (f, &run, "review", "history", "CSPR-2099-001", NULL);
  assert_data_error (&run);
}

static void
test_chronology_import_refused (Fixture       *f,
                                gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *bad = write_file (f, "bad.csv", "Date,Ref,Details\n31/02/2025,A,x\n");
  g_autofree char *us = write_file (f, "us.csv", "Date,Ref,Details\n04/13/2025,A,x\n"
                                                 "05/02/2025,B,y\n");
  g_autofree char *binary = write_file (f, "image.csv", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
  g_autofree char *mixed = write_file (f, "mixed.csv", "Date,Ref,Details\n"
                                                       "01/02/2025,A,Zo\xC3\xAB visited\n"
                                                       "02/02/2025,B,Caf\xE9 visit\n");
  g_autofree char *cp1252 = write_file (f, "cp1252.csv", "Date,Ref,Details\n"
                                                         "03/02/2025,C,Caf\xE9 visit\n"
                                                         "04/02/2025,D,Na\xEFve \x93plan\x94\n");
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.csv", NULL);

  demo (f);
  /* Every row bad: exit 1, the rows listed, the reason on stderr. */
  cli (f, &run, "chronology", "import", "CSPR-2026-001", bad, "--agency", "police", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.out, "bad.csv, row 2, column A");
  assert_contains (run.err, "nothing was imported");
  /* Dates that make sense only month first: asked, not guessed. */
  cli (f, &run, "chronology", "import", "CSPR-2026-001", us, "--agency", "police", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "--date-order mdy");
  cli (f, &run, "chronology", "import", "CSPR-2026-001", us, "--agency", "police",
       "--date-order", "mdy", NULL);
  assert_ok (&run);
  assert_contains (run.out, "2 entries added");
  cli (f, &run, "chronology", "import", "CSPR-2026-001", binary, "--agency", "police", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "image.csv");
  /* UTF-8 with one stray Windows-1252 byte: refused where it is, never
   * read whole as Windows-1252 ("é" as "Ã©"). */
  cli (f, &run, "chronology", "import", "CSPR-2026-001", mixed, "--agency", "police", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "mixed.csv, row 3, column 3: the bytes E9 are not UTF-8");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", "--search", "Zoë", NULL);
  assert_contains (run.out, "No entries");
  /* A real Windows-1252 file is read as one, and says so. */
  cli (f, &run, "chronology", "import", "CSPR-2026-001", cp1252, "--agency", "police", "--json",
       NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"encoding\": \"WINDOWS-1252\"");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", "--search", "café", NULL);
  assert_contains (run.out, "Café visit");
  cli (f, &run, "chronology", "import", "CSPR-2026-001", missing, "--agency", "police", NULL);
  assert_data_error (&run);
  cli (f, &run, "chronology", "import", "CSPR-2026-001", bad, "--agency", "fire service", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "Northshire Police");
  cli (f, &run, "chronology", "import", "CSPR-2026-001", bad, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--agency");
  cli (f, &run, "chronology", "import", "CSPR-2026-001", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "FILE is missing");
}

static void
test_agency (Fixture       *f,
             gconstpointer  data)
{
  g_auto (Run) run = { NULL };

  cli (f, &run, "--create", "agency", "add", "Northshire Police", "--sector", "police", NULL);
  assert_ok (&run);
  cli (f, &run, "agency", "add", "northshire police", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "already has this name");
  cli (f, &run, "agency", "add", "Fire", "--sector", "fire-brigade", NULL);
  assert_data_error (&run);
  cli (f, &run, "agency", "list", NULL);
  assert_ok (&run);
  g_assert_cmpstr (run.out, ==, "Northshire Police\n");
  /* Short names, given when added or later, are listed with the names. */
  cli (f, &run, "agency", "add", "Northshire Park Primary", "--short-name", "NPP", NULL);
  assert_ok (&run);
  cli (f, &run, "agency", "set", "police", "--short-name", "NP", NULL);
  assert_ok (&run);
  cli (f, &run, "agency", "list", NULL);
  g_assert_cmpstr (run.out, ==, "Northshire Park Primary (NPP)\nNorthshire Police (NP)\n");
  cli (f, &run, "agency", "set", "police", "--short-name", "", "--name", "Northshire Constabulary",
       NULL);
  assert_ok (&run);
  cli (f, &run, "agency", "list", NULL);
  g_assert_cmpstr (run.out, ==, "Northshire Constabulary\nNorthshire Park Primary (NPP)\n");
  /* A short name is one line, like a name. */
  cli (f, &run, "agency", "set", "primary", "--short-name", "N\nPP", NULL);
  assert_data_error (&run);
  cli (f, &run, "agency", "set", "fire", "--short-name", "F", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "No agency is named “fire”");
}

/* `chronology import --agency-from-column`: a combined chronology split
 * into one return per agency; agencies the register lacks refused by name
 * and row, or added with --add-agencies; one warning, not one per row,
 * when it is imported as one agency's. */
static void
test_chronology_import_combined (Fixture       *f,
                                 gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *path = write_file (f, "combined.csv",
                                      "Date,Agency,Record ref,Details\n"
                                      "01/01/2024,Police,P1,call to the home\n"
                                      "02/01/2024,Northshire Police,P2,welfare check\n"
                                      "03/01/2024,Health visiting,H1,new birth visit\n"
                                      "04/01/2024,Northshire Foodbank,F1,food parcel\n"
                                      "05/01/2024,Youth Club,Y1,session\n"
                                      "06/01/2024,Northshire Foodbank,F2,food parcel\n");

  demo (f);
  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, "--agency-from-column", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "combined.csv: the Agency column names 2 agencies the register does "
                            "not have: “Northshire Foodbank” (rows 5 and 7); “Youth Club” (row 6)");
  assert_contains (run.err, "--add-agencies");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", NULL);
  assert_contains (run.out, "153 entries");

  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, "--agency-from-column",
       "--add-agencies", NULL);
  assert_ok (&run);
  assert_contains (run.out, "combined.csv (CSV, UTF-8): 6 entries added, 0 updated, 0 unchanged, "
                            "46 removed; rows rejected: 0");
  assert_contains (run.out, "  Northshire Police (“Police”): 2 added, 0 updated, 0 unchanged, "
                            "23 removed\n");
  assert_contains (run.out, "  Northshire Foodbank (added to the register): 2 added");
  assert_contains (run.out, "  Youth Club (added to the register): 1 added");
  cli (f, &run, "agency", "list", NULL);
  assert_contains (run.out, "Youth Club\n");
  cli (f, &run, "chronology", "returns", "CSPR-2026-001", "--json", NULL);
  assert_contains (run.out, "Northshire Foodbank");

  /* Rows naming no agency need one given for them. */
  g_free (path);
  path = write_file (f, "blank.csv", "Date,Agency,Record ref,Details\n"
                                     "01/01/2024,Police,P1,call to the home\n"
                                     "02/01/2024,,X1,unsigned\n");
  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, "--agency-from-column", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "blank.csv, row 3: no agency is named in the Agency column");
  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, "--agency-from-column",
       "--agency", "youth", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"agencies\": [");
  assert_contains (run.out, "\"name\": null");

  /* Imported as one agency's, the other agencies' rows make one warning. */
  g_free (path);
  path = write_file (f, "mixed.csv", "Date,Agency,Record ref,Details\n"
                                     "01/01/2024,Police,P1,call to the home\n"
                                     "02/01/2024,Health visiting,H1,visit\n"
                                     "03/01/2024,Health visiting,H2,visit\n"
                                     "04/01/2024,GP,G1,appointment\n");
  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, "--agency", "police", NULL);
  assert_ok (&run);
  assert_contains (run.out, "mixed.csv, row 3, column B (Agency): 3 rows name 2 other agencies");
  g_assert_null (strstr (run.out, "row 4, column B"));

  /* The options go together. */
  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--agency-from-column");
  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, "--agency", "police",
       "--add-agencies", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_chronology_export (Fixture       *f,
                        gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  demo (f);
  cli (f, &run, "chronology", "export", "CSPR-2026-001", "-o", path, NULL);
  assert_ok (&run);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Date,End date,Sequence,Agency,"));
  assert_contains (contents, "\r\n");
#ifndef G_OS_WIN32
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
#endif
  cli (f, &run, "chronology", "export", "CSPR-2026-001", "--format", "json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"date_conflict\": true");
  assert_contains (run.out, "\"date\": \"~");
  cli (f, &run, "chronology", "export", "CSPR-2026-001", "--format", "xml", NULL);
  assert_data_error (&run);
}

/* `chronology export -o` and `timeline render -o` refuse the database, its
 * own files and the backups, however the path is spelt; the database is
 * left byte for byte as it was. */
static void
test_output_refuses_database (Fixture       *f,
                              gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *sub = g_build_filename (f->dir, "x", NULL);
  g_autofree char *spelt = g_build_filename (f->dir, "x", "..", "casewise.db", NULL);
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *backups = g_build_filename (f->dir, "casewise-backups", "t.png", NULL);
  g_autofree char *link_path = g_build_filename (f->dir, "t.svg", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  demo (f);
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
#ifdef G_OS_UNIX
  g_assert_cmpint (symlink ("casewise.db", link_path), ==, 0);
#else
  g_free (link_path);
  link_path = g_strdup (f->db);
#endif
  before = bytes_of (f->db, &before_length);
  cli (f, &run, "chronology", "export", "CSPR-2026-001", "-o", spelt, NULL);
  assert_data_error (&run);
  assert_contains (run.err, "database");
  cli (f, &run, "chronology", "export", "CSPR-2026-001", "--format", "json", "-o", wal, NULL);
  assert_data_error (&run);
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", link_path, NULL);
  assert_data_error (&run);
  assert_contains (run.err, link_path);
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", backups, NULL);
  assert_data_error (&run);
  assert_contains (run.err, "backups folder");
  after = bytes_of (f->db, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  cli (f, &run, "review", "list", NULL);
  assert_ok (&run);
}

#ifdef G_OS_UNIX
/* The child may write files of 40 KB at most (SQLite's -shm takes 32 KB):
 * a write past that fails (EFBIG), as on a full disk. The sample's CSV and
 * PNG are larger. */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 40960, 40960 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted, one space apart. */
static char *
names_in (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (char *) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A write that fails half-way (here, past a size limit; a full disk alike)
 * leaves the file that was there as it was, and no file where there was
 * none: no truncated export, no 0-byte PNG, nothing temporary. */
static void
test_output_failure_leaves_files (Fixture       *f,
                                  gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *csv = g_build_filename (out, "chronology.csv", NULL);
  g_autofree char *png = g_build_filename (out, "timeline.png", NULL);
  g_autofree char *fresh = g_build_filename (out, "fresh.png", NULL);
  g_autofree char *names = NULL;
  g_autoptr (GPtrArray) argv = NULL;

  demo (f);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (g_file_set_contents (csv, "the export of last week", -1, NULL));
  g_assert_true (g_file_set_contents (png, "last week's picture", -1, NULL));
  {
    const char *const commands[][6] = {
      { "chronology", "export", "CSPR-2026-001", "-o", csv, NULL },
      { "timeline", "render", "CSPR-2026-001", "-o", png, NULL },
      { "timeline", "render", "CSPR-2026-001", "-o", fresh, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        argv = g_ptr_array_new ();
        g_ptr_array_add (argv, "--database");
        g_ptr_array_add (argv, f->db);
        for (guint j = 0; commands[i][j] != NULL; j++)
          g_ptr_array_add (argv, (char *) commands[i][j]);
        spawn_with (argv, &run, limit_file_size);
        g_clear_pointer (&argv, g_ptr_array_unref);
        assert_data_error (&run);
        assert_contains (run.err, commands[i][4]);
        assert_contains (run.err, "too large");
      }
  }
  {
    g_autofree char *kept_csv = NULL;
    g_autofree char *kept_png = NULL;

    g_assert_true (g_file_get_contents (csv, &kept_csv, NULL, NULL));
    g_assert_cmpstr (kept_csv, ==, "the export of last week");
    g_assert_true (g_file_get_contents (png, &kept_png, NULL, NULL));
    g_assert_cmpstr (kept_png, ==, "last week's picture");
  }
  names = names_in (out);
  g_assert_cmpstr (names, ==, "chronology.csv timeline.png");
}
#endif

static void
test_timeline_render (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *png = g_build_filename (f->dir, "timeline.png", NULL);

  demo (f);
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", png, "--anonymised", NULL);
  assert_ok (&run);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", png, "--from", "1/1/2026", "--to",
       "1/1/2025", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "before --from");
  /* A width out of range is refused, 0 too, and nothing is written. */
  g_assert_cmpint (g_remove (png), ==, 0);
  for (guint i = 0; i < 6; i++)
    {
      const char *width = (const char *[]) { "1", "0", "-5", "20001", "99999999999", "0x10" }[i];

      cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", png, "--width", width, NULL);
      assert_data_error (&run);
      assert_contains (run.err, "--width");
      assert_contains (run.err, width);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", png, "--width", "400", NULL);
  assert_ok (&run);
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", "x.gif", NULL);
  assert_data_error (&run);
  cli (f, &run, "review", "create", "--kind", "cspr", "--title", "Empty", NULL);
  cli (f, &run, "timeline", "render", "CSPR-2026-002", "-o", png, NULL);
  assert_data_error (&run);
  assert_contains (run.err, "no chronology entries");
}

/* Every real name of the sample's people register, and its dates of birth
 * as the returns write them: none may be in anonymised output. */
static const char *const sample_private[] = {
  "Amelia", "Mason", "Leanne", "Patricia", "Hartley", "Dean", "Collier", "14/06/2024",
};

static void
assert_anonymised (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (sample_private); i++)
    {
      g_autofree char *name = g_utf8_casefold (sample_private[i], -1);
      if (strstr (folded, name) != NULL)
        g_error ("“%s” found in anonymised output:\n%s", sample_private[i], text);
    }
  assert_contains (text, "Child A");
  assert_contains (text, "Sibling B");
}

/* A return whose agency names the family and whose text gives a date of
 * birth, a postcode and an NHS number. */
static const char landlord_return[] =
  "Date,Ref,Details\n"
  "01/09/2025,L1,\"Rent arrears letter to Ms Hartley, 12 Sea View, NE1 4ST; Amelias "
  "DOB 14/06/2024 given, NHS 943 476 5919\"\n";

static void
add_landlord (Fixture *f)
{
  g_auto (Run) run = { NULL };
  g_autofree char *path = write_file (f, "landlord.csv", landlord_return);

  cli (f, &run, "agency", "add", "The Hartleys' landlord", NULL);
  assert_ok (&run);
  cli (f, &run, "chronology", "import", "CSPR-2026-001", path, "--agency",
       "The Hartleys' landlord", NULL);
  assert_ok (&run);
}

static void
test_chronology_anonymised (Fixture       *f,
                            gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *path = g_build_filename (f->dir, "anonymised.csv", NULL);
  g_autofree char *contents = NULL;

  demo (f);
  add_landlord (f);
  /* As written, without the option: the names are there. */
  cli (f, &run, "chronology", "list", "CSPR-2026-001", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Amelia");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", "--anonymised", NULL);
  assert_ok (&run);
  assert_anonymised (run.out);
  assert_contains (run.out, "The [name]s' landlord");
  assert_contains (run.out, "154 entries");
  /* Child A's birth, on her date of birth: given to the month only. */
  assert_lacks (run.out, "14 Jun 2024");
  assert_contains (run.out, "Jun 2024 ");
  cli (f, &run, "chronology", "list", "CSPR-2026-001", "--anonymised", "--json", NULL);
  assert_ok (&run);
  assert_anonymised (run.out);
  assert_contains (run.out, "Ms [name], 12 Sea View, [postcode]; Child A's DOB [date of birth] "
                            "given, NHS [NHS number]");
  cli (f, &run, "chronology", "export", "CSPR-2026-001", "--anonymised", "-o", path, NULL);
  assert_ok (&run);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  assert_anonymised (contents);
  assert_lacks (contents, "NE1 4ST");
  assert_lacks (contents, "943 476 5919");
  cli (f, &run, "chronology", "export", "CSPR-2026-001", "--format", "json", "--anonymised",
       NULL);
  assert_ok (&run);
  assert_anonymised (run.out);
  cli (f, &run, "chronology", "export", "CSPR-2026-001", "--format", "json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "Amelia");
}

static void
test_timeline_anonymised (Fixture       *f,
                          gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *pdf = g_build_filename (f->dir, "timeline.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;

  demo (f);
  add_landlord (f);
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", pdf, "--width", "1600", NULL);
  assert_ok (&run);
  full = test_pdf_text (pdf);
  assert_contains (full, "Hartleys' landlord");
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", pdf, "--width", "1600",
       "--anonymised", NULL);
  assert_ok (&run);
  text = test_pdf_text (pdf);
  /* The lane of an agency named after the family, and the title. */
  assert_contains (text, "The [name]s' landlord");
  assert_contains (text, "CSPR-2026-001");
  {
    g_autofree char *folded = g_utf8_casefold (text, -1);
    for (guint i = 0; i < G_N_ELEMENTS (sample_private); i++)
      {
        g_autofree char *name = g_utf8_casefold (sample_private[i], -1);
        g_assert_null (strstr (folded, name));
      }
  }
}

/* Fields meant for pseudonyms refuse a real name of the register, and say
 * which field without printing the name. */
static void
test_real_names_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *json = NULL;

  demo (f);
  cli (f, &run, "review", "set", "CSPR-2026-001", "--title", "Review of Amelia’s injuries",
       NULL);
  assert_data_error (&run);
  assert_contains (run.err, "--title");
  assert_contains (run.err, "Child A");
  assert_contains (run.err, "--allow-names");
  assert_lacks (run.err, "Amelia");
  cli (f, &run, "review", "set", "CSPR-2026-001", "--subject", "HARTLEY", "--phase",
       "decision", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "--subject");
  assert_lacks (run.err, "HARTLEY");
  assert_lacks (run.err, "Hartley");
  /* Nothing was changed. */
  json = show_json (f, "CSPR-2026-001");
  assert_lacks (json, "injuries\"");
  assert_contains (json, "\"subject_pseudonym\": \"Child A\"");
  cli (f, &run, "review", "decide", "CSPR-2026-001", "--not-proceed", "--rationale",
       "Dean Collier moved away", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "--rationale");
  assert_contains (run.err, "Mother's partner");
  assert_lacks (run.err, "Dean");
  /* Pseudonyms pass; and a real name passes when the user says so. */
  cli (f, &run, "review", "set", "CSPR-2026-001", "--title", "Child A: a fractured femur", NULL);
  assert_ok (&run);
  cli (f, &run, "review", "set", "CSPR-2026-001", "--title", "Review of Amelia", "--allow-names",
       NULL);
  assert_ok (&run);
  g_free (json);
  json = show_json (f, "CSPR-2026-001");
  assert_contains (json, "\"title\": \"Review of Amelia\"");
}

/* Whether the file holds @text, binary parts and all. */
static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (contents[i] == '\0')
      contents[i] = ' ';
  return strstr (contents, text) != NULL;
}

/* Without --width: a PNG 1600 pixels wide, a PDF on an A4 landscape page,
 * and a wider PDF page keeps A4's proportions; the sizes of cw-page-size.h,
 * as in the app's save dialog. */
static void
test_timeline_default_sizes (Fixture       *f,
                             gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *png = g_build_filename (f->dir, "timeline.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "timeline.pdf", NULL);
  cairo_surface_t *surface;

  demo (f);
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", png, NULL);
  assert_ok (&run);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
  cairo_surface_destroy (surface);

  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", pdf, NULL);
  assert_ok (&run);
  g_assert_true (file_contains (pdf, "/MediaBox [ 0 0 842 595 ]"));
  cli (f, &run, "timeline", "render", "CSPR-2026-001", "-o", pdf, "--width", "1684", NULL);
  assert_ok (&run);
  g_assert_true (file_contains (pdf, "/MediaBox [ 0 0 1684 1190 ]"));
}

static void
test_report_list (Fixture       *f,
                  gconstpointer  data)
{
  g_auto (Run) run = { NULL };

  demo (f);
  cli (f, &run, "report", "list", "CSPR-2026-001", NULL);
  assert_ok (&run);
  assert_contains (run.out, "DOCUMENT");
  assert_contains (run.out, "chronology");
  assert_contains (run.out, "Merged multi-agency chronology");
  assert_contains (run.out, "internal");
  /* Every document, and who each is for. */
  assert_contains (run.out, "\npractice-review   internal");
  assert_contains (run.out, "\nlearning-summary  publication");
  assert_contains (run.out, "\nreferral          internal");
  assert_contains (run.out, "\nevent-pack        internal");
  assert_contains (run.out, "\naccuracy-check    internal");
  assert_contains (run.out, "\nfindings-report   internal");
  assert_contains (run.out, "\naction-plan       internal");
  assert_contains (run.out, "\nresponse          publication");
  assert_contains (run.out, "\nannual-report     publication");
  cli (f, &run, "report", "list", "CSPR-2099-001", NULL);
  assert_data_error (&run);
  cli (f, &run, "report", "list", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

static void
test_report_render (Fixture       *f,
                    gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *pdf = g_build_filename (f->dir, "chronology.pdf", NULL);
  g_autofree char *again = g_build_filename (f->dir, "again.pdf", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize n_first, n_second;

  demo (f);
  cli (f, &run, "report", "render", "CSPR-2026-001", "chronology", "-o", pdf, "--anonymised",
       "--final", NULL);
  assert_ok (&run);
  assert_contains (run.out, "chronology.pdf: ");
  assert_contains (run.out, " pages\n");
  g_assert_true (g_file_get_contents (pdf, &first, &n_first, NULL));
  g_assert_true (g_str_has_prefix (first, "%PDF-"));
  /* The same clock (CASEWISE_NOW), the same file. */
  cli (f, &run, "report", "render", "CSPR-2026-001", "chronology", "-o", again, "--anonymised",
       "--final", NULL);
  assert_ok (&run);
  g_assert_true (g_file_get_contents (again, &second, &n_second, NULL));
  g_assert_cmpmem (first, n_first, second, n_second);
  /* The full version differs: names, DRAFT. */
  cli (f, &run, "report", "render", "CSPR-2026-001", "chronology", "-o", again, NULL);
  assert_ok (&run);
  g_clear_pointer (&second, g_free);
  g_assert_true (g_file_get_contents (again, &second, &n_second, NULL));
  g_assert_false (n_first == n_second && memcmp (first, second, n_first) == 0);
  /* Usage errors: no -o, a document there is not; data errors: a file
   * that is not a PDF, a review there is not. */
  cli (f, &run, "report", "render", "CSPR-2026-001", "chronology", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "-o FILE.pdf");
  cli (f, &run, "report", "render", "CSPR-2026-001", "minutes", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "the documents are: chronology");
  cli (f, &run, "report", "render", "CSPR-2026-001", "chronology", "-o", "x.docx", NULL);
  assert_data_error (&run);
  cli (f, &run, "report", "render", "CSPR-2099-001", "chronology", "-o", pdf, NULL);
  assert_data_error (&run);
  /* Never into the backups (cw_store_output_new() keeps the database too). */
  {
    g_autofree char *backups = g_build_filename (f->dir, "casewise-backups", "r.pdf", NULL);

    cli (f, &run, "report", "render", "CSPR-2026-001", "chronology", "-o", backups, NULL);
    assert_data_error (&run);
    assert_contains (run.err, "backups folder");
    g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  }
}

/* The publication check: the anonymised chronology passes, the full one
 * is refused with each hit listed with its page; JSON for scripts. */
static void
test_report_check (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (Run) run = { NULL };
  g_autofree char *anonymised = g_build_filename (f->dir, "anonymised.pdf", NULL);
  g_autofree char *full = g_build_filename (f->dir, "full.pdf", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.pdf", NULL);

  demo (f);
  cli (f, &run, "report", "render", "CSPR-2026-001", "chronology", "-o", anonymised,
       "--anonymised", NULL);
  assert_ok (&run);
  cli (f, &run, "report", "render", "CSPR-2026-001", "chronology", "-o", full, NULL);
  assert_ok (&run);
  cli (f, &run, "report", "check", anonymised, "--review", "CSPR-2026-001", NULL);
  assert_ok (&run);
  assert_contains (run.out, "nothing found that identifies anyone");
  cli (f, &run, "report", "check", full, "--review", "CSPR-2026-001", NULL);
  g_assert_cmpint (run.status, ==, 1);
  /* Page 2 is the contents, with the episodes' titles. */
  assert_contains (run.out, "page 2: Real name of Child A: “Amelia's”");
  assert_contains (run.out, "page 3: Real name of Mother: “Leanne”");
  assert_contains (run.out, "page 6: Date of birth of Child A: “14/06/2024” in “…");
  assert_contains (run.err, "must not be published");
  cli (f, &run, "report", "check", full, "--review", "CSPR-2026-001", "--json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.out, "\"clean\": false");
  assert_contains (run.out, "\"kind\": \"date-of-birth\"");
  assert_contains (run.out, "\"page\": 6");
  cli (f, &run, "report", "check", anonymised, "--review", "CSPR-2026-001", "--json", NULL);
  assert_ok (&run);
  assert_contains (run.out, "\"clean\": true");
  assert_contains (run.out, "\"hits\": []");
  /* No --review is a usage error; a file that is no PDF, a data error. */
  cli (f, &run, "report", "check", full, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, "--review REF");
  g_assert_true (g_file_set_contents (text, "Leanne", -1, NULL));
  cli (f, &run, "report", "check", text, "--review", "CSPR-2026-001", NULL);
  assert_data_error (&run);
  assert_contains (run.err, "not a PDF");
}

/* Each document renders, draft or final, with its first heading in it. */
static void
test_report_render_each (Fixture       *f,
                         gconstpointer  data)
{
  static const char *const documents[][2] = {
    { "practice-review", "Background to this Practice Review - introduction" },
    { "learning-summary", "Review reference code" },
    { "referral", "SWIS No." },
    { "event-pack", "Anatomy of a Learning Review Discussion" },
    { "accuracy-check", "Objectives of the review" },
    { "findings-report", "Findings: key issues for this case" },
    { "action-plan", "Actions and progress" },
    { "response", "What more will be done" },
    { "annual-report", "Progress on actions" },
  };
  g_auto (Run) run = { NULL };

  demo (f);
  /* One render each, full and anonymised in turn (the core tests render
   * both of every one). */
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    for (int anonymised = i % 2; anonymised == (int) (i % 2); anonymised++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%d.pdf", documents[i][0], anonymised);
        g_autofree char *pdf = g_build_filename (f->dir, name, NULL);
        g_autofree char *text = NULL;

        cli (f, &run, "report", "render", "CSPR-2026-001", documents[i][0], "-o", pdf,
             anonymised ? "--anonymised" : "--final", NULL);
        assert_ok (&run);
        assert_contains (run.out, " pages\n");
        text = test_pdf_text (pdf);
        assert_contains (text, documents[i][1]);
        assert_contains (text, anonymised ? "DRAFT" : "FINAL");
      }
}

static void
add (const char *name,
     void (*func) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  /* The path of casewise-cli comes first, before GLib's test options. */
  if (argc < 2 || !g_file_test (argv[1], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("Usage: %s PATH-TO-CASEWISE-CLI [TEST OPTIONS]\n", argv[0]);
      return 1;
    }
  cli_path = argv[1];
  argv[1] = argv[0];
  argc--;
  argv++;
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cw_core_init ();

  add ("/cli/create", test_create);
  add ("/cli/list", test_list);
  add ("/cli/list/empty", test_list_empty);
  add ("/cli/set/deadlines", test_set_deadlines);
  add ("/cli/set/fields", test_set_fields);
  add ("/cli/set/phase-refused", test_phase_refused);
  add ("/cli/set/invalid-date", test_invalid_date);
  add ("/cli/set/all-or-nothing", test_set_atomic);
  add ("/cli/decide", test_decide);
  add ("/cli/usage", test_usage);
  add ("/cli/bad-values", test_bad_values);
  add ("/cli/help-and-version", test_help_and_version);
  add ("/cli/unknown-review", test_unknown_review);
  add ("/cli/corrupt-database", test_corrupt_database);
  add ("/cli/newer-database", test_newer_database);
  add ("/cli/database/create-needs-flag", test_create_needs_flag);
  add ("/cli/database/read-only-writes-nothing", test_read_only_writes_nothing);
#ifdef G_OS_UNIX
  add ("/cli/database/tightens-permissions", test_tightens_permissions);
#endif
  add ("/cli/audit-notice", test_audit_notice);
  add ("/cli/private-names", test_private_names);
  add ("/cli/show/sections", test_show_sections);
  add ("/cli/analysis", test_analysis_commands);
  add ("/cli/actions", test_action_commands);
  add ("/cli/actions/exchange", test_action_exchange);
  add ("/cli/backup/round-trip", test_backup_round_trip);
  add ("/cli/backup/restore-verifies", test_backup_restore_verifies);
  add ("/cli/backup/restore-other-database", test_backup_restore_other_database);
  add ("/cli/backup/restore-damaged", test_backup_restore_damaged);
  add ("/cli/delete", test_delete);
  add ("/cli/history", test_history);
  add ("/cli/json-escaping", test_json_escaping);
  add ("/cli/refuses-controls", test_refuses_controls);
  add ("/cli/actor", test_actor_and_options_anywhere);
  add ("/cli/backup/failure-warns", test_backup_failure_warns);
  add ("/cli/memory-database", test_memory_database);
  add ("/cli/agency", test_agency);
  add ("/cli/chronology-import-combined", test_chronology_import_combined);
  add ("/cli/chronology/list", test_chronology_list);
  add ("/cli/chronology/import", test_chronology_import);
  add ("/cli/chronology/import-refused", test_chronology_import_refused);
  add ("/cli/chronology/export", test_chronology_export);
  add ("/cli/timeline/render", test_timeline_render);
  add ("/cli/timeline/default-sizes", test_timeline_default_sizes);
  add ("/cli/report/list", test_report_list);
  add ("/cli/report/render", test_report_render);
  add ("/cli/report/check", test_report_check);
  add ("/cli/report/render-each", test_report_render_each);
  add ("/cli/output/refuses-database", test_output_refuses_database);
#ifdef G_OS_UNIX
  add ("/cli/output/failure-leaves-files", test_output_failure_leaves_files);
#endif
  add ("/cli/chronology/anonymised", test_chronology_anonymised);
  add ("/cli/timeline/anonymised", test_timeline_anonymised);
  add ("/cli/set/real-names-refused", test_real_names_refused);
  return g_test_run ();
}
