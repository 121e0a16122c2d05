/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Enum values as the strings the database stores and scripts read: the
 * nicks of the GObject enum types of the cw-*-enums.h headers that meson
 * generates (CW_TYPE_NATION: "england-wales", "scotland"...). */

const char *cw_enum_get_nick  (GType       type,
                               int         value);
gboolean    cw_enum_from_nick (GType       type,
                               const char *nick,
                               int        *out);

G_END_DECLS
