/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "cw-cli.h"
#include "cw-core.h"
#include "cw-text.h"

/* casewise-cli: the core driven from a terminal. Exit status 0 on success,
 * 1 when the data refuses (unknown review, a value that is not acceptable
 * such as an invalid date, refused phase move, damaged database, full
 * disk), 2 when the command line itself is of the wrong shape (unknown
 * command or option, missing argument). */

G_DEFINE_QUARK (cw-cli-error-quark, cw_cli_error)

#define GLOBAL_USAGE "casewise-cli [--database PATH [--create]] [--actor NAME]"

static const CwCliCommand commands[] = {
  { "review", "list", NULL, "[--json]",
    N_("List the reviews, the next deadline first"), cw_cli_review_list },
  { "review", "create", NULL, "--kind KIND --title TITLE [--subject PSEUDONYM]",
    N_("Create a review and print its reference"), cw_cli_review_create },
  { "review", "set", "REF",
    "[--phase PHASE] [--profile PROFILE] [--date NAME=DATE]... [--title TITLE] "
    "[--subject PSEUDONYM] [--methodology METHODOLOGY] [--allow-names]",
    N_("Change a review: every change is made, or none"), cw_cli_review_set },
  { "review", "decide", "REF",
    "--proceed|--not-proceed [--rationale TEXT] [--date DATE] [--allow-names]",
    N_("Record the decision whether to hold the review"), cw_cli_review_decide },
  { "review", "show", "REF", "[--json] [--show-private]",
    N_("Show everything about a review"), cw_cli_review_show },
  { "review", "history", "REF", "[--json]",
    N_("Show who changed what in a review, and when, newest first"), cw_cli_review_history },
  { "review", "delete", "REF", NULL,
    N_("Delete a review and everything in it, for good"), cw_cli_review_delete },
  { "agency", "add", "NAME", "[--short-name ABBREVIATION] [--sector SECTOR]",
    N_("Add an agency to the shared register"), cw_cli_agency_add },
  { "agency", "set", "NAME", "[--name NAME] [--short-name ABBREVIATION] [--sector SECTOR]",
    N_("Change an agency of the shared register: its name, short name or sector"),
    cw_cli_agency_set },
  { "agency", "list", NULL, NULL, N_("List the agencies of the shared register"),
    cw_cli_agency_list },
  { "chronology", "import", "REF FILE",
    "--agency NAME | --agency-from-column [--add-agencies] [--sheet N] "
    "[--date-order dmy|mdy|ymd] [--dry-run] [--json]",
    N_("Import an agency’s chronology return (CSV, TSV, XLSX or ODS), or a combined "
       "chronology as one return per agency; valid rows are imported, every rejected row is "
       "listed"), cw_cli_chronology_import },
  { "chronology", "export", "REF", "[--format csv|json] [-o FILE] [--anonymised]",
    N_("Write the merged chronology as CSV (for Excel) or JSON"), cw_cli_chronology_export },
  { "chronology", "list", "REF",
    "[--agency NAME] [--from DATE] [--to DATE] [--search TEXT] [--json] [--anonymised]",
    N_("List the merged chronology, with gaps in agency contact"), cw_cli_chronology_list },
  { "chronology", "returns", "REF", "[--json]",
    N_("List the agencies’ returns and which are overdue"), cw_cli_chronology_returns },
  { "timeline", "render", "REF",
    "-o FILE.{png,svg,pdf} [--from DATE] [--to DATE] [--width PX] [--anonymised]",
    N_("Draw the review's timeline to a picture or a PDF"), cw_cli_timeline_render },
  { "episode", "list", "REF", "[--json]",
    N_("List the review's key practice episodes"), cw_cli_episode_list },
  { "episode", "show", "REF NUMBER", "[--json]",
    N_("Show an episode and the chronology entries it covers"), cw_cli_episode_show },
  { "episode", "add", "REF", "--title TITLE [--from DATE] [--to DATE] [--entries ID,...]",
    N_("Add a key practice episode covering chronology entries; prints its number"),
    cw_cli_episode_add },
  { "finding", "list", "REF", "[--json]",
    N_("List the review's findings, with the evidence behind each"), cw_cli_finding_list },
  { "finding", "show", "REF NUMBER", "[--json]",
    N_("Show a finding and its evidence"), cw_cli_finding_show },
  { "recommendation", "list", "REF", "[--json]",
    N_("List the review's recommendations"), cw_cli_recommendation_list },
  { NULL, "trace", "REF", "[--entry ID] [--json]",
    N_("From each recommendation back to its findings, episodes, factors and entries, with "
       "gaps flagged; or what one entry supports"), cw_cli_trace },
  { "report", "list", "REF", NULL,
    N_("List the documents Casewise makes of a review"), cw_cli_report_list },
  { "report", "render", "REF DOCUMENT", "-o FILE.pdf [--anonymised] [--final]",
    N_("Write one of the review's documents as a PDF"), cw_cli_report_render },
  { "report", "check", "FILE.pdf", "--review REF [--json]",
    N_("Check a PDF for anything that identifies someone before it is published"),
    cw_cli_report_check },
  { "action", "list", "[REF]",
    "[--overdue] [--due-within DAYS] [--agency NAME] [--status STATUS] [--theme NAME] [--all] "
    "[--json]",
    N_("List the open actions of a review, or of every review, overdue first"),
    cw_cli_action_list },
  { "action", "add", "REF",
    "--recommendation N --description TEXT [--due DATE] [--agency NAME] [--body NAME] "
    "[--person ROLE] [--measure TEXT]",
    N_("Add an action for a recommendation; prints its id"), cw_cli_action_add },
  { "action", "update", "ID",
    "[--status STATUS] [--narrative TEXT] [--date DATE] [--reporter NAME] [--due DATE] "
    "[--evidence TEXT]",
    N_("Record progress on an action, moving its status"), cw_cli_action_update },
  { "action", "close", "ID", "--body NAME --reason TEXT",
    N_("Close an action for the monitoring body, with the reason"), cw_cli_action_close },
  { "action", "export", "[REF]", "--format csv|xlsx -o FILE [--agency NAME] [--all] [--json]",
    N_("Write the tracker a subgroup circulates, with empty columns for each agency's "
       "progress; real names redacted"), cw_cli_action_export },
  { "action", "import", "FILE", "[--apply] [--json]",
    N_("Read a returned tracker: preview the updates, or apply them all with --apply; every "
       "problem by row and column"), cw_cli_action_import },
  { NULL, "demo", NULL, NULL,
    N_("Add the sample review and print its reference"), cw_cli_demo },
  { "backup", "create", NULL, NULL,
    N_("Back up the database now and print the backup’s path"), cw_cli_backup_create },
  { "backup", "list", NULL, "[--json]",
    N_("List the backups, newest first"), cw_cli_backup_list },
  { "backup", "restore", "WHICH", "[--other-database]",
    N_("Restore a backup given by its path, file name or date, after checking it; works "
       "when the database is damaged"), cw_cli_backup_restore },
};

gboolean
cw_cli_usage_error (GError     **error,
                    const char  *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CW_CLI_ERROR, CW_CLI_ERROR_USAGE, message);
  return FALSE;
}

/**
 * cw_cli_value_error:
 *
 * Sets an error for a value the command line gave that is not acceptable
 * (a date that is not one, a width out of range): a data error, exit 1,
 * unlike cw_cli_usage_error() for a command line of the wrong shape.
 *
 * Returns: %FALSE
 */
gboolean
cw_cli_value_error (GError     **error,
                    const char  *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CW_CLI_ERROR, CW_CLI_ERROR_INVALID, message);
  return FALSE;
}

/**
 * cw_cli_parse_int:
 * @option: the option, for the message: "--width"
 * @text: (nullable): what was given; %NULL leaves @out as it is
 *
 * Reads a whole number from @min to @max; anything else (0x10, 1e3, 12px,
 * a number out of range) is a data error naming the option.
 */
gboolean
cw_cli_parse_int (const char  *option,
                  const char  *text,
                  int          min,
                  int          max,
                  int         *out,
                  GError     **error)
{
  gint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    return cw_cli_value_error (error, _("%s must be a whole number from %d to %d, not “%s”"),
                               option, min, max, text);
  *out = (int) value;
  return TRUE;
}

/**
 * cw_cli_parse_id:
 * @option: the option, for the message: "--entry"
 * @text: (nullable): what was given; %NULL leaves @out as it is
 *
 * Reads the id of a row as `--json` output gives it: a whole number from 1.
 */
gboolean
cw_cli_parse_id (const char  *option,
                 const char  *text,
                 gint64      *out,
                 GError     **error)
{
  gint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &value, NULL))
    return cw_cli_value_error (error, _("%s takes an id, a whole number from 1 (as --json output "
                                        "gives it), not “%s”"), option, text);
  *out = value;
  return TRUE;
}

static char *
command_words (const CwCliCommand *command)
{
  return command->group ? g_strdup_printf ("%s %s", command->group, command->name)
                        : g_strdup (command->name);
}

/**
 * cw_cli_command_usage:
 *
 * Returns: (transfer full): e.g. "casewise-cli review show REF [--json]"
 */
char *
cw_cli_command_usage (const CwCliCommand *command)
{
  g_autoptr (GString) usage = g_string_new ("casewise-cli ");
  g_autofree char *words = command_words (command);

  g_string_append (usage, words);
  if (command->arg != NULL)
    g_string_append_printf (usage, " %s", command->arg);
  if (command->options != NULL)
    g_string_append_printf (usage, " %s", command->options);
  return g_string_free (g_steal_pointer (&usage), FALSE);
}

static void
add_global_entries (GOptionContext *context,
                    CwCli          *cli)
{
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &cli->database,
      N_("The database to use instead of the app’s own"), N_("PATH") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &cli->actor,
      N_("The name the history records for these changes"), N_("NAME") },
    { "create", 0, 0, G_OPTION_ARG_NONE, &cli->create,
      N_("Make a new database at --database PATH if there is none (commands that change "
         "data only)"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
parse_options (GOptionContext  *context,
               GStrv           *args,
               GError         **error)
{
  g_autoptr (GError) local_error = NULL;

  if (g_option_context_parse_strv (context, args, &local_error))
    return TRUE;
  return cw_cli_usage_error (error, "%s", local_error->message);
}

/**
 * cw_cli_parse:
 * @entries: (nullable): the command's own options
 * @args: (inout): the command's arguments; on return, args[0] and the
 *   positional arguments the command takes (command->arg, e.g. "REF FILE")
 *
 * Parses a command's options, with the global ones allowed among them.
 */
gboolean
cw_cli_parse (CwCli               *cli,
              const CwCliCommand  *command,
              const GOptionEntry  *entries,
              GStrv               *args,
              GError             **error)
{
  g_autofree char *words = command_words (command);
  g_autofree char *params = g_strjoin (" ", words, command->arg ? command->arg : "", NULL);
  g_autoptr (GOptionContext) context = g_option_context_new (g_strstrip (params));
  g_auto (GStrv) positional = g_strsplit (command->arg ? command->arg : "", " ", -1);
  guint wanted = command->arg != NULL ? g_strv_length (positional) : 0;
  guint required = 0;
  guint n;

  /* "[REF]": an argument that may be left out, after those that may not. */
  while (required < wanted && positional[required][0] != '[')
    required++;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_global_entries (context, cli);
  if (!parse_options (context, args, error))
    return FALSE;
  n = g_strv_length (*args) - 1;
  if (n < required)
    return cw_cli_usage_error (error, _("%s is missing"), positional[n]);
  if (n > wanted)
    return cw_cli_usage_error (error, _("unexpected argument “%s”"), (*args)[wanted + 1]);
  return TRUE;
}

/**
 * cw_cli_database_path:
 *
 * Returns: (transfer full): the database's path, absolute so that messages
 *   and backup paths say where the file really is
 */
char *
cw_cli_database_path (CwCli *cli)
{
  if (cli->database == NULL)
    return cw_store_default_path ();
  if (g_str_equal (cli->database, ":memory:"))
    return g_strdup (cli->database);
  return g_canonicalize_filename (cli->database, NULL);
}

/* A command that only reads never creates a database, nor writes one into
 * an empty file; one that changes data does so for the app's own database,
 * but where --database points only with --create, so that a mistyped path
 * is not taken for a new database. */
static CwStore *
open_database (CwCli       *cli,
               const char  *path,
               gboolean     for_change,
               GError     **error)
{
  gboolean create = g_str_equal (path, ":memory:")
                    || (for_change && (cli->database == NULL || cli->create));
  g_autoptr (GError) local_error = NULL;
  CwStore *store = cw_store_open_full (path, create ? CW_STORE_OPEN_CREATE : 0, &local_error);

  if (store != NULL)
    return store;
  if (for_change && g_error_matches (local_error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND))
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                 _("%s. Give --create to make a new database there; nothing has been "
                   "created."), local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * cw_cli_open_store:
 * @for_change: whether the command will change data: today's automatic
 *   backup is made first
 *
 * Returns: (transfer none) (nullable): the database of --database, else the app's
 */
CwStore *
cw_cli_open_store (CwCli     *cli,
                   gboolean   for_change,
                   GError   **error)
{
  g_autoptr (GError) backup_error = NULL;

  if (cli->store == NULL)
    {
      g_autofree char *path = cw_cli_database_path (cli);
      g_autofree char *problem = NULL;

      /* The history keeps it for good: one line a person would write. */
      if (cli->actor != NULL
          && (problem = cw_text_check (cli->actor, CW_TEXT_LINE, CW_TEXT_MAX_NAME)) != NULL)
        {
          g_set_error (error, CW_CLI_ERROR, CW_CLI_ERROR_INVALID, "--actor %s", problem);
          return NULL;
        }

      if ((cli->store = open_database (cli, path, for_change, error)) == NULL)
        return NULL;
      for (const char *const *notice = cw_store_get_notices (cli->store); *notice; notice++)
        cw_cli_printerr (_("casewise-cli: notice: %s\n"), *notice);
      if (cli->actor != NULL)
        cw_store_set_actor (cli->store, cli->actor);
    }
  if (for_change && !g_str_equal (cw_store_get_path (cli->store), ":memory:")
      && !cw_store_backup_auto (cli->store, NULL, &backup_error))
    cw_cli_printerr (_("casewise-cli: warning: today’s automatic backup failed: %s\n"),
                     backup_error->message);
  return cli->store;
}

/**
 * cw_cli_find_review:
 *
 * Opens the store as cw_cli_open_store() does and finds the review.
 *
 * Returns: (transfer full) (nullable): the review
 */
CwRecord *
cw_cli_find_review (CwCli       *cli,
                    gboolean     for_change,
                    const char  *reference,
                    GError     **error)
{
  CwStore *store = cw_cli_open_store (cli, for_change, error);

  if (store == NULL)
    return NULL;
  return cw_store_find_review (store, reference, error);
}

static char *
describe_commands (const char *group)
{
  g_autoptr (GString) text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = NULL;

      if (group != NULL && g_strcmp0 (commands[i].group, group) != 0)
        continue;
      usage = cw_cli_command_usage (&commands[i]);
      g_string_append_printf (text, "\n  %s\n      %s", usage + strlen ("casewise-cli "),
                              _(commands[i].summary));
    }
  g_string_append (text, "\n\n");
  g_string_append (text, _("Run a command with --help for its options. Exit status: 0 on "
                           "success, 1 when the data refuses the command, 2 for a wrong "
                           "command line."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GOptionContext *
global_context (CwCli    *cli,
                gboolean *version)
{
  g_autofree char *description = describe_commands (NULL);
  GOptionContext *context = g_option_context_new (_("COMMAND [ARGUMENTS...]"));
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Print the version and exit"), NULL },
    { NULL },
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Casewise, the safeguarding case review workbench, "
                                           "from the command line."));
  g_option_context_set_description (context, description);
  /* Options after the command word belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  add_global_entries (context, cli);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

static gboolean
is_group (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].group, word) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_help (const char *word)
{
  return g_str_equal (word, "help") || g_str_equal (word, "--help") || g_str_equal (word, "-h");
}

static const CwCliCommand *
lookup (const char *group,
        const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].group, group) == 0 && g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static char *
group_names (const char *group)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_auto (GStrv) strv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].group, group) == 0)
      g_strv_builder_add (names, commands[i].name);
  strv = g_strv_builder_end (names);
  return g_strjoinv (", ", strv);
}

static gboolean
asks_for_help (char **words)
{
  return words[0] != NULL
         && (is_help (words[0]) || (is_group (words[0]) && words[1] != NULL && is_help (words[1])));
}

/* @words: what follows the global options; @n_words: how many of them name
 * the command. Returns the command, or NULL with @error set. */
static const CwCliCommand *
find_command (char    **words,
              guint    *n_words,
              GError  **error)
{
  g_autofree char *typed = NULL;
  const CwCliCommand *command;

  if (words[0] == NULL)
    {
      cw_cli_usage_error (error, _("no command given"));
      return NULL;
    }
  if (is_group (words[0]) && words[1] == NULL)
    {
      g_autofree char *names = group_names (words[0]);
      cw_cli_usage_error (error, _("“%s” needs a command: %s"), words[0], names);
      return NULL;
    }
  *n_words = is_group (words[0]) ? 2 : 1;
  command = lookup (*n_words == 2 ? words[0] : NULL, words[*n_words - 1]);
  if (command != NULL)
    return command;
  typed = *n_words == 2 ? g_strdup_printf ("%s %s", words[0], words[1]) : g_strdup (words[0]);
  cw_cli_usage_error (error, _("unknown command “%s”"), typed);
  return NULL;
}

static GStrv
command_args (const CwCliCommand  *command,
              char               **rest)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *words = command_words (command);
  g_autofree char *program = g_strdup_printf ("casewise-cli %s", words);

  g_strv_builder_add (builder, program);
  g_strv_builder_addv (builder, (const char **) rest);
  return g_strv_builder_end (builder);
}

static void
print_help (CwCli      *cli,
            const char *group)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autofree char *text = NULL;
  gboolean version = FALSE;

  if (group != NULL)
    {
      text = describe_commands (group);
      cw_cli_print ("%s\n", text);
      return;
    }
  context = global_context (cli, &version);
  text = g_option_context_get_help (context, TRUE, NULL);
  cw_cli_print ("%s", text);
}

static gboolean
run (CwCli               *cli,
     GStrv               *args,
     const CwCliCommand **command,
     GError             **error)
{
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) sub_args = NULL;
  gboolean version = FALSE;
  guint n_words = 0;

  context = global_context (cli, &version);
  if (!parse_options (context, args, error))
    return FALSE;
  if (version)
    {
      cw_cli_print ("casewise-cli %s\n", PACKAGE_VERSION);
      return TRUE;
    }
  if (asks_for_help (*args + 1))
    {
      print_help (cli, is_group ((*args)[1]) ? (*args)[1] : NULL);
      return TRUE;
    }
  if ((*command = find_command (*args + 1, &n_words, error)) == NULL)
    return FALSE;
  sub_args = command_args (*command, *args + 1 + n_words);
  return (*command)->run (cli, *command, &sub_args, error);
}

static int
report (const CwCliCommand *command,
        GError             *error)
{
  g_autofree char *usage = command ? cw_cli_command_usage (command)
                                   : g_strdup (GLOBAL_USAGE " COMMAND [ARGUMENTS...]");
  g_autofree char *message = g_strdup (error->message);

  /* One line, so scripts can show it as it is. */
  g_strdelimit (message, "\r\n", ' ');
  cw_cli_printerr ("casewise-cli: %s\n", message);
  if (!g_error_matches (error, CW_CLI_ERROR, CW_CLI_ERROR_USAGE))
    return 1;
  cw_cli_printerr (_("Usage: %s (see casewise-cli --help)\n"), usage);
  return 2;
}

static void
setup_locale (void)
{
  g_autofree char *localedir = NULL;

  setlocale (LC_ALL, "");
#ifdef G_OS_WIN32
  {
    g_autofree char *base = g_win32_get_package_installation_directory_of_module (NULL);
    localedir = g_build_filename (base, "share", "locale", NULL);
  }
#else
  localedir = g_strdup (LOCALEDIR);
#endif
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_auto (GStrv) args = NULL;
  g_autoptr (GError) error = NULL;
  const CwCliCommand *command = NULL;
  CwCli cli = { NULL };
  int status = 0;

  setup_locale ();
  cw_cli_setup_console ();
  g_set_prgname ("casewise-cli");
  cw_core_init ();
  /* GOptionContext and the core want UTF-8; Windows passes argv in the
   * ANSI code page, so take the wide command line there. */
#ifdef G_OS_WIN32
  args = g_win32_get_command_line ();
#else
  args = g_strdupv (argv);
#endif
  if (!run (&cli, &args, &command, &error))
    status = report (command, error);
  g_clear_object (&cli.store);
  g_free (cli.database);
  g_free (cli.actor);
  return status;
}
