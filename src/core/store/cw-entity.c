/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-entity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-entity.h"
#include "cw-store-private.h"

/* Entity descriptions in general, and the registry of the domains' own:
 * each domain describes its entities (register/, chronology/...) and
 * cw_core_init() hands them to the store, which knows none by name. */

static GPtrArray *domains;  /* const CwDomain *, in the order added */
static GPtrArray *entities; /* const CwEntity *, NULL-terminated */

/**
 * cw_store_add_domain:
 * @domain: a domain, which must outlive the process
 *
 * Hands a domain's entities and SQL functions to every store opened after
 * this. Called by cw_core_init() once per domain, before any store opens
 * (it is not thread-safe). Adding a domain twice does nothing.
 */
void
cw_store_add_domain (const CwDomain *domain)
{
  g_return_if_fail (domain != NULL);
  g_return_if_fail (domain->entities != NULL);

  if (domains == NULL)
    {
      domains = g_ptr_array_new ();
      entities = g_ptr_array_new ();
      g_ptr_array_add (entities, NULL);
    }
  if (g_ptr_array_find (domains, domain, NULL))
    return;
  g_ptr_array_add (domains, (gpointer) domain);
  g_ptr_array_remove_index (entities, entities->len - 1);
  for (guint i = 0; domain->entities[i] != NULL; i++)
    g_ptr_array_add (entities, (gpointer) domain->entities[i]);
  g_ptr_array_add (entities, NULL);
}

/**
 * cw_store_has_domains:
 *
 * Returns: whether cw_core_init() (or cw_store_add_domain()) has run
 */
gboolean
cw_store_has_domains (void)
{
  return domains != NULL && domains->len > 0;
}

/**
 * cw_store_get_domains:
 *
 * Returns: (transfer none) (element-type CwDomain) (nullable): the domains
 *   added so far
 */
GPtrArray *
cw_store_get_domains (void)
{
  return domains;
}

/**
 * cw_entities_all:
 *
 * Returns: (array zero-terminated=1) (transfer none): every entity of
 *   every domain added
 */
const CwEntity *const *
cw_entities_all (void)
{
  static const CwEntity *const none[] = { NULL };

  return entities ? (const CwEntity *const *) entities->pdata : none;
}

const CwEntity *
cw_entity_lookup (const char *table)
{
  const CwEntity *const *all = cw_entities_all ();

  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; all[i] != NULL; i++)
    if (g_str_equal (all[i]->table, table))
      return all[i];
  return NULL;
}

/**
 * cw_entity_lookup_bulk:
 * @bulk_table: the table of a batch, e.g. "chronology_import"
 *
 * Returns: (nullable): the entity whose rows arrive in such batches
 */
const CwEntity *
cw_entity_lookup_bulk (const char *bulk_table)
{
  const CwEntity *const *all = cw_entities_all ();

  g_return_val_if_fail (bulk_table != NULL, NULL);

  for (guint i = 0; all[i] != NULL; i++)
    if (g_strcmp0 (all[i]->bulk_table, bulk_table) == 0)
      return all[i];
  return NULL;
}

const CwField *
cw_entity_find_field (const CwEntity *entity,
                      const char     *name)
{
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    if (g_str_equal (entity->fields[i].name, name))
      return &entity->fields[i];
  return NULL;
}

const char *
cw_choice_label (const CwChoice *choices,
                 const char     *id)
{
  g_return_val_if_fail (choices != NULL, NULL);

  if (id == NULL)
    return NULL;
  for (guint i = 0; choices[i].id != NULL; i++)
    if (g_str_equal (choices[i].id, id))
      return _(choices[i].label);
  return NULL;
}

gboolean
cw_choice_contains (const CwChoice *choices,
                    const char     *id)
{
  return cw_choice_label (choices, id) != NULL;
}
