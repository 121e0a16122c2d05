/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cw-page-size.h"

/* ISO 216 paper rounded to whole points, long side across (landscape), as
 * a wide timeline wants; then pictures of the proportions of a screen. */
static const CwPageSize sizes[] = {
  { "a4", N_("A4 landscape"), 842, 595 },
  { "a3", N_("A3 landscape"), 1191, 842 },
  { "hd", N_("1600 × 900 pixels"), 1600, 900 },
  { "large", N_("2400 × 1350 pixels"), 2400, 1350 },
};

/**
 * cw_page_sizes:
 * @n_sizes: (out): their number
 *
 * Returns: (array length=n_sizes): every size, in the order to offer them
 */
const CwPageSize *
cw_page_sizes (guint *n_sizes)
{
  g_return_val_if_fail (n_sizes != NULL, NULL);

  *n_sizes = G_N_ELEMENTS (sizes);
  return sizes;
}

/**
 * cw_page_size_lookup:
 * @id: (nullable): such as "a4" or %CW_PAGE_SIZE_PICTURE
 *
 * Returns: (nullable): the size of that id, %NULL for none
 */
const CwPageSize *
cw_page_size_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (sizes); i++)
    if (g_str_equal (sizes[i].id, id))
      return &sizes[i];
  return NULL;
}
