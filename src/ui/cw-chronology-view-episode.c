/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-analysis.h"
#include "cw-chronology-view-private.h"
#include "cw-store-watch.h"

/* The chronology and the analysis's key practice episodes: the episode
 * chosen in the Analysis section has its entries highlighted in the table
 * and its span drawn as a band on the timeline; the entries selected (rows
 * of the table, or a span dragged across the timeline) become a new
 * episode, opened in the Analysis section. */

static gboolean
in_episode (CwChronologyView *self,
            gint64            entry_id)
{
  return entry_id != 0 && self->episode_entries != NULL
         && g_hash_table_contains (self->episode_entries, &entry_id);
}

/* A cell of the table showing @entry_id (0: a gap), tinted when the entry
 * is one of the episode's; at each bind, and whenever another episode is
 * chosen. */
void
cw_chronology_view_style_cell (CwChronologyView *self,
                               GtkWidget        *cell,
                               gint64            entry_id)
{
  cw_chronology_view_set_cell_in_episode (cell, in_episode (self, entry_id));
}

static void
restyle_cells (CwChronologyView *self)
{
  cw_chronology_view_foreach_cell (self, cw_chronology_view_style_cell);
}

static CwEpisode *
find_episode (CwChronologyView *self)
{
  g_autoptr (GPtrArray) episodes = cw_analysis_list_episodes (self->store, self->review_id, NULL);

  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    if (((CwEpisode *) episodes->pdata[i])->id == self->episode_id)
      return g_steal_pointer (&episodes->pdata[i]);
  return NULL;
}

static double
day_of_iso (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL)
    return 0;
  g_date_set_parse (&date, iso);
  return g_date_valid (&date) ? cw_timeline_day_of_date (&date) : 0;
}

/* The episode's band on the timeline, and its entries in the table. */
static void
update_episode (CwChronologyView *self)
{
  g_autoptr (CwEpisode) episode = NULL;
  g_autoptr (GArray) entries = NULL;
  g_autofree char *label = NULL;
  CwTimelineBand band = { 0 };

  g_hash_table_remove_all (self->episode_entries);
  if (self->store != NULL && self->episode_id != 0)
    episode = find_episode (self);
  if (episode != NULL)
    entries = cw_analysis_get_episode_entries (self->store, episode->id, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_hash_table_add (self->episode_entries,
                      g_memdup2 (&g_array_index (entries, gint64, i), sizeof (gint64)));
  restyle_cells (self);
  if (episode != NULL && episode->first_day != NULL)
    {
      label = g_strdup_printf (_("Episode %d: %s"), episode->number, episode->title);
      band = (CwTimelineBand) { episode->id, day_of_iso (episode->first_day),
                                day_of_iso (episode->last_day ? episode->last_day
                                                              : episode->first_day) + 1,
                                label };
    }
  cw_timeline_view_set_bands (self->timeline_view, &band, band.id != 0);
  gtk_widget_set_visible (self->episode_box, episode != NULL);
  if (episode != NULL)
    {
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "Episode %d: %u entry",
                     "Episode %d: %u entries", episode->n_entries),
        episode->number, episode->n_entries);
      gtk_label_set_text (self->episode_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->episode_label), label);
    }
}

static void
on_analysis_changed (CwChronologyView *self,
                     const char       *table,
                     gint64            id)
{
  if (self->episode_id != 0)
    update_episode (self);
}

/* Another review: no episode is shown until the Analysis section chooses one. */
void
cw_chronology_view_set_episode_review (CwChronologyView *self)
{
  cw_store_watch (&self->episode_store, self->store,
                  (const char *const[]) { "episode", "episode_entry", "chronology_entry", NULL },
                  G_CALLBACK (on_analysis_changed), self);
  self->episode_id = 0;
  update_episode (self);
}

/**
 * cw_chronology_view_show_episode:
 * @episode_id: a key practice episode of the review, or 0 for none
 *
 * Highlights the episode's entries in the table and draws its span as a
 * band on the timeline.
 */
void
cw_chronology_view_show_episode (CwChronologyView *self,
                                 gint64            episode_id)
{
  g_return_if_fail (CW_IS_CHRONOLOGY_VIEW (self));

  self->episode_id = episode_id;
  update_episode (self);
}

/**
 * cw_chronology_view_is_highlighted:
 *
 * Returns: whether the entry @entry_id is one of the episode shown
 */
gboolean
cw_chronology_view_is_highlighted (CwChronologyView *self,
                                   gint64            entry_id)
{
  g_return_val_if_fail (CW_IS_CHRONOLOGY_VIEW (self), FALSE);
  return in_episode (self, entry_id);
}

static void
show_episode_activated (GtkWidget  *widget,
                        const char *action,
                        GVariant   *parameter)
{
  cw_chronology_view_show_episode (CW_CHRONOLOGY_VIEW (widget), g_variant_get_int64 (parameter));
}

/* The entries selected become an episode, opened in the Analysis section. */
static void
new_episode_activated (GtkWidget  *widget,
                       const char *action,
                       GVariant   *parameter)
{
  CwChronologyView *self = CW_CHRONOLOGY_VIEW (widget);
  g_autoptr (GArray) ids = cw_chronology_view_selected_ids (self);
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (ids->len == 0 || self->store == NULL)
    return;
  id = cw_analysis_add_episode (self->store, self->review_id, _("New episode"),
                                (const gint64 *) ids->data, ids->len, &error);
  if (id == 0)
    {
      cw_chronology_view_report (self, error);
      return;
    }
  cw_chronology_view_show_episode (self, id);
  gtk_widget_activate_action (widget, "review.open-episode", "x", id);
}

void
cw_chronology_view_class_init_episode (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chronology.show-episode", "x",
                                   show_episode_activated);
  gtk_widget_class_install_action (widget_class, "chronology.new-episode", NULL,
                                   new_episode_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "chronology.new-episode", NULL);
}

void
cw_chronology_view_init_episode (CwChronologyView *self)
{
  self->episode_entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
cw_chronology_view_dispose_episode (CwChronologyView *self)
{
  cw_store_unwatch (&self->episode_store, G_CALLBACK (on_analysis_changed), self);
  g_clear_pointer (&self->episode_entries, g_hash_table_unref);
}
