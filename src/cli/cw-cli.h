/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-review.h"
#include "cw-store.h"

G_BEGIN_DECLS

#define CW_CLI_ERROR (cw_cli_error_quark ())

/* Errors that are not CW_CLI_ERROR_USAGE exit with 1: bad data, not a bad
 * command line. */
typedef enum
{
  CW_CLI_ERROR_USAGE, /* exit 2: unknown command or option, missing argument */
  CW_CLI_ERROR_INVALID,
} CwCliError;

/* What --anonymised does, said the same by every command that has it. */
#define CW_CLI_ANONYMISED_HELP                                                            \
  N_("Pseudonyms from the people register wherever a real name would appear; no dates of " \
     "birth, postcodes, NHS or phone numbers, or email addresses")

typedef struct _CwCli        CwCli;
typedef struct _CwCliCommand CwCliCommand;

/* @args: the program and command words as args[0], then what the user
 * typed after the command */
typedef gboolean (*CwCliRunFunc) (CwCli               *cli,
                                  const CwCliCommand  *command,
                                  GStrv               *args,
                                  GError             **error);

struct _CwCliCommand
{
  const char   *group;   /* "review", "backup", or NULL for a command of its own */
  const char   *name;
  const char   *arg;     /* the one positional argument, e.g. "REF"; NULL for none */
  const char   *options; /* e.g. "[--json]", for the usage line */
  const char   *summary; /* N_() */
  CwCliRunFunc  run;
};

struct _CwCli
{
  char    *database; /* --database, NULL for the default */
  char    *actor;    /* --actor */
  gboolean create;   /* --create: a change may make a new database at --database */
  CwStore *store;    /* opened by cw_cli_open_store() */
};

GQuark    cw_cli_error_quark      (void);
gboolean  cw_cli_usage_error      (GError             **error,
                                   const char          *format,
                                   ...) G_GNUC_PRINTF (2, 3);
gboolean  cw_cli_value_error      (GError             **error,
                                   const char          *format,
                                   ...) G_GNUC_PRINTF (2, 3);
gboolean  cw_cli_parse_int        (const char          *option,
                                   const char          *text,
                                   int                  min,
                                   int                  max,
                                   int                 *out,
                                   GError             **error);
gboolean  cw_cli_parse_id         (const char          *option,
                                   const char          *text,
                                   gint64              *out,
                                   GError             **error);
char     *cw_cli_command_usage    (const CwCliCommand  *command);
gboolean  cw_cli_parse            (CwCli               *cli,
                                   const CwCliCommand  *command,
                                   const GOptionEntry  *entries,
                                   GStrv               *args,
                                   GError             **error);
char     *cw_cli_database_path    (CwCli               *cli);
CwStore  *cw_cli_open_store       (CwCli               *cli,
                                   gboolean             for_change,
                                   GError             **error);
CwRecord *cw_cli_find_review      (CwCli               *cli,
                                   gboolean             for_change,
                                   const char          *reference,
                                   GError             **error);

/* Output (cw-cli-output.c): UTF-8 as is, whatever the locale. */
void        cw_cli_print          (const char          *format,
                                   ...) G_GNUC_PRINTF (1, 2);
void        cw_cli_printerr       (const char          *format,
                                   ...) G_GNUC_PRINTF (1, 2);
void        cw_cli_print_table    (GPtrArray           *rows,
                                   guint                n_columns);
void        cw_cli_print_field    (guint                indent,
                                   const char          *label,
                                   const char          *value);
gboolean    cw_cli_write_bytes    (const char          *data,
                                   gsize                size,
                                   GError             **error);
void        cw_cli_setup_console  (void);

/* Commands */
gboolean cw_cli_review_list    (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_review_create  (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_review_set     (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_review_decide  (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_review_show    (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_review_history (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_review_delete  (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_chronology_import  (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_chronology_export  (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_chronology_list    (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_chronology_returns (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_agency_add         (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_agency_set         (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                   GError **error);
gboolean cw_cli_agency_list        (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_timeline_render    (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_episode_list   (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_episode_show   (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_episode_add    (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_finding_list   (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_finding_show   (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_recommendation_list (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                     GError **error);
gboolean cw_cli_trace          (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_report_list        (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_report_render      (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_report_check       (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                    GError **error);
gboolean cw_cli_action_list    (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_action_add     (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_action_update  (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_action_close   (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_action_export  (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_action_import  (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_demo           (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_backup_create  (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_backup_list    (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);
gboolean cw_cli_backup_restore (CwCli *cli, const CwCliCommand *command, GStrv *args,
                                GError **error);

G_END_DECLS
