/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cw-application.h"
#include "cw-clock.h"
#include "cw-new-review-dialog.h"
#include "cw-record-form.h"
#include "cw-review-list.h"
#include "cw-review-view.h"
#include "cw-window.h"
#include "test-tree.h"

/* Shared by the UI tests: waiting without a fixed sleep, and the
 * application on a fresh database with the clock fixed.
 *
 * A UI test never sleeps for a set time. What a step needs has either
 * happened once the events already pending are handled (drain_events), or
 * is a condition awaited with a timeout (wait_for, wait_until), which fails
 * the test naming what it waited for: an autosave after the typing pause,
 * a thread finishing, a window drawn by the X server. */

/* Far longer than anything awaited takes (the autosave pause is 1.5 s), so
 * a loaded machine does not fail a test; a failure says what never came. */
#define TEST_UI_TIMEOUT_MS 10000

/* How often a wait looks again when no event comes, for a condition that
 * a thread changes without telling the main context. */
#define TEST_UI_POLL_MS 10

/* The day every UI test runs on: no test depends on today's date. */
#define TEST_UI_TODAY "2026-03-02"

typedef gboolean (*TestUiCondition) (gpointer data);

typedef struct
{
  gint64 deadline;
  guint  timeout_ms;
  guint  poll_id;
} TestUiWait;

static inline gboolean
test_ui_poll (gpointer data)
{
  return G_SOURCE_CONTINUE; /* only wakes the main context up */
}

static inline void
test_ui_wait_begin (TestUiWait *wait,
                    guint       timeout_ms)
{
  wait->timeout_ms = timeout_ms;
  wait->deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  wait->poll_id = g_timeout_add (TEST_UI_POLL_MS, test_ui_poll, NULL);
}

static inline void
test_ui_wait_end (TestUiWait *wait)
{
  g_clear_handle_id (&wait->poll_id, g_source_remove);
}

/* Handles the next event (or the next poll); once the time is up, fails
 * the test naming @what and returns FALSE. */
static inline gboolean
test_ui_wait_step (TestUiWait *wait,
                   const char *what,
                   const char *file,
                   int         line,
                   const char *func)
{
  g_autofree char *message = NULL;

  if (g_get_monotonic_time () < wait->deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      return TRUE;
    }
  test_ui_wait_end (wait);
  message = g_strdup_printf ("timed out after %u ms waiting for %s", wait->timeout_ms, what);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
  return FALSE;
}

/**
 * wait_for_ms:
 * @expr: a condition, evaluated again after each event
 *
 * Runs the main context until @expr holds; fails the test, quoting @expr,
 * if it does not within @timeout_ms.
 */
#define wait_for_ms(expr, timeout_ms)                                                      \
  G_STMT_START                                                                             \
  {                                                                                        \
    TestUiWait wait_;                                                                      \
    test_ui_wait_begin (&wait_, (timeout_ms));                                             \
    while (!(expr) && test_ui_wait_step (&wait_, #expr, __FILE__, __LINE__, G_STRFUNC))    \
      ;                                                                                    \
    test_ui_wait_end (&wait_);                                                             \
  }                                                                                        \
  G_STMT_END

/* wait_for_ms() with the usual timeout. */
#define wait_for(expr) wait_for_ms (expr, TEST_UI_TIMEOUT_MS)

static inline void
test_ui_wait_until (TestUiCondition condition,
                    gpointer        data,
                    guint           timeout_ms,
                    const char     *what,
                    const char     *file,
                    int             line,
                    const char     *func)
{
  TestUiWait wait;

  test_ui_wait_begin (&wait, timeout_ms);
  while (!condition (data) && test_ui_wait_step (&wait, what, file, line, func))
    ;
  test_ui_wait_end (&wait);
}

/**
 * wait_until:
 * @condition: a #TestUiCondition, called with @data after each event
 *
 * Runs the main context until @condition returns %TRUE; fails the test,
 * naming @condition, if it does not within @timeout_ms.
 */
#define wait_until(condition, data, timeout_ms)                                             \
  test_ui_wait_until ((condition), (data), (timeout_ms), #condition, __FILE__, __LINE__,    \
                      G_STRFUNC)

/* Handles every event already pending (idle callbacks included), without
 * waiting for anything to come: for steps whose effects follow at once. */
static inline void
drain_events (void)
{
  guint n = 0;

  while (g_main_context_iteration (NULL, FALSE))
    if (++n > 100000)
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,
                           "events kept coming: something redraws or reschedules forever");
}

static inline void
test_ui_painted (gboolean *painted)
{
  *painted = TRUE;
}

/* Redraws @widget and waits until that frame is painted: laid out (rows of
 * a list made, sizes known) and drawn. */
static inline void
wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock = NULL;
  gboolean painted = FALSE;
  gulong handler;

  wait_for (gtk_widget_get_mapped (widget)
            && (clock = gtk_widget_get_frame_clock (widget)) != NULL);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (test_ui_painted),
                                      &painted);
  gtk_widget_queue_draw (widget);
  wait_for (painted);
  g_signal_handler_disconnect (clock, handler);
  drain_events ();
}

/* Whether @field of the record holds @value in the store (NULL: empty):
 * what an autosave is awaited by. */
static inline gboolean
stored_value_is (CwStore        *store,
                 const CwEntity *entity,
                 gint64          id,
                 const char     *field,
                 const char     *value)
{
  g_autoptr (CwRecord) record = cw_store_get (store, entity, id, NULL);

  return record != NULL && g_strcmp0 (cw_record_get (record, field), value) == 0;
}

/* Whether the record at @position of @model (a table's rows) holds @value
 * in @field. */
static inline gboolean
row_value_is (GListModel *model,
              guint       position,
              const char *field,
              const char *value)
{
  g_autoptr (CwRecord) record = NULL;

  if (position >= g_list_model_get_n_items (model))
    return FALSE;
  record = g_list_model_get_item (model, position);
  return g_strcmp0 (cw_record_get (record, field), value) == 0;
}

/* The application, its window and its store, on a database of its own. */
typedef struct
{
  char          *dir;
  CwApplication *app;
  CwWindow      *window;
  CwStore       *store;
} Ui;

static inline GtkWidget *
part (Ui         *ui,
      const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (ui->window), CW_TYPE_WINDOW,
                                                    name));
}

static inline CwReviewView *
review_view (Ui *ui)
{
  return CW_REVIEW_VIEW (part (ui, "review_view"));
}

/* A part of the open review's sections, by name (see cw_review_view_get_part()). */
static inline GtkWidget *
view_part (Ui         *ui,
           const char *name)
{
  return cw_review_view_get_part (review_view (ui), name);
}

static inline const char *
main_page (Ui *ui)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (part (ui, "main_stack")));
}

/* The window, once laid out on the screen, with no event left pending. */
static inline CwWindow *
test_ui_window_shown (Ui *ui)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (ui->app));

  g_assert_nonnull (windows);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (windows->data))
            && gtk_widget_get_width (GTK_WIDGET (windows->data)) > 0);
  drain_events ();
  return CW_WINDOW (windows->data);
}

static inline void
ui_set_up (Ui            *ui,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_true (cw_clock_set (TEST_UI_TODAY, &error));
  g_assert_no_error (error);
  ui->dir = g_dir_make_tmp ("casewise-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (ui->dir, "casewise.db", NULL);
  ui->app = cw_application_new ();
  cw_application_set_database_path (ui->app, path);
  g_assert_true (g_application_register (G_APPLICATION (ui->app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (ui->app));
  ui->window = test_ui_window_shown (ui);
  ui->store = cw_application_get_store (ui->app);
  cw_store_set_actor (ui->store, "UI Tester");
}

static inline void
ui_tear_down (Ui            *ui,
              gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (ui->window));
  drain_events ();
  g_clear_object (&ui->app);
  remove_tree (ui->dir);
  g_free (ui->dir);
}

/* The visible toplevel of @type (a dialog), or NULL. */
static inline GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* Shows a section of the open review ("referral", "people", "history"...). */
static inline void
show_section (Ui         *ui,
              const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.section", "s", name));
  drain_events ();
  g_assert_cmpstr (cw_review_view_get_section (review_view (ui)), ==, name);
}

static inline CwRecordForm *
form (Ui         *ui,
      const char *name)
{
  return CW_RECORD_FORM (cw_review_view_get_part (review_view (ui), name));
}

/* Registers a review through the New Review dialog, as a person does, and
 * returns its reference; the review is then open. */
static inline char *
create_review_through_dialog (Ui         *ui,
                              const char *title,
                              const char *subject)
{
  GtkWidget *dialog;
  GtkWidget *title_entry, *subject_entry;
  gint64 id;
  g_autoptr (CwRecord) review = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui->window), "win.new-review", NULL));
  wait_for ((dialog = GTK_WIDGET (find_toplevel (CW_TYPE_NEW_REVIEW_DIALOG))) != NULL);
  title_entry = GTK_WIDGET (gtk_widget_get_template_child (dialog, CW_TYPE_NEW_REVIEW_DIALOG,
                                                           "title_entry"));
  subject_entry = GTK_WIDGET (gtk_widget_get_template_child (dialog, CW_TYPE_NEW_REVIEW_DIALOG,
                                                             "subject_entry"));
  gtk_editable_set_text (GTK_EDITABLE (title_entry), title);
  gtk_editable_set_text (GTK_EDITABLE (subject_entry), subject);
  g_assert_true (gtk_widget_activate_action (dialog, "dialog.create", NULL));
  wait_for (find_toplevel (CW_TYPE_NEW_REVIEW_DIALOG) == NULL);
  drain_events ();
  id = cw_review_list_get_selected_id (CW_REVIEW_LIST (part (ui, "review_list")));
  g_assert_cmpint (id, >, 0);
  review = cw_store_get (ui->store, &cw_entity_review, id, NULL);
  g_assert_cmpstr (cw_record_get (review, "title"), ==, title);
  return g_strdup (cw_record_get (review, "reference"));
}
