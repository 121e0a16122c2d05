/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-enum"

#include "config.h"

#include "cw-enum.h"

/**
 * cw_enum_get_nick:
 * @type: an enum type, such as %CW_TYPE_NATION
 * @value: one of its values
 *
 * Returns: (nullable): the value's nick, static; %NULL when @value is not one
 */
const char *
cw_enum_get_nick (GType type,
                  int   value)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  /* A static type's class lives as long as the program: its nicks too. */
  klass = g_type_class_ref (type);
  found = g_enum_get_value (klass, value);
  return found != NULL ? found->value_nick : NULL;
}

/**
 * cw_enum_from_nick:
 * @type: an enum type, such as %CW_TYPE_NATION
 * @nick: (nullable): what cw_enum_get_nick() gives for one of its values
 * @out: (out): the value, set only on success
 *
 * Returns: whether @nick names a value of @type
 */
gboolean
cw_enum_from_nick (GType       type,
                   const char *nick,
                   int        *out)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found == NULL)
    return FALSE;
  *out = found->value;
  return TRUE;
}
