/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The merged chronology of a 5,000-entry review rendered to PDF, against
 * LibreOffice converting the same table, in the same run. The issue:
 * "5,000 chronology entries must render to PDF at least 10 times faster
 * than LibreOffice converting the same table (soffice --headless
 * --convert-to pdf of the exported CSV)".
 *
 * Our side is the whole of `report render`: the snapshot read from the
 * store, the document built, laid out with Pango and written with cairo
 * (as written, and anonymised). The reference is the review's chronology
 * exported as CSV by Casewise (the file shape a reviewer would hand to
 * LibreOffice: Agency column and all), converted by a fresh `soffice`
 * process each run, with a profile made by a first run that is not
 * counted. Both sides are timed by the wall clock and by processor time.
 *   bench-report [--runs N] [--rows N] [--soffice PATH] [DATABASE]
 * bench/run-report installs LibreOffice when it is missing, builds and
 * runs this. */
#define G_LOG_DOMAIN "casewise-bench"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bench-figures.h"
#include "bench-review.h"
#include "cw-chronology.h"
#include "cw-core.h"
#include "cw-report-documents.h"

static int runs = 5;
static int rows = 5000;
static char *soffice = NULL;

typedef struct
{
  GArray *wall;
  GArray *cpu;
} Figures;

static void
figures_init (Figures *f)
{
  f->wall = g_array_new (FALSE, FALSE, sizeof (double));
  f->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
figures_clear (Figures *f)
{
  g_array_unref (f->wall);
  g_array_unref (f->cpu);
}

static guint
render_once (CwStore    *store,
             gint64      review_id,
             gboolean    anonymised,
             const char *path,
             Figures    *f)
{
  g_autoptr (GError) error = NULL;
  CwReportOptions options = { .anonymised = anonymised, .status = CW_REPORT_DRAFT };
  double cpu = bench_cpu_ms ();
  gint64 start = g_get_monotonic_time ();
  guint n_pages = 0;
  double ms;

  if (!cw_report_render_file (store, review_id, "chronology", &options, path, &n_pages, NULL,
                              &error))
    bench_fail ("rendering the chronology", error);
  ms = bench_elapsed_ms (start);
  g_array_append_val (f->wall, ms);
  cpu = bench_cpu_ms () - cpu;
  g_array_append_val (f->cpu, cpu);
  return n_pages;
}

static void
export_csv (CwStore    *store,
            gint64      review_id,
            const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CwChronologyModel) model = cw_chronology_model_new (store, review_id);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                                      NULL, &error);

  if (out == NULL
      || !cw_chronology_model_refresh (model, NULL, &error)
      || !cw_chronology_export_csv (model, G_OUTPUT_STREAM (out), NULL, &error)
      || !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    bench_fail ("exporting the chronology as CSV", error);
}

/* One `soffice --headless --convert-to pdf` of @csv into @outdir, with
 * the profile in @profile: the whole process, as ours is. */
static void
convert_once (const char *csv,
              const char *outdir,
              const char *profile,
              Figures    *f)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  const char *argv[] = { soffice, env, "--headless", "--convert-to", "pdf", "--outdir", outdir,
                         csv, NULL };
  g_autoptr (GSubprocess) process = NULL;
  double cpu = bench_children_cpu_ms ();
  gint64 start = g_get_monotonic_time ();
  double ms;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                       | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    bench_fail ("running soffice", error);
  ms = bench_elapsed_ms (start);
  if (f != NULL)
    {
      g_array_append_val (f->wall, ms);
      cpu = bench_children_cpu_ms () - cpu;
      g_array_append_val (f->cpu, cpu);
    }
}

static guint
pdf_pages (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint pages = 0;

  /* Counted without Poppler, so the benchmark needs only the core: each
   * page object says /Type/Page (not /Pages). The file holds binary
   * streams, so it is scanned by length, not as a string. */
  if (!g_file_get_contents (path, &contents, &length, &error))
    bench_fail ("reading LibreOffice's PDF", error);
  for (gsize i = 0; i + 10 < length; i++)
    {
      gsize j = i + 5;

      if (memcmp (contents + i, "/Type", 5) != 0)
        continue;
      while (j < length && (contents[j] == ' ' || contents[j] == '/'))
        j++;
      if (j + 5 <= length && memcmp (contents + j, "Page", 4) == 0 && contents[j + 4] != 's')
        pages++;
    }
  return pages;
}

static void
print_ratio (const char *what,
             Figures    *ours,
             Figures    *reference)
{
  double wall = bench_median (reference->wall) / bench_median (ours->wall);
  double cpu = bench_median (reference->cpu) / bench_median (ours->cpu);

  g_print ("%s: LibreOffice / Casewise = %.1fx wall clock, %.1fx processor time (target 10x: %s)\n",
           what, wall, cpu, wall >= 10.0 ? "met" : "NOT met");
}

static void
print_figures (const char *what,
               Figures    *f)
{
  g_autofree char *cpu = g_strdup_printf ("processor %.0f ms", bench_median (f->cpu));

  bench_print_runs (what, f->wall, cpu);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new ("[DATABASE]");
  g_autoptr (CwStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *theirs = NULL;
  Figures plain, anonymised, reference, warm_up;
  gint64 review_id;
  guint pages = 0;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each side (5)", "N" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Entries in the review (5,000)", "N" },
    { "soffice", 0, 0, G_OPTION_ARG_FILENAME, &soffice, "LibreOffice (soffice on PATH)", "PATH" },
    { NULL },
  };

  cw_core_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_fail ("reading the options", error);
  if (soffice == NULL && (soffice = g_find_program_in_path ("soffice")) == NULL)
    {
      g_printerr ("bench-report: soffice is missing; bench/run-report installs it\n");
      return 1;
    }
  path = argc > 1 ? g_strdup (argv[1]) : bench_review_default_path ((guint) rows);
  if (!bench_review_ensure (path, (guint) rows, &review_id, NULL, &error)
      || (store = cw_store_open (path, &error)) == NULL
      || (tmp = g_dir_make_tmp ("casewise-bench-report-XXXXXX", &error)) == NULL)
    bench_fail ("opening the review", error);
  csv = g_build_filename (tmp, "chronology.csv", NULL);
  pdf = g_build_filename (tmp, "casewise.pdf", NULL);
  profile = g_build_filename (tmp, "profile", NULL);
  theirs = g_build_filename (tmp, "chronology.pdf", NULL);
  figures_init (&plain);
  figures_init (&anonymised);
  figures_init (&reference);
  figures_init (&warm_up);

  g_print ("The merged chronology of %d entries to PDF, %d runs each (median, fastest-slowest)\n",
           rows, runs);
  render_once (store, review_id, FALSE, pdf, &warm_up); /* fonts loaded; not counted */
  for (int i = 0; i < runs; i++)
    {
      pages = render_once (store, review_id, FALSE, pdf, &plain);
      render_once (store, review_id, TRUE, pdf, &anonymised);
    }
  g_print ("Casewise: %u pages (A4 landscape, every column, header rows repeated)\n", pages);
  print_figures ("Casewise report render, as written", &plain);
  print_figures ("Casewise report render, anonymised", &anonymised);

  export_csv (store, review_id, csv);
  convert_once (csv, tmp, profile, NULL); /* makes the profile; not counted */
  for (int i = 0; i < runs; i++)
    convert_once (csv, tmp, profile, &reference);
  g_print ("LibreOffice: %u pages (its default page, columns as Calc opens the CSV)\n",
           pdf_pages (theirs));
  print_figures ("soffice --headless --convert-to pdf of the CSV export", &reference);
  print_ratio ("As written", &plain, &reference);
  print_ratio ("Anonymised", &anonymised, &reference);

  figures_clear (&plain);
  figures_clear (&anonymised);
  figures_clear (&reference);
  figures_clear (&warm_up);
  g_unlink (csv);
  g_unlink (pdf);
  g_unlink (theirs);
  return 0;
}
