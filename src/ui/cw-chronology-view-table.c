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
  COLUMN_ACTION,
  COLUMN_OUTCOME,
  COLUMN_IMPACT,
  COLUMN_SIGNIFICANCE,
} Column;

/* The columns in their first order. Widths are wide enough for each title
 * (a title is not shortened, it is cut) and narrow enough for the
 * description, which takes the rest of the width, to show at 1280 pixels:
 * every text wraps, up to WRAP_LINES lines, so a date or an agency's
 * short name too long for its column takes a second line. */
static const struct
{
  const char *id; /* in the settings */
  const char *title;
  Column      column;
  int         width;
  gboolean    shown;
  gboolean    wraps;
} columns[] = {
  { "date", N_("Date"), COLUMN_DATE, 100, TRUE, TRUE },
  { "agency", N_("Agency"), COLUMN_AGENCY, 92, TRUE, TRUE },
  { "author", N_("Author or role"), COLUMN_AUTHOR, 118, TRUE, TRUE },
  { "source", N_("Record ref."), COLUMN_SOURCE, 94, TRUE, TRUE },
  { "description", N_("Description"), COLUMN_DESCRIPTION, -1, TRUE, TRUE },
  { "action", N_("Action"), COLUMN_ACTION, 180, FALSE, TRUE },
  { "outcome", N_("Outcome"), COLUMN_OUTCOME, 160, FALSE, TRUE },
  { "impact", N_("Impact on the child"), COLUMN_IMPACT, 180, FALSE, TRUE },
  { "significance", N_("Significance"), COLUMN_SIGNIFICANCE, 100, TRUE, FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == CW_CHRONOLOGY_N_COLUMNS);

#define WRAP_LINES 4

/* What a cell of the table keeps of itself, on its widget: found at every
 * bind without a lookup by name, and what it was given last, so that a
 * bind changes only what differs. */
typedef enum
{
  CELL_GAP = 1 << 0,
  CELL_KEY = 1 << 1,
  CELL_CONFLICT = 1 << 2,
  CELL_IN_EPISODE = 1 << 3,
} CellClass;

static const char *const cell_classes[] = {
  "chronology-gap", "significance-key", "date-conflict", "in-episode",
};

typedef struct
{
  CwChronologyView *view;
  Column            column;
  gboolean          bound;    /* to an entry or a gap, now or last: an unbound
                               * cell shows again only once bound again */
  gint64            entry_id; /* shown; 0 for a gap */
  guint             classes;  /* CellClass set on the widget */
} Cell;

static GQuark cell_quark;

static Cell *
cell_of (GtkWidget *widget)
{
  return g_object_get_qdata (G_OBJECT (widget), cell_quark);
}

static void
set_cell_classes (GtkWidget *widget,
                  Cell      *cell,
                  guint      mask,
                  guint      classes)
{
  guint changed = (cell->classes ^ classes) & mask;

  for (guint i = 0; changed != 0 && i < G_N_ELEMENTS (cell_classes); i++)
    if (changed & (1u << i))
      {
        if (classes & (1u << i))
          gtk_widget_add_css_class (widget, cell_classes[i]);
        else
          gtk_widget_remove_css_class (widget, cell_classes[i]);
      }
  cell->classes = (cell->classes & ~mask) | (classes & mask);
}

/**
 * cw_chronology_view_set_cell_in_episode:
 * @widget: a cell of the table
 *
 * Tints the cell, or not, as an entry of the episode shown.
 */
void
cw_chronology_view_set_cell_in_episode (GtkWidget *widget,
                                        gboolean   in_episode)
{
  Cell *cell = cell_of (widget);

  if (cell != NULL)
    set_cell_classes (widget, cell, CELL_IN_EPISODE, in_episode ? CELL_IN_EPISODE : 0);
}

/* The list view inside the column view, whose rows hold the cells. */
static GtkWidget *
list_view_of (CwChronologyView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static void
foreach_cell_below (CwChronologyView *self,
                    GtkWidget        *widget,
                    guint             depth,
                    CwCellFunc        func)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Cell *cell = cell_of (child);

      if (cell != NULL)
        {
          if (cell->bound)
            func (self, child, cell->entry_id);
        }
      else if (depth > 0)
        foreach_cell_below (self, child, depth - 1, func);
    }
}

/**
 * cw_chronology_view_foreach_cell:
 *
 * Calls @func for each cell of the table bound to an entry or a gap
 * (entry id 0), in the rows GTK keeps.
 */
void
cw_chronology_view_foreach_cell (CwChronologyView *self,
                                 CwCellFunc        func)
{
  GtkWidget *list = list_view_of (self);

  /* The list's rows, their cells, the cells' children: ours. */
  if (list != NULL)
    foreach_cell_below (self, list, 2, func);
}

/* The first line of @text: @text itself when it has one line. */
static const char *
first_line (const char *text,
            char      **owned)
{
  size_t length;

  if (text == NULL)
    return "";
  length = strcspn (text, "\r\n");
  if (text[length] == '\0')
    return text;
  return *owned = g_strndup (text, length);
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

/* What the cell of @column says of @item: a text of the item, or one made
 * for the cell and given in @owned to be freed. */
static const char *
cell_text (CwChronologyView *self,
           CwChronologyItem *item,
           Column            column,
           char            **owned)
{
  gboolean gap = cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP;
  const char *text;

  switch (column)
    {
    case COLUMN_DATE:
      return *owned = gap ? cw_chronology_item_dup_date_text (item) : date_cell_text (item);
    case COLUMN_AGENCY:
      return gap ? "" : agency_text (self, item);
    case COLUMN_AUTHOR:
      return gap ? "" : first_line (cw_chronology_item_get (item, CW_CHRONO_FIELD_AUTHOR), owned);
    case COLUMN_SOURCE:
      return gap ? "" : first_line (cw_chronology_item_get (item, CW_CHRONO_FIELD_SOURCE), owned);
    case COLUMN_DESCRIPTION:
      if (gap)
        return *owned = gap_text (item);
      text = cw_chronology_item_get (item, CW_CHRONO_FIELD_DESCRIPTION);
      break;
    case COLUMN_ACTION:
      text = gap ? NULL : cw_chronology_item_get (item, CW_CHRONO_FIELD_ACTION);
      break;
    case COLUMN_OUTCOME:
      text = gap ? NULL : cw_chronology_item_get (item, CW_CHRONO_FIELD_OUTCOME);
      break;
    case COLUMN_IMPACT:
      text = gap ? NULL : cw_chronology_item_get (item, CW_CHRONO_FIELD_IMPACT);
      break;
    case COLUMN_SIGNIFICANCE:
    default:
      if (gap || cw_chronology_item_get_significance (item) == CW_CHRONO_SIGNIFICANCE_ROUTINE)
        return "";
      return cw_choice_label (cw_significances, cw_chrono_significance_id (
                                cw_chronology_item_get_significance (item)));
    }
  return text;
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
  Column column = cell_of (label)->column;
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
  else if (column == COLUMN_ACTION)
    text = cw_chronology_item_get (item, CW_CHRONO_FIELD_ACTION);
  else if (column == COLUMN_OUTCOME)
    text = cw_chronology_item_get (item, CW_CHRONO_FIELD_OUTCOME);
  else if (column == COLUMN_IMPACT)
    text = cw_chronology_item_get (item, CW_CHRONO_FIELD_IMPACT);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Wrapping. A row is as tall as its longest text needs, up to WRAP_LINES
 * lines. Cells are GtkInscriptions (below), which ask for as many lines as
 * they are told, without laying out their text: the lines a text needs are
 * counted here, at each bind, from the width of each character of the
 * font, as Pango breaks lines between words (then within a word too long
 * for a line). That costs next to nothing where a layout per cell would
 * cost several milliseconds a frame when the table jumps (200 rows bound
 * at once); a count off by one leaves a line empty or ends the text with
 * "…", the whole text being the cell's tooltip. */

static void
read_char_widths (CwChronologyView *self,
                  GtkWidget        *cell)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (cell, NULL);

  for (int c = 0; c < 128; c++)
    {
      char text[2] = { (char) (c < ' ' ? ' ' : c), 0 };
      pango_layout_set_text (layout, text, 1);
      pango_layout_get_size (layout, &self->char_widths[c], NULL);
    }
  g_object_unref (layout);
}

static guint
count_lines (CwChronologyView *self,
             const char       *text,
             int               width)
{
  guint lines = 1;
  int line = 0, word = 0;
  /* A little short of the width: better a line too many than one cut. */
  int room = MAX (width - 4, 1) * PANGO_SCALE;
  /* A character beyond ASCII counts as an M: wide rather than narrow. */
  int wide = self->char_widths['M'];

  if (text == NULL || width <= 0)
    return 1;
  /* Byte by byte, the bytes of a character beyond ASCII after its first
   * adding nothing: every shown cell is counted at every bind. */
  for (const guchar *p = (const guchar *) text;; p++)
    {
      guchar c = *p;

      if (c != 0 && c != ' ' && c != '\n')
        {
          if (c < 0x80)
            word += self->char_widths[c];
          else if (c >= 0xC0)
            word += wide;
          continue;
        }
      /* A word ends: on this line, or the next, or broken over several. */
      if (line > 0 && line + word > room)
        {
          lines++;
          line = 0;
        }
      while (word > room)
        {
          lines++;
          word -= room;
        }
      line += word + (c == ' ' ? self->char_widths[' '] : 0);
      word = 0;
      if (c == '\n')
        {
          lines++;
          line = 0;
        }
      if (c == 0 || lines >= WRAP_LINES)
        break;
    }
  return MIN (lines, WRAP_LINES);
}

/* The width a new cell of @column will have, before it has any: what the
 * column's other cells have, else its own width, else what the expanding
 * column gets of the table's width. */
static int
cell_width (CwChronologyView    *self,
            GtkColumnViewColumn *column)
{
  int width = gtk_column_view_column_get_fixed_width (column);
  int others = 0;

  if (width > 0)
    return width - 12;
  for (guint i = 0; i < CW_CHRONOLOGY_N_COLUMNS; i++)
    if (self->columns[i] != column && gtk_column_view_column_get_visible (self->columns[i]))
      others += MAX (gtk_column_view_column_get_fixed_width (self->columns[i]), 0);
  return gtk_widget_get_width (GTK_WIDGET (self->column_view)) - others - 12;
}

static void
wrap_cell (CwChronologyView *self,
           GtkWidget        *widget,
           gint64            entry_id)
{
  Cell *cell = cell_of (widget);
  GtkColumnViewColumn *column = self->columns[cell->column];
  int width;

  if (!columns[cell->column].wraps || !gtk_column_view_column_get_visible (column))
    return;
  width = gtk_widget_get_width (widget);
  if (width <= 0)
    width = cell_width (self, column);
  gtk_inscription_set_min_lines (
    GTK_INSCRIPTION (widget), count_lines (self, gtk_inscription_get_text (GTK_INSCRIPTION (widget)),
                                           width));
}

static gboolean
rewrap_now (gpointer data)
{
  CwChronologyView *self = data;

  self->rewrap_idle = 0;
  cw_chronology_view_foreach_cell (self, wrap_cell);
  return G_SOURCE_REMOVE;
}

/* The table or a column changed width: the rows bound count their lines
 * again, once their cells have their new widths. */
static void
queue_rewrap (CwChronologyView *self)
{
  if (self->rewrap_idle == 0)
    self->rewrap_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, rewrap_now, self, NULL);
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
  CwChronologyView *self = g_object_get_data (G_OBJECT (factory), "cw-view");
  GtkWidget *label = gtk_inscription_new (NULL);
  Column column = GPOINTER_TO_INT (data);
  Cell *cell = g_new0 (Cell, 1);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* A tall row reads from its top line. */
  gtk_inscription_set_yalign (GTK_INSCRIPTION (label), 0);
  cell->view = self;
  cell->column = column;
  g_object_set_qdata_full (G_OBJECT (label), cell_quark, cell, g_free);
  if (column != COLUMN_SIGNIFICANCE && column != COLUMN_SOURCE && column != COLUMN_AUTHOR)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_cell_tooltip), list_item);
    }
  if (columns[column].wraps && !self->have_char_widths)
    {
      read_char_widths (self, label);
      self->have_char_widths = TRUE;
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
  Cell *cell = cell_of (label);
  CwChronologyView *self = cell->view;
  Column column = cell->column;
  g_autofree char *owned = NULL;
  const char *text;
  gboolean gap = cw_chronology_item_get_kind (item) == CW_CHRONOLOGY_ITEM_GAP;
  guint classes = 0;

  /* A hidden column's cells are bound too: they say nothing until it is
   * shown (then bound again). */
  if (!gtk_column_view_column_get_visible (self->columns[column]))
    return;
  text = cell_text (self, item, column, &owned);
  /* The inscription gives its text as its accessible label itself. */
  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  cell->bound = TRUE;
  cell->entry_id = gap ? 0 : cw_chronology_item_get_id (item);
  wrap_cell (self, label, cell->entry_id);

  /* Gaps and significance are said in words; colour only adds to them. */
  if (gap)
    classes |= CELL_GAP;
  else if (column == COLUMN_SIGNIFICANCE
           && cw_chronology_item_get_significance (item) == CW_CHRONO_SIGNIFICANCE_KEY)
    classes |= CELL_KEY;
  else if (column == COLUMN_DATE && cw_chronology_item_has_conflict (item))
    classes |= CELL_CONFLICT;
  set_cell_classes (label, cell, CELL_GAP | CELL_KEY | CELL_CONFLICT, classes);
  /* The episode shown in Analysis: its entries' cells tinted, now and
   * whenever another is chosen. */
  cw_chronology_view_style_cell (self, label, cell->entry_id);
}

static GtkListItemFactory *
new_factory (CwChronologyView *self,
             Column            column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "cw-view", self);
  return factory;
}

/**
 * cw_chronology_view_column_width:
 * @column: one of the table's columns
 *
 * Returns: its width as the user left it, hidden or not, or -1 for the
 *   width it takes by itself
 */
int
cw_chronology_view_column_width (GtkColumnViewColumn *column)
{
  if (gtk_column_view_column_get_visible (column))
    return gtk_column_view_column_get_fixed_width (column);
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "cw-width")) - 1;
}

/**
 * cw_chronology_view_set_column_width:
 * @width: the column's width, or -1
 *
 * Sets the width of @column, kept aside while it is hidden: GTK 4.8 counts
 * a hidden column's fixed width in the table's, which would then be wider
 * than the window and leave its description column no room to widen.
 */
void
cw_chronology_view_set_column_width (GtkColumnViewColumn *column,
                                     int                  width)
{
  g_object_set_data (G_OBJECT (column), "cw-width", GINT_TO_POINTER (MAX (width, -1) + 1));
  gtk_column_view_column_set_fixed_width (
    column, gtk_column_view_column_get_visible (column) ? MAX (width, -1) : -1);
}

/* A column shown: its width back, and its cells, bound empty while it was
 * hidden, bound again. Hidden: its width kept aside. */
static void
on_column_visible (GtkColumnViewColumn *view_column,
                   GParamSpec          *pspec,
                   CwChronologyView    *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view_column), "cw-column"));
  g_autoptr (GtkListItemFactory) factory = NULL;

  if (gtk_column_view_column_get_visible (view_column))
    {
      gtk_column_view_column_set_fixed_width (
        view_column, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view_column), "cw-width")) - 1);
      factory = new_factory (self, column);
      gtk_column_view_column_set_factory (view_column, factory);
    }
  else
    {
      g_object_set_data (G_OBJECT (view_column), "cw-width",
                         GINT_TO_POINTER (gtk_column_view_column_get_fixed_width (view_column) + 1));
      gtk_column_view_column_set_fixed_width (view_column, -1);
    }
  queue_rewrap (self);
}

/* A width the user gives a column shown is kept for when it is hidden. */
static void
on_column_width (GtkColumnViewColumn *view_column,
                 GParamSpec          *pspec,
                 CwChronologyView    *self)
{
  if (gtk_column_view_column_get_visible (view_column))
    g_object_set_data (G_OBJECT (view_column), "cw-width",
                       GINT_TO_POINTER (gtk_column_view_column_get_fixed_width (view_column) + 1));
  queue_rewrap (self);
}

static void
add_column (CwChronologyView *self,
            guint             i)
{
  g_autoptr (GtkListItemFactory) factory = new_factory (self, columns[i].column);
  GtkColumnViewColumn *view_column = gtk_column_view_column_new (_(columns[i].title), NULL);

  self->columns[columns[i].column] = view_column;
  g_object_set_data (G_OBJECT (view_column), "cw-column", GINT_TO_POINTER (columns[i].column));
  g_object_set_data (G_OBJECT (view_column), "cw-column-id", (gpointer) columns[i].id);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, columns[i].width < 0);
  gtk_column_view_column_set_visible (view_column, columns[i].shown);
  cw_chronology_view_set_column_width (view_column, columns[i].width);
  gtk_column_view_column_set_factory (view_column, factory);
  g_signal_connect (view_column, "notify::visible", G_CALLBACK (on_column_visible), self);
  g_signal_connect (view_column, "notify::fixed-width", G_CALLBACK (on_column_width), self);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column); /* the column view holds it */
}

/**
 * cw_chronology_view_column_id:
 * @column: one of the table's columns
 *
 * Returns: its name in the settings ("description")
 */
const char *
cw_chronology_view_column_id (GtkColumnViewColumn *column)
{
  return g_object_get_data (G_OBJECT (column), "cw-column-id");
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
  GtkAdjustment *hadjustment;

  if (cell_quark == 0)
    cell_quark = g_quark_from_static_string ("cw-chronology-cell");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    add_column (self, i);
  /* The table's width changes with the window's and the columns'. */
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  if (hadjustment != NULL)
    g_signal_connect_object (hadjustment, "changed", G_CALLBACK (queue_rewrap), self,
                             G_CONNECT_SWAPPED);
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
  GtkWidget *list = list_view_of (self);

  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
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
  g_clear_handle_id (&self->rewrap_idle, g_source_remove);
  g_clear_pointer (&self->agency_short_names, g_hash_table_unref);
}
