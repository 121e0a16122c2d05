/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-ui"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-new-review-dialog.h"
#include "cw-review.h"

/* Asks for the little a review needs to exist: its kind, a title and the
 * subject's pseudonym. The core gives it a reference; everything else is
 * filled in on the review itself. */


struct _CwNewReviewDialog
{
  GtkWindow    parent_instance;
  GtkDropDown *kind_drop_down;
  GtkEntry    *title_entry;
  GtkEntry    *subject_entry;
  GtkLabel    *error_label;
  CwStore     *store;
  GPtrArray   *kind_slugs; /* dropdown position -> review kind slug */
};

G_DEFINE_FINAL_TYPE (CwNewReviewDialog, cw_new_review_dialog, GTK_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum
{
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
load_kinds (CwNewReviewDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) kinds = cw_store_list (self->store, &cw_entity_review_kind, 0, &error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *usual = cw_store_usual_review_kind (self->store);
  guint selected = 0;

  if (kinds == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr (CwRecord) kind = g_list_model_get_item (kinds, i);
      const char *slug = cw_record_get (kind, "slug");

      gtk_string_list_append (names, cw_record_get (kind, "name"));
      g_ptr_array_add (self->kind_slugs, g_strdup (slug));
      if (g_strcmp0 (slug, usual) == 0)
        selected = i;
    }
  gtk_drop_down_set_model (self->kind_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->kind_drop_down, selected);
}

static char *
entry_text (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return g_strstrip (g_strdup (text));
}

static void
on_title_changed (CwNewReviewDialog *self)
{
  g_autofree char *title = entry_text (self->title_entry);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", *title != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
create_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  CwNewReviewDialog *self = CW_NEW_REVIEW_DIALOG (widget);
  g_autofree char *title = entry_text (self->title_entry);
  g_autofree char *subject = entry_text (self->subject_entry);
  g_autofree char *reference = NULL;
  g_autoptr (GError) error = NULL;
  guint kind = gtk_drop_down_get_selected (self->kind_drop_down);
  gint64 id = 0;

  if (*title == '\0' || kind >= self->kind_slugs->len)
    return;
  reference = cw_store_create_review (self->store, self->kind_slugs->pdata[kind], title,
                                      *subject != '\0' ? subject : NULL, NULL, &id, &error);
  if (reference == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[CREATED], 0, reference);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cw_new_review_dialog_constructed (GObject *object)
{
  CwNewReviewDialog *self = CW_NEW_REVIEW_DIALOG (object);

  G_OBJECT_CLASS (cw_new_review_dialog_parent_class)->constructed (object);
  load_kinds (self);
  on_title_changed (self);
}

static void
cw_new_review_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CwNewReviewDialog *self = CW_NEW_REVIEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_new_review_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CwNewReviewDialog *self = CW_NEW_REVIEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_new_review_dialog_dispose (GObject *object)
{
  CwNewReviewDialog *self = CW_NEW_REVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_NEW_REVIEW_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->kind_slugs, g_ptr_array_unref);
  G_OBJECT_CLASS (cw_new_review_dialog_parent_class)->dispose (object);
}

static void
cw_new_review_dialog_class_init (CwNewReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cw_new_review_dialog_constructed;
  object_class->set_property = cw_new_review_dialog_set_property;
  object_class->get_property = cw_new_review_dialog_get_property;
  object_class->dispose = cw_new_review_dialog_dispose;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, CW_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                  | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CwNewReviewDialog::created:
   * @reference: the new review's reference, e.g. LR-2026-004
   *
   * Emitted once the review exists, just before the dialog closes.
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/casewise/Casewise/ui/cw-new-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwNewReviewDialog, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CwNewReviewDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, CwNewReviewDialog, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, CwNewReviewDialog, error_label);
  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_new_review_dialog_init (CwNewReviewDialog *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind_slugs = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (on_title_changed), self);
  /* Twelve kinds: typing a few letters finds one. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->kind_drop_down, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_enable_search (self->kind_drop_down, TRUE);
}

/**
 * cw_new_review_dialog_new:
 * @store: where the review is created
 *
 * Returns: (transfer none): a modal window; the caller sets its parent
 */
GtkWidget *
cw_new_review_dialog_new (CwStore *store)
{
  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  return g_object_new (CW_TYPE_NEW_REVIEW_DIALOG, "store", store, NULL);
}
