/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-privacy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-redactor-private.h"

/* The redactor: the real names of the register are folded as text is
 * (cw-redactor-fold.c) and compiled into one pattern when first used; the
 * patterns that are the same for every review are in
 * cw-redactor-patterns.c. */

/* A real name or a part of one, or a term, as the folded pattern finds it. */
struct _CwRedactName
{
  CwRedactKind kind;
  gint64       person_id;   /* 0 when several people share it */
  const char  *pseudonym;   /* (nullable): its one person's */
  GString     *who;         /* (nullable): the pseudonyms of all who have it */
  GArray      *people;      /* (nullable): gint64, the ids of all who have it */
  char        *replacement; /* for a term */
};

struct _CwRedactor
{
  gatomicrefcount ref_count;
  GPtrArray      *people;   /* CwRedactPerson */
  GHashTable     *names;    /* key (folded, without separators) -> CwRedactName */
  GHashTable     *patterns; /* pattern -> key, one per way a name is written */
  GMutex          lock;
  GRegex         *regex;    /* every name and term; compiled on first use */
  gboolean        compiled;
};

static void
person_free (gpointer data)
{
  CwRedactPerson *person = data;

  g_free (person->pseudonym);
  g_free (person);
}

static void
name_free (gpointer data)
{
  CwRedactName *name = data;

  if (name->who != NULL)
    g_string_free (name->who, TRUE);
  g_clear_pointer (&name->people, g_array_unref);
  g_free (name->replacement);
  g_free (name);
}

/**
 * cw_redactor_new:
 *
 * Returns: (transfer full): a redactor that knows no one yet: it finds
 *   postcodes, NHS numbers, phone numbers and email addresses
 */
CwRedactor *
cw_redactor_new (void)
{
  CwRedactor *self = g_new0 (CwRedactor, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->people = g_ptr_array_new_with_free_func (person_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, name_free);
  self->patterns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->lock);
  return self;
}

CwRedactor *
cw_redactor_ref (CwRedactor *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cw_redactor_unref (CwRedactor *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->people);
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->patterns);
  g_clear_pointer (&self->regex, g_regex_unref);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* A name's words, folded: "Anne-Marie O’Brien" gives "anne", "marie",
 * "o'brien". */
static GPtrArray *
words_of (const char *folded)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = folded;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '\''))
        p = g_utf8_next_char (p);
      while (p > start && p[-1] == '\'')
        p--;
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
      while (*p == '\'')
        p++;
    }
  return words;
}

static guint
count_letters (const char *word)
{
  guint n = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_isalpha (g_utf8_get_char (p));
  return n;
}

/* "van", "de", "bin" written in lower case inside a name are not a name on
 * their own. */
static gboolean
is_particle (const char *word,
             const char *real_name)
{
  static const char *const particles[] = {
    "al", "bin", "binti", "da", "das", "de", "del", "della", "den", "der", "di", "do", "dos",
    "du", "el", "ibn", "la", "le", "ten", "ter", "van", "von",
  };
  gsize length = strlen (word);
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (particles) && !known; i++)
    known = g_str_equal (word, particles[i]);
  if (!known)
    return FALSE;
  for (const char *hit = strstr (real_name, word); hit != NULL; hit = strstr (hit + 1, word))
    if ((hit == real_name || !g_ascii_isalpha (hit[-1])) && !g_ascii_isalpha (hit[length]))
      return TRUE;
  return FALSE;
}

/* The pattern of a run of words: between words any spaces or hyphens, or
 * none (a zero-width space where the space was); an apostrophe inside a
 * word may be left out. */
static void
add_pattern (CwRedactor *self,
             GPtrArray  *words,
             guint       first,
             guint       last,
             GString    *key)
{
  g_autoptr (GString) pattern = g_string_new (NULL);

  for (guint i = first; i <= last; i++)
    {
      g_auto (GStrv) pieces = g_strsplit (words->pdata[i], "'", -1);

      if (i > first)
        g_string_append (pattern, "[ -]*");
      for (guint p = 0; pieces[p] != NULL; p++)
        {
          g_autofree char *escaped = g_regex_escape_string (pieces[p], -1);
          g_string_append_printf (pattern, "%s%s", p > 0 ? "'?" : "", escaped);
          g_string_append (key, pieces[p]);
        }
    }
  g_hash_table_replace (self->patterns, g_string_free (g_steal_pointer (&pattern), FALSE),
                        g_strdup (key->str));
}

static void
add_name (CwRedactor           *self,
          const CwRedactPerson *person,
          GPtrArray            *words,
          guint                 first,
          guint                 last)
{
  g_autoptr (GString) key = g_string_new (NULL);
  CwRedactName *name;

  add_pattern (self, words, first, last, key);
  name = g_hash_table_lookup (self->names, key->str);
  if (name == NULL)
    {
      name = g_new0 (CwRedactName, 1);
      name->kind = CW_REDACT_NAME;
      name->person_id = person->id;
      name->pseudonym = person->pseudonym;
      name->who = g_string_new (person->pseudonym);
      name->people = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (name->people, person->id);
      g_hash_table_insert (self->names, g_strdup (key->str), name);
      return;
    }
  if (name->kind != CW_REDACT_NAME)
    return;
  for (guint i = 0; i < name->people->len; i++)
    if (g_array_index (name->people, gint64, i) == person->id)
      return;
  /* A family name: it names no one alone. */
  g_array_append_val (name->people, person->id);
  name->person_id = 0;
  name->pseudonym = NULL;
  g_string_append_printf (name->who, ", %s", person->pseudonym);
}

static void
add_names (CwRedactor           *self,
           const CwRedactPerson *person,
           const char           *real_name)
{
  g_autofree char *folded = cw_fold_plain (real_name);
  g_autoptr (GPtrArray) words = words_of (folded);

  if (words->len == 0 || (words->len == 1 && count_letters (words->pdata[0]) < 2))
    return;
  add_name (self, person, words, 0, words->len - 1);
  if (words->len > 2)
    {
      /* First and last name, without the middle ones. */
      g_autoptr (GPtrArray) ends = g_ptr_array_new ();

      g_ptr_array_add (ends, words->pdata[0]);
      g_ptr_array_add (ends, words->pdata[words->len - 1]);
      add_name (self, person, ends, 0, 1);
    }
  for (guint i = 0; words->len > 1 && i < words->len; i++)
    {
      g_auto (GStrv) pieces = g_strsplit (words->pdata[i], "'", -1);

      if (count_letters (words->pdata[i]) >= 2 && !is_particle (words->pdata[i], real_name))
        add_name (self, person, words, i, i);
      /* "o'brien" is also "brien" */
      for (guint p = 0; pieces[1] != NULL && pieces[p] != NULL; p++)
        if (count_letters (pieces[p]) >= 2)
          {
            g_autoptr (GPtrArray) piece = g_ptr_array_new ();
            g_ptr_array_add (piece, pieces[p]);
            add_name (self, person, piece, 0, 0);
          }
    }
}

/* The names changed: compiled again when next used. */
static void
recompile (CwRedactor *self)
{
  g_mutex_lock (&self->lock);
  self->compiled = FALSE;
  g_clear_pointer (&self->regex, g_regex_unref);
  g_mutex_unlock (&self->lock);
}

/**
 * cw_redactor_add_person:
 * @id: the person's id, reported with what identifies them
 * @pseudonym: what their names are replaced with ("Child A")
 * @real_name: (nullable): their name; each part of it on its own is
 *   found too (a first name, a surname)
 * @date_of_birth: (nullable): YYYY-MM-DD or a date written day first
 * @role: (nullable): what they are replaced with when @pseudonym is empty
 *
 * Must not be called once the redactor is shared between threads.
 */
void
cw_redactor_add_person (CwRedactor *self,
                        gint64      id,
                        const char *pseudonym,
                        const char *real_name,
                        const char *date_of_birth,
                        const char *role)
{
  CwRedactPerson *person;

  g_return_if_fail (self != NULL);

  person = g_new0 (CwRedactPerson, 1);
  person->id = id;
  person->pseudonym = g_strdup (pseudonym && *pseudonym ? pseudonym
                                : role && *role         ? role
                                                        : _("[name]"));
  if (date_of_birth == NULL || !cw_date_parse (date_of_birth, &person->birth))
    g_date_clear (&person->birth, 1);
  g_ptr_array_add (self->people, person);
  if (real_name != NULL)
    add_names (self, person, real_name);
  recompile (self);
}

/**
 * cw_redactor_add_term:
 * @term: words that must not be published, e.g. an internal name
 * @replacement: what they are replaced with
 *
 * Found as names are: whole words, in any case, with or without accents.
 */
void
cw_redactor_add_term (CwRedactor *self,
                      const char *term,
                      const char *replacement)
{
  g_autofree char *folded = NULL;
  g_autoptr (GPtrArray) words = NULL;
  g_autoptr (GString) key = g_string_new (NULL);
  CwRedactName *name;

  g_return_if_fail (self != NULL && term != NULL && replacement != NULL);

  folded = cw_fold_plain (term);
  words = words_of (folded);
  if (words->len == 0)
    return;
  add_pattern (self, words, 0, words->len - 1, key);
  if (g_hash_table_contains (self->names, key->str))
    return;
  name = g_new0 (CwRedactName, 1);
  name->kind = CW_REDACT_TERM;
  name->replacement = g_strdup (replacement);
  g_hash_table_insert (self->names, g_strdup (key->str), name);
  recompile (self);
}

guint
cw_redactor_get_n_people (CwRedactor *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->people->len;
}

/* Patterns */

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  gsize la = strlen (*(const char *const *) a), lb = strlen (*(const char *const *) b);

  return la < lb ? 1 : la > lb ? -1 : strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every name and term in one pattern, the longest first so that "amelia
 * hartley" is found before "amelia"; then a possessive or plural ending. */
static GRegex *
compile_names (CwRedactor *self)
{
  g_autoptr (GPtrArray) patterns = g_ptr_array_new ();
  g_autoptr (GString) source = g_string_new (NOT_AFTER_WORD "(");
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  gpointer pattern;
  GRegex *regex;

  g_hash_table_iter_init (&iter, self->patterns);
  while (g_hash_table_iter_next (&iter, &pattern, NULL))
    g_ptr_array_add (patterns, pattern);
  if (patterns->len == 0)
    return NULL;
  g_ptr_array_sort (patterns, longest_first);
  for (guint i = 0; i < patterns->len; i++)
    g_string_append_printf (source, "%s%s", i ? "|" : "", (const char *) patterns->pdata[i]);
  g_string_append (source, ")('s|s'|'|s)?" NOT_BEFORE_WORD);
  regex = g_regex_new (source->str, G_REGEX_OPTIMIZE, 0, &error);
  if (regex == NULL)
    g_critical ("The names of the people register make no pattern: %s", error->message);
  return regex;
}

/* Finding */

static int
raw_order (gconstpointer a,
           gconstpointer b)
{
  const CwRedactRaw *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end ? 1 : 0;
}

static char *
key_of (const char *text,
        gsize       length)
{
  GString *key = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '-' && text[i] != '\'')
      g_string_append_c (key, text[i]);
  return g_string_free (key, FALSE);
}

static void
find_names (CwRedactor *self,
            const char *folded,
            GArray     *raws)
{
  g_autoptr (GMatchInfo) info = NULL;
  GRegex *regex;

  g_mutex_lock (&self->lock);
  if (!self->compiled)
    {
      self->regex = compile_names (self);
      self->compiled = TRUE;
    }
  regex = self->regex ? g_regex_ref (self->regex) : NULL;
  g_mutex_unlock (&self->lock);
  if (regex == NULL)
    return;
  for (g_regex_match (regex, folded, 0, &info); g_match_info_matches (info);
       g_match_info_next (info, NULL))
    {
      int start, end, suffix_start, suffix_end;
      g_autofree char *key = NULL;
      const CwRedactName *name;

      g_match_info_fetch_pos (info, 1, &start, &end);
      key = key_of (folded + start, (gsize) (end - start));
      if ((name = g_hash_table_lookup (self->names, key)) == NULL)
        continue;
      cw_redact_raw_add (raws, name->kind, info, name, NULL);
      if (g_match_info_fetch_pos (info, 2, &suffix_start, &suffix_end) && suffix_start >= 0)
        g_array_index (raws, CwRedactRaw, raws->len - 1).suffix = (gsize) suffix_start;
    }
  g_regex_unref (regex);
}

/* What identifies someone in @folded, in order, none overlapping another:
 * where two overlap, the one that starts first, or else the longer. */
static GArray *
find_raw (CwRedactor *self,
          const char *folded,
          gboolean    names_only)
{
  GArray *raws = g_array_new (FALSE, FALSE, sizeof (CwRedactRaw));
  gsize kept = 0, reach = 0;

  find_names (self, folded, raws);
  if (!names_only)
    cw_redact_find_patterns (self->people, folded, raws);
  g_array_sort (raws, raw_order);
  for (guint i = 0; i < raws->len; i++)
    {
      CwRedactRaw *raw = &g_array_index (raws, CwRedactRaw, i);

      if (kept > 0 && raw->start < reach)
        continue;
      reach = raw->end;
      g_array_index (raws, CwRedactRaw, kept++) = *raw;
    }
  g_array_set_size (raws, kept);
  return raws;
}

static const char *
placeholder (CwRedactKind kind)
{
  switch (kind)
    {
    case CW_REDACT_NAME:
      return _("[name]");
    case CW_REDACT_DATE_OF_BIRTH:
      return _("[date of birth]");
    case CW_REDACT_POSTCODE:
      return _("[postcode]");
    case CW_REDACT_NHS_NUMBER:
      return _("[NHS number]");
    case CW_REDACT_PHONE:
      return _("[phone number]");
    case CW_REDACT_EMAIL:
      return _("[email address]");
    case CW_REDACT_TERM:
    default:
      return _("[removed]");
    }
}

/**
 * cw_redact_kind_label:
 *
 * Returns: what a kind of hit is, in words: "real name", "NHS number"
 */
const char *
cw_redact_kind_label (CwRedactKind kind)
{
  switch (kind)
    {
    case CW_REDACT_NAME:
      return _("real name");
    case CW_REDACT_DATE_OF_BIRTH:
      return _("date of birth");
    case CW_REDACT_POSTCODE:
      return _("postcode");
    case CW_REDACT_NHS_NUMBER:
      return _("NHS number");
    case CW_REDACT_PHONE:
      return _("phone number");
    case CW_REDACT_EMAIL:
      return _("email address");
    case CW_REDACT_TERM:
    default:
      return _("term not to publish");
    }
}

/* A name keeps its ending as written ("Child A’s", "[name]s’"); a person's
 * name with a bare "s" was a possessive without its apostrophe. */
static char *
replacement_of (const CwRedactRaw *raw,
                const char        *text,
                gsize              suffix_start,
                gsize              end)
{
  const char *base = raw->name && raw->name->replacement ? raw->name->replacement
                   : raw->name && raw->name->pseudonym   ? raw->name->pseudonym
                                                         : placeholder (raw->kind);
  g_autofree char *suffix = g_strndup (text + suffix_start, end - suffix_start);

  if (raw->suffix == raw->end)
    return g_strdup (base);
  if (raw->name && raw->name->pseudonym && g_ascii_strcasecmp (suffix, "s") == 0)
    return g_strconcat (base, "'s", NULL);
  return g_strconcat (base, suffix, NULL);
}

static void
hit_clear (gpointer data)
{
  CwRedactHit *hit = data;

  g_free (hit->match);
  g_free (hit->replacement);
}

/* Where a folded byte's character is in the original; an end takes in the
 * marks and invisible characters that follow the last one found. */
static gsize
original_end (const CwFolded *folded,
              gsize           end,
              gsize           length)
{
  gsize last = g_array_index (folded->from, CwFoldSpan, end - 1).end;

  if (end < folded->text->len)
    return MAX (last, g_array_index (folded->from, CwFoldSpan, end).start);
  return MAX (last, length);
}

static CwRedactHit
hit_of (const CwRedactRaw *raw,
        const CwFolded    *folded,
        const char        *text,
        gsize              length)
{
  gsize start = g_array_index (folded->from, CwFoldSpan, raw->start).start;
  gsize end = original_end (folded, raw->end, length);
  gsize suffix = raw->suffix < raw->end
                   ? g_array_index (folded->from, CwFoldSpan, raw->suffix).start
                   : end;
  CwRedactHit hit = { raw->kind, start, end - start, g_strndup (text + start, end - start), 0,
                      NULL, replacement_of (raw, text, suffix, end) };

  if (raw->name != NULL)
    {
      hit.person_id = raw->name->person_id;
      hit.who = raw->name->who ? raw->name->who->str : NULL;
    }
  else if (raw->person != NULL)
    {
      hit.person_id = raw->person->id;
      hit.who = raw->person->pseudonym;
    }
  return hit;
}

/**
 * cw_redactor_find:
 * @text: UTF-8 text
 *
 * Finds what identifies someone in @text without changing it: the real
 * names and dates of birth of the people added, and postcodes, NHS
 * numbers, phone numbers and email addresses.
 *
 * Returns: (transfer full) (element-type CwRedactHit): the hits in order,
 *   none overlapping another
 */
GArray *
cw_redactor_find (CwRedactor *self,
                  const char *text)
{
  GArray *hits = g_array_new (FALSE, TRUE, sizeof (CwRedactHit));
  g_autofree char *plain = NULL;
  g_autoptr (GArray) raws = NULL;
  CwFolded folded;
  gsize length;

  g_return_val_if_fail (self != NULL, hits);

  g_array_set_clear_func (hits, hit_clear);
  if (text == NULL || *text == '\0')
    return hits;
  /* Most texts hold nothing: where each byte came from is worked out only
   * for those that do. */
  plain = cw_fold_plain (text);
  raws = find_raw (self, plain, FALSE);
  if (raws->len == 0)
    return hits;
  length = strlen (text);
  folded.text = g_string_sized_new (strlen (plain) + 1);
  folded.from = g_array_sized_new (FALSE, FALSE, sizeof (CwFoldSpan), strlen (plain) + 1);
  cw_fold_text (text, &folded);
  for (guint i = 0; i < raws->len; i++)
    {
      CwRedactHit hit = hit_of (&g_array_index (raws, CwRedactRaw, i), &folded, text, length);
      g_array_append_val (hits, hit);
    }
  g_string_free (folded.text, TRUE);
  g_array_unref (folded.from);
  return hits;
}

/**
 * cw_redactor_redact:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): @text with each real name replaced by the
 *   person's pseudonym (a name several people share by "[name]"), and
 *   dates of birth, postcodes, NHS numbers, phone numbers and email
 *   addresses by what they are ("[date of birth]"); "" for %NULL
 */
char *
cw_redactor_redact (CwRedactor *self,
                    const char *text)
{
  g_autoptr (GArray) hits = NULL;
  GString *out;
  gsize from = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return g_strdup ("");
  hits = cw_redactor_find (self, text);
  if (hits->len == 0)
    return g_strdup (text);
  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < hits->len; i++)
    {
      const CwRedactHit *hit = &g_array_index (hits, CwRedactHit, i);

      g_string_append_len (out, text + from, (gssize) (hit->offset - from));
      g_string_append (out, hit->replacement);
      from = hit->offset + hit->length;
    }
  g_string_append (out, text + from);
  return g_string_free (out, FALSE);
}

/**
 * cw_redactor_is_date_of_birth:
 * @who: (out) (optional) (transfer none): whose it is, by pseudonym
 *
 * Returns: whether @date is the date of birth of a person added
 */
gboolean
cw_redactor_is_date_of_birth (CwRedactor   *self,
                              const GDate  *date,
                              const char  **who)
{
  const CwRedactPerson *person;

  g_return_val_if_fail (self != NULL && date != NULL, FALSE);

  if (!g_date_valid (date))
    return FALSE;
  person = cw_redact_born_on (self->people, g_date_get_day (date), g_date_get_month (date),
                              g_date_get_year (date), FALSE);
  if (person != NULL && who != NULL)
    *who = person->pseudonym;
  return person != NULL;
}

/**
 * cw_redactor_find_real_name:
 * @text: (nullable): UTF-8 text
 * @who: (out) (optional) (transfer none): the pseudonyms of the people
 *   whose real name, or a part of it, @text holds (the first found)
 * @shared: (out) (optional): whether that name is several people's (a
 *   family name)
 *
 * Returns: whether @text holds a real name of the people added
 */
gboolean
cw_redactor_find_real_name (CwRedactor  *self,
                            const char  *text,
                            const char **who,
                            gboolean    *shared)
{
  g_autofree char *folded = NULL;
  g_autoptr (GArray) raws = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = cw_fold_plain (text);
  raws = find_raw (self, folded, TRUE);
  for (guint i = 0; i < raws->len; i++)
    {
      const CwRedactRaw *raw = &g_array_index (raws, CwRedactRaw, i);

      if (raw->kind != CW_REDACT_NAME)
        continue;
      if (who != NULL)
        *who = raw->name->who->str;
      if (shared != NULL)
        *shared = raw->name->person_id == 0;
      return TRUE;
    }
  return FALSE;
}
