/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology-view-private.h"
#include "cw-chronology.h"
#include "cw-register-entities.h"

/* The chronology's table: its columns, what each cell says of an entry
 * or a gap in contact, and the keys that act on the rows selected. */

typedef enum
{
  COLUMN_DATE,
  COLUMN_AGENCY,
  COLUMN_AUTHOR,
  COLUMN_SOURCE,
  COLUMN_DESCRIPTION,
  COLUMN_SIGNIFICANCE,
} Column;

static char *
first_line (const char *text)
{
  return text ? g_strndup (text, strcspn (text, "\r\n")) : g_strdup ("");
}

static char *
date_cell_text (CwChronologyItem *item)
{
  g_autofree char *date = cw_chronology_item_dup_date_text (item);

  if (cw_chronology_item_has_conflict (item))
    /* TRANSLATORS: an entry linked to another agency's report of the same
     * happening, with a date that differs */
    return g_strdup_printf (_("%s ⚠"), date);
  if (cw_chronology_item_is_linked (item))
    return g_strdup_printf ("%s ⟷", date);
  return g_steal_pointer (&date);
}

static char *
gap_text (CwChronologyItem *item)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No agency contact for %u day",
                                       "No agency contact for %u days",
                                       cw_chronology_item_get_gap_days (item)),
                          cw_chronology_item_get_gap_days (item));
}

/* The agency as the narrow column says it: its short name from the
 * register ("Police", "Park Primary"), else its name. */
static const char *
agency_text (CwChronologyView *self,
             CwChronologyItem *item)
{
  const char *name = cw_chronology_item_get_agency (item);
  const char *short_name = NULL;

  if (name != NULL && self->agency_short_names != NULL)
    short_name = g_hash_table_lookup (self->agency_short_names, name);
  return short_name ? short_name : name;
}

/* The short names of the register's agencies, read again when it changes. */
void
cw_chronology_view_read_short_names (CwChronologyView *self)
{
  g_autoptr (GListModel) agencies = NULL;

  g_hash_table_remove_all (self->agency_short_names);
  if (self->store == NULL)
    return;
  agencies = cw_store_list (self->store, &cw_entity_agency, 0, NULL);
  for (guint i = 0; agencies != NULL && i < g_list_model_get_n_items (agencies); i++)
    {
      g_autoptr (CwRecord) record = g_list_model_get_item (agencies, i);
      const char *name = cw_record_get (record, "name");
      const char *short_name = cw_record_get (record, "short_name");

      if (name != NULL && short_name != NULL && *short_name != '\0')
        g_hash_table_insert (self->agency_short_names, g_strdup (name), g_strdup (short_name));
    }
}

static char *
cell_text (CwChronologyView *self,
           CwChronologyItem *item,
           Column            column)
{
  gboolean gap = cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP;

  switch (column)
    {
    case COLUMN_DATE:
      return gap ? cw_chronology_item_dup_date_text (item) : date_cell_text (item);
    case COLUMN_AGENCY:
      return g_strdup (gap ? "" : agency_text (self, item));
    case COLUMN_AUTHOR:
      return first_line (gap ? NULL : cw_chronology_item_get (item, CW_CHRONO_FIELD_AUTHOR));
    case COLUMN_SOURCE:
      return first_line (gap ? NULL : cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE));
    case COLUMN_DESCRIPTION:
      return gap ? gap_text (item)
                 : first_line (cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION));
    case COLUMN_SIGNIFICANCE:
    default:
      if (gap || cw_chronology_item_get_significance (item) == CW_CHRONO_SIGNIFICANCE_ROUTINE)
        return g_strdup ("");
      return g_strdup (cw_choice_label (cw_significances, cw_chrono_significance_id (
                                          cw_chronology_item_get_significance (item))));
    }
}

/* Asked for when the pointer rests on a cell: setting a tooltip at every
 * bind would cost a round trip to the display server per cell. */
static gboolean
on_cell_tooltip (GtkWidget   *label,
                 int          x,
                 int          y,
                 gboolean     keyboard,
                 GtkTooltip  *tooltip,
                 GtkListItem *list_item)
{
  CwChronologyItem *item = gtk_list_item_get_item (list_item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "cw-column"));
  const char *text = NULL;

  if (item == NULL || cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP)
    return FALSE;
  if (column == COLUMN_DATE && cw_chronology_item_has_conflict (item))
    text = _("Linked to another agency’s report of the same happening, whose date differs");
  else if (column == COLUMN_DATE && cw_chronology_item_is_linked (item))
    text = _("Linked to another agency’s report of the same happening");
  else if (column == COLUMN_AGENCY)
    text = cw_chronology_item_get_agency (item);
  else if (column == COLUMN_DESCRIPTION)
    text = cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A cell is a GtkInscription, not a GtkLabel: the columns set its width,
 * and a label would lay out its whole text to measure it, for each of the
 * 200 rows GTK binds whenever the table jumps (half the time of such a
 * frame); an inscription measures by its font and lays out only the rows
 * drawn. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  GtkWidget *label = gtk_inscription_new (NULL);
  Column column = GPOINTER_TO_INT (data);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (column == COLUMN_DATE || column == COLUMN_AGENCY || column == COLUMN_DESCRIPTION)
    {
      g_object_set_data (G_OBJECT (label), "cw-column", data);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_tooltip), list_item);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  CwChronologyItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  Column column = GPOINTER_TO_INT (data);
  g_autofree char *text = cell_text (g_object_get_data (G_OBJECT (factory), "cw-view"), item,
                                     column);
  gboolean gap = cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP;
  CwChronoSignificance significance = cw_chronology_item_get_significance (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  /* Gaps and significance are said in words; colour only adds to them. */
  if (gap)
    gtk_widget_add_css_class (label, "chronology-gap");
  else
    gtk_widget_remove_css_class (label, "chronology-gap");
  if (column == COLUMN_SIGNIFICANCE && significance == CW_CHRONO_SIGNIFICANCE_KEY && !gap)
    gtk_widget_add_css_class (label, "significance-key");
  else
    gtk_widget_remove_css_class (label, "significance-key");
  if (column == COLUMN_DATE && cw_chronology_item_has_conflict (item))
    gtk_widget_add_css_class (label, "date-conflict");
  else
    gtk_widget_remove_css_class (label, "date-conflict");
  /* The episode shown in Analysis: its entries' cells tinted, now and
   * whenever another is chosen. */
  cw_chronology_view_follow_cell (g_object_get_data (G_OBJECT (factory), "cw-view"), label,
                                  gap ? 0 : cw_chronology_item_get_id (item));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  data)
{
  cw_chronology_view_forget_cell (g_object_get_data (G_OBJECT (factory), "cw-view"),
                                  gtk_list_item_get_child (list_item));
}

static void
add_column (CwChronologyView *self,
            const char       *title,
            Column            column,
            int               width,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "cw-view", self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* Keys */

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              const char            *action,
              const char            *target)
{
  GtkShortcutAction *named = gtk_named_action_new (action);
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers), named);

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (target));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Keys that act on the table's selection only while the table has focus,
 * so that typing 1, 2 or 3 in a field stays typing. */
static void
add_table_shortcuts (CwChronologyView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  add_shortcut (shortcuts, GDK_KEY_Delete, 0, "chronology.delete", NULL);
  add_shortcut (shortcuts, GDK_KEY_1, 0, "chronology.significance", "routine");
  add_shortcut (shortcuts, GDK_KEY_2, 0, "chronology.significance", "significant");
  add_shortcut (shortcuts, GDK_KEY_3, 0, "chronology.significance", "key");
  add_shortcut (shortcuts, GDK_KEY_l, GDK_CONTROL_MASK, "chronology.link", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);
}

static void on_timeline_entry_selected (CwChronologyView *self,
                                        gint64            entry_id);

/* The columns, in the template's column view. */
void
cw_chronology_view_init_table (CwChronologyView *self)
{
  /* Narrow enough for the description to show at 1280 pixels; resizable. */
  /* Wide enough for each title (a title is not shortened, it is cut). */
  add_column (self, _("Date"), COLUMN_DATE, 140, FALSE);
  add_column (self, _("Agency"), COLUMN_AGENCY, 110, FALSE);
  add_column (self, _("Author or role"), COLUMN_AUTHOR, 112, FALSE);
  add_column (self, _("Record ref."), COLUMN_SOURCE, 92, FALSE);
  add_column (self, _("Description"), COLUMN_DESCRIPTION, -1, TRUE);
  add_column (self, _("Significance"), COLUMN_SIGNIFICANCE, 106, FALSE);
  add_table_shortcuts (self);
  self->agency_short_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect_swapped (self->timeline_view, "entry-selected",
                            G_CALLBACK (on_timeline_entry_selected), self);
}

/* Scrolls the table until the row at @position is in view. The column
 * view holds a list view that scrolls; GTK 4.8 offers that only as its
 * action. */
void
cw_chronology_view_scroll_to_position (CwChronologyView *self,
                                       guint             position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

/* An entry chosen on the timeline (shared selection, so already selected
 * in the table): the table shows it too. */
static void
on_timeline_entry_selected (CwChronologyView *self,
                            gint64            entry_id)
{
  guint position;

  if (entry_id == 0 || self->model == NULL)
    return;
  position = cw_chronology_model_find (self->model, entry_id);
  if (position != G_MAXUINT)
    cw_chronology_view_scroll_to_position (self, position);
}

void
cw_chronology_view_dispose_table (CwChronologyView *self)
{
  g_clear_pointer (&self->agency_short_names, g_hash_table_unref);
}
