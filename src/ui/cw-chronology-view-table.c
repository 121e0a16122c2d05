/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-chronology-view-private.h"
#include "cw-chronology.h"

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

static char *
cell_text (CwChronologyItem *item,
           Column            column)
{
  gboolean gap = cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP;

  switch (column)
    {
    case COLUMN_DATE:
      return gap ? cw_chronology_item_dup_date_text (item) : date_cell_text (item);
    case COLUMN_AGENCY:
      return g_strdup (gap ? "" : cw_chronology_item_get_agency (item));
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
  if (column == COLUMN_DATE || column == COLUMN_DESCRIPTION)
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
  g_autofree char *text = cell_text (item, column);
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
}
