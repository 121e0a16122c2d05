/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small JSON writer (RFC 8259): the CLI's only need is to write, so no
 * library. Indented two spaces per level so people can read it too. */
typedef struct _CwJson CwJson;

CwJson *cw_json_new           (void);
void    cw_json_free          (CwJson     *self);
char   *cw_json_free_to_string (CwJson    *self);
void    cw_json_begin_object  (CwJson     *self);
void    cw_json_end_object    (CwJson     *self);
void    cw_json_begin_array   (CwJson     *self);
void    cw_json_end_array     (CwJson     *self);
void    cw_json_key           (CwJson     *self,
                               const char *key);
void    cw_json_string        (CwJson     *self,
                               const char *value);
void    cw_json_int           (CwJson     *self,
                               gint64      value);
void    cw_json_bool          (CwJson     *self,
                               gboolean    value);
void    cw_json_null          (CwJson     *self);
void    cw_json_member_string (CwJson     *self,
                               const char *key,
                               const char *value);
void    cw_json_member_string_or_null (CwJson     *self,
                                       const char *key,
                                       const char *value);
void    cw_json_member_int    (CwJson     *self,
                               const char *key,
                               gint64      value);
void    cw_json_escape        (GString    *out,
                               const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwJson, cw_json_free)

G_END_DECLS
