/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cw-chrono-date.h"
#include "cw-date.h"

/* Agencies write dates every way a spreadsheet or a person can: 3/4/21,
 * 3rd April 2021, Apr-21, ?22/05/2016, c. 2016, 44289. The text is folded to
 * lower-case ASCII, the marks of approximation come off, and what is left is
 * cut into tokens (numbers and words, each remembering the separator before
 * it). A time is looked for at the end, then the rest must match one of a few
 * patterns of numbers (n), ordinals (o) and month names (m).
 *
 * Two-digit years 00–69 are 2000–2069 and 70–99 are 1970–1999, as in
 * cw_date_parse() and strptime(): chronologies reach back to parents'
 * childhoods in the 1970s but not yet forward to 2070. */

#define MAX_TOKENS    12
#define CENTURY_PIVOT 70

G_DEFINE_QUARK (cw-chrono-date-error-quark, cw_chrono_date_error)

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_WORD,
  TOKEN_AT, /* "at", or the T of 2021-04-03T14:30: a time follows */
} TokenKind;

typedef struct
{
  TokenKind kind;
  char      sep;      /* before it: ' ', '/', '.', '-', ':', or 0 for nothing */
  gboolean  ordinal;  /* 3rd, 21st */
  int       value;    /* of a number */
  int       digits;   /* of a number, leading zeros included */
  char      word[16]; /* lower case */
} Token;

typedef struct
{
  const char  *text; /* as given, trimmed: quoted in messages */
  CwDateOrder  order;
  Token        tokens[MAX_TOKENS];
  guint        n_tokens;
} Parse;

typedef enum
{
  TIME_NONE,       /* does not look like a time */
  TIME_OK,
  TIME_IMPOSSIBLE, /* looks like one, but no clock shows it: 25:00, 13pm */
} TimeStatus;

static const char *const month_words[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december",
};

static const char *const weekday_words[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

static const char *const weekday_names[] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

/* Words that make a date approximate when they come first, with or without
 * a full stop. */
static const char *const approximate_words[] = {
  "approximately", "approx", "circa", "about", "around", "ca", "c",
};

static void
chrono_date_init (CwChronoDate *date)
{
  memset (date, 0, sizeof *date);
  g_date_clear (&date->date, 1);
}

static int
expand_year (int value,
             int digits)
{
  if (digits == 4)
    return value;
  if (digits == 2)
    return value + (value < CENTURY_PIVOT ? 2000 : 1900);
  return -1;
}

static int
index_of_prefix (const char *const *words,
                 guint               n_words,
                 const char         *word)
{
  gsize len = strlen (word);

  if (len < 3)
    return -1;
  for (guint i = 0; i < n_words; i++)
    if (strncmp (words[i], word, len) == 0)
      return (int) i;
  return -1;
}

/* 1 to 12 for "apr", "april", "sept"; 0 for anything else. */
static int
month_from_token (const Token *tok)
{
  if (tok->kind != TOKEN_WORD)
    return 0;
  return index_of_prefix (month_words, G_N_ELEMENTS (month_words), tok->word) + 1;
}

static GDateWeekday
weekday_from_token (const Token *tok)
{
  if (tok->kind != TOKEN_WORD)
    return G_DATE_BAD_WEEKDAY;
  return (GDateWeekday) (index_of_prefix (weekday_words, G_N_ELEMENTS (weekday_words), tok->word)
                         + 1);
}

static gboolean
token_is_word (const Token *tok,
               const char  *word)
{
  return tok->kind == TOKEN_WORD && strcmp (tok->word, word) == 0;
}

static gboolean
token_is_plain_number (const Token *tok)
{
  return tok->kind == TOKEN_NUMBER && !tok->ordinal;
}

static const char *
weekday_name (GDateWeekday weekday)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekday_names[weekday - 1]);
}

/* ------------------------------------------------------------------------ */
/* Errors: each quotes what the person wrote and says what would do instead. */

static gboolean
fail_not_a_date (const Parse  *p,
                 GError      **error)
{
  GQuark domain = CW_CHRONO_DATE_ERROR;
  int code = CW_CHRONO_DATE_ERROR_INVALID;

  if (p->order == CW_DATE_ORDER_MDY)
    g_set_error (error, domain, code,
                 _("“%s” is not a date; write it month first, e.g. 4/3/2021, April 2021 or 2021"),
                 p->text);
  else if (p->order == CW_DATE_ORDER_YMD)
    g_set_error (error, domain, code,
                 _("“%s” is not a date; write it year first, e.g. 2021-04-03, April 2021 or 2021"),
                 p->text);
  else
    g_set_error (error, domain, code,
                 _("“%s” is not a date; write it day first, e.g. 3/4/2021, April 2021 or 2021"),
                 p->text);
  return FALSE;
}

static gboolean
fail_no_year (const Parse  *p,
              GError      **error)
{
  g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_INVALID,
               _("“%s” has no year; add one, e.g. 3 April 2021"), p->text);
  return FALSE;
}

static gboolean
fail_wrong_order (const Parse  *p,
                  int           year,
                  int           month,
                  int           day,
                  GError      **error)
{
  GDate swapped;
  g_autofree char *display = NULL;

  g_date_clear (&swapped, 1);
  g_date_set_dmy (&swapped, (GDateDay) month, (GDateMonth) day, (GDateYear) year);
  display = cw_date_format_display (&swapped);
  if (p->order == CW_DATE_ORDER_MDY)
    g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_WRONG_ORDER,
                 _("“%s” is not a real date month first (there is no month %d); day first it "
                   "would be %s. Check which way round the file writes its dates"),
                 p->text, month, display);
  else
    g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_WRONG_ORDER,
                 _("“%s” is not a real date day first (there is no month %d); month first it "
                   "would be %s. Check which way round the file writes its dates"),
                 p->text, month, display);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Text to tokens */

static gboolean
is_dash (gunichar c)
{
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xfe63 || c == 0xff0d;
}

/* Lower-case ASCII, trimmed, with every kind of space (the no-break spaces of
 * Word tables) as ' ' and every dash as '-'. Any other non-ASCII character
 * becomes DEL, which no token accepts. %NULL when @text is not UTF-8. */
static char *
normalize_text (const char *text)
{
  GString *out;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  out = g_string_sized_new (strlen (text));
  for (const char *s = text; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_isspace (c))
        g_string_append_c (out, ' ');
      else if (is_dash (c))
        g_string_append_c (out, '-');
      else if (c == 0x2044 || c == 0x2215)
        g_string_append_c (out, '/');
      else
        g_string_append_c (out, c < 0x80 ? g_ascii_tolower ((char) c) : '\x7f');
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* Moves *text past an approximation word ("c.", "circa", "approx.") if it
 * starts with one. A word must end there: "ca" is not taken from "cat". */
static gboolean
skip_approximate_word (char **text)
{
  for (guint i = 0; i < G_N_ELEMENTS (approximate_words); i++)
    {
      const char *after;

      if (!g_str_has_prefix (*text, approximate_words[i]))
        continue;
      after = *text + strlen (approximate_words[i]);
      if (*after == '.')
        after++;
      else if (g_ascii_isalpha (*after))
        continue;
      *text = (char *) after;
      return TRUE;
    }
  return FALSE;
}

/* Strips "?", "~" and the approximation words in front, and "?" behind. */
static gboolean
strip_approximate (char **text)
{
  gboolean found = FALSE;
  gsize len;

  for (;;)
    {
      if (**text == '?' || **text == '~')
        *text += 1;
      else if (!skip_approximate_word (text))
        break;
      found = TRUE;
      g_strchug (*text);
    }
  len = strlen (*text);
  while (len > 0 && (*text)[len - 1] == '?')
    {
      (*text)[--len] = '\0';
      found = TRUE;
    }
  g_strchomp (*text);
  return found;
}

static const char *
read_number (const char *s,
             Token      *tok)
{
  static const char *const suffixes[] = { "st", "nd", "rd", "th" };

  tok->kind = TOKEN_NUMBER;
  for (; g_ascii_isdigit (*s); s++)
    {
      if (++tok->digits > 9)
        return NULL;
      tok->value = tok->value * 10 + (*s - '0');
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strncmp (s, suffixes[i], 2) == 0 && !g_ascii_isalpha (s[2]))
      {
        tok->ordinal = TRUE;
        return s + 2;
      }
  return s;
}

static const char *
read_word (const char *s,
           Token      *tok)
{
  gsize len = 0;

  while (g_ascii_isalpha (s[len]))
    len++;
  if (len >= sizeof tok->word)
    return NULL;
  memcpy (tok->word, s, len);
  tok->word[len] = '\0';
  s += len;
  /* a.m. and p.m. */
  if (len == 1 && (tok->word[0] == 'a' || tok->word[0] == 'p') && s[0] == '.' && s[1] == 'm')
    {
      tok->word[1] = 'm';
      tok->word[2] = '\0';
      s += 2;
    }
  if (*s == '.') /* the full stop of an abbreviation: "Apr.", "approx." */
    s++;
  tok->kind = strcmp (tok->word, "t") == 0 || strcmp (tok->word, "at") == 0 ? TOKEN_AT
                                                                            : TOKEN_WORD;
  return s;
}

static gboolean
tokenize (Parse      *p,
          const char *s)
{
  char sep = 0;

  p->n_tokens = 0;
  while (*s != '\0')
    {
      Token *tok;

      if (*s == ' ' || *s == ',')
        {
          sep = sep == 0 ? ' ' : sep;
          s++;
          continue;
        }
      if (strchr ("/.-:", *s) != NULL)
        {
          if (sep != 0 && sep != ' ')
            return FALSE;
          sep = *s++;
          continue;
        }
      if (p->n_tokens == MAX_TOKENS)
        return FALSE;
      tok = &p->tokens[p->n_tokens++];
      memset (tok, 0, sizeof *tok);
      tok->sep = sep;
      sep = 0;
      if (g_ascii_isdigit (*s))
        s = read_number (s, tok);
      else if (g_ascii_isalpha (*s))
        s = read_word (s, tok);
      else
        return FALSE;
      if (s == NULL)
        return FALSE;
    }
  return sep == 0 || sep == ' ';
}

static void
remove_token (Parse *p,
              guint  i)
{
  g_assert (i < p->n_tokens);

  memmove (&p->tokens[i], &p->tokens[i + 1], (p->n_tokens - i - 1) * sizeof (Token));
  p->n_tokens--;
  if (i == 0 && p->n_tokens > 0)
    p->tokens[0].sep = 0;
}

/* Drops "Saturday" in front and "of" in "3rd of April", returning the day
 * of the week so that it can be checked against the date. */
static GDateWeekday
take_filler_words (Parse *p)
{
  GDateWeekday weekday = G_DATE_BAD_WEEKDAY;

  if (p->n_tokens > 1 && (weekday = weekday_from_token (&p->tokens[0])) != G_DATE_BAD_WEEKDAY)
    remove_token (p, 0);
  for (guint i = 1; i < p->n_tokens; i++)
    if (token_is_word (&p->tokens[i], "of"))
      remove_token (p, i--);
  return weekday;
}

/* ------------------------------------------------------------------------ */
/* Times: 14:30, 14.30, 14:30:00, 2.30pm, 2 p.m., 9am, noon, 1430hrs */

static TimeStatus
check_clock (int  hour,
             int  minute,
             int  meridiem,
             int *out_hour,
             int *out_minute)
{
  if (meridiem != 0)
    {
      if (hour < 1 || hour > 12)
        return TIME_IMPOSSIBLE;
      hour = hour % 12 + (meridiem == 'p' ? 12 : 0);
    }
  if (hour > 23 || minute > 59)
    return TIME_IMPOSSIBLE;
  *out_hour = hour;
  *out_minute = minute;
  return TIME_OK;
}

/* Reads 14, 14:30, 14.30 or 14:30:00 from @t, or 1430 as one number; returns
 * how many tokens it took, 0 when none, and -1 for impossible seconds. */
static int
read_clock_digits (const Token *t,
                   guint        n,
                   int         *hour,
                   int         *minute,
                   gboolean    *hhmm)
{
  guint i = 1;

  *hhmm = t[0].digits == 3 || t[0].digits == 4;
  *hour = *hhmm ? t[0].value / 100 : t[0].value;
  *minute = *hhmm ? t[0].value % 100 : -1;
  if (!token_is_plain_number (&t[0]) || t[0].digits > 4)
    return 0;
  if (*hhmm || i == n || !token_is_plain_number (&t[i]) || t[i].digits != 2
      || (t[i].sep != ':' && t[i].sep != '.'))
    return (int) i;
  *minute = t[i++].value;
  if (i < n && token_is_plain_number (&t[i]) && t[i].digits == 2 && t[i].sep == ':')
    return t[i].value > 59 ? -1 : (int) i + 1;
  return (int) i;
}

/* @bare allows 1430 and 930 on their own, as in a column that holds only times. */
static TimeStatus
read_time (const Token *t,
           guint        n,
           gboolean     bare,
           int         *out_hour,
           int         *out_minute)
{
  int hour, minute, meridiem = 0, taken;
  gboolean hhmm, hours_word = FALSE;
  guint i;

  if (n == 1 && (token_is_word (&t[0], "noon") || token_is_word (&t[0], "midday")))
    return check_clock (12, 0, 0, out_hour, out_minute);
  if (n == 0 || (taken = read_clock_digits (t, n, &hour, &minute, &hhmm)) == 0)
    return TIME_NONE;
  if (taken < 0)
    return TIME_IMPOSSIBLE;
  i = (guint) taken;
  if (i < n && (token_is_word (&t[i], "am") || token_is_word (&t[i], "pm")))
    meridiem = t[i++].word[0];
  if (i < n && (token_is_word (&t[i], "h") || token_is_word (&t[i], "hr")
                || token_is_word (&t[i], "hrs") || token_is_word (&t[i], "hours")))
    {
      hours_word = TRUE;
      i++;
    }
  if (i != n || (hhmm && !bare && !hours_word && meridiem == 0)
      || (minute < 0 && !hours_word && meridiem == 0))
    return TIME_NONE;
  return check_clock (hour, MAX (minute, 0), meridiem, out_hour, out_minute);
}

static gboolean
check_time_status (const Parse  *p,
                   TimeStatus    status,
                   GError      **error)
{
  if (status == TIME_OK)
    return TRUE;
  if (status == TIME_IMPOSSIBLE)
    g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_IMPOSSIBLE,
                 _("“%s” does not give a real time of day; write it as 14:30 or 2.30pm"), p->text);
  else
    g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_INVALID,
                 _("“%s” is not a date and time; write the time after the date, e.g. "
                   "3/4/2021 14:30"),
                 p->text);
  return FALSE;
}

/* Finds a time at the end of the tokens: after "at" or a T, or else any run
 * of tokens after a space that reads as one. Sets *date_end to where the date
 * stops and *hour to -1 when there is no time. */
static gboolean
split_time (Parse   *p,
            guint   *date_end,
            int     *hour,
            int     *minute,
            GError **error)
{
  *date_end = p->n_tokens;
  *hour = -1;
  for (guint i = 0; i < p->n_tokens; i++)
    if (p->tokens[i].kind == TOKEN_AT)
      {
        *date_end = i;
        return check_time_status (p, read_time (p->tokens + i + 1, p->n_tokens - i - 1, FALSE,
                                                hour, minute),
                                  error);
      }
  for (guint k = p->n_tokens; k-- > 1;)
    {
      TimeStatus status;

      if (p->tokens[k].sep != ' ')
        continue;
      status = read_time (p->tokens + k, p->n_tokens - k, FALSE, hour, minute);
      if (status == TIME_NONE)
        continue;
      *date_end = k;
      return check_time_status (p, status, error);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Tokens to dates */

static gboolean
set_date (const Parse     *p,
          int              year,
          int              month,
          int              day,
          CwDatePrecision  precision,
          CwChronoDate    *out,
          GError         **error)
{
  if (year < CW_CHRONO_DATE_YEAR_MIN || year > CW_CHRONO_DATE_YEAR_MAX)
    {
      g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_OUT_OF_RANGE,
                   _("“%s” is in %d; a chronology holds dates from %d to %d, so check the year"),
                   p->text, year, CW_CHRONO_DATE_YEAR_MIN, CW_CHRONO_DATE_YEAR_MAX);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_IMPOSSIBLE,
                   _("“%s” is not a real date: there is no month %d"), p->text, month);
      return FALSE;
    }
  if (day < 1 || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_IMPOSSIBLE,
                   _("“%s” is not a real date: %s %d has %d days"), p->text,
                   cw_date_month_name (month), year,
                   g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
      return FALSE;
    }
  chrono_date_init (out);
  g_date_set_dmy (&out->date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  out->precision = precision;
  return TRUE;
}

/* 2021 */
static gboolean
parse_year (const Parse   *p,
            CwChronoDate  *out,
            GError       **error)
{
  if (p->tokens[0].digits != 4)
    return fail_not_a_date (p, error);
  return set_date (p, p->tokens[0].value, 1, 1, CW_DATE_PRECISION_YEAR, out, error);
}

/* April 2021, Apr-21; not "April 21", which is more likely the 21st. */
static gboolean
parse_month_name_year (const Parse   *p,
                       CwChronoDate  *out,
                       GError       **error)
{
  const Token *t = p->tokens;
  int year = expand_year (t[1].value, t[1].digits);

  if (t[1].digits > 2 && year < 0)
    return fail_not_a_date (p, error);
  if (year < 0 || (t[1].digits == 2 && t[1].sep == ' '))
    return fail_no_year (p, error);
  return set_date (p, year, month_from_token (&t[0]), 1, CW_DATE_PRECISION_MONTH, out, error);
}

/* 04/2021 and 2021-04 */
static gboolean
parse_numeric_month_year (const Parse   *p,
                          CwChronoDate  *out,
                          GError       **error)
{
  const Token *t = p->tokens;

  if (t[1].sep == ' ')
    return fail_not_a_date (p, error);
  if (t[0].digits == 4 && t[1].digits <= 2)
    return set_date (p, t[0].value, t[1].value, 1, CW_DATE_PRECISION_MONTH, out, error);
  if (t[0].digits <= 2 && t[1].digits == 4)
    return set_date (p, t[1].value, t[0].value, 1, CW_DATE_PRECISION_MONTH, out, error);
  if (t[0].digits <= 2 && t[1].digits <= 2)
    return fail_no_year (p, error);
  return fail_not_a_date (p, error);
}

/* Which of 03/04/21 is the day, the month and the year. */
static gboolean
assign_numeric_fields (const Parse *p,
                       int         *year,
                       int         *month,
                       int         *day)
{
  const Token *t = p->tokens;

  if (t[0].digits == 4)
    {
      *year = t[0].value, *month = t[1].value, *day = t[2].value;
      return t[1].digits <= 2 && t[2].digits <= 2;
    }
  if (p->order == CW_DATE_ORDER_YMD && t[2].digits <= 2)
    {
      *year = expand_year (t[0].value, t[0].digits), *month = t[1].value, *day = t[2].value;
      return *year >= 0 && t[1].digits <= 2;
    }
  *year = expand_year (t[2].value, t[2].digits);
  *month = p->order == CW_DATE_ORDER_MDY ? t[0].value : t[1].value;
  *day = p->order == CW_DATE_ORDER_MDY ? t[1].value : t[0].value;
  return *year >= 0 && t[0].digits <= 2 && t[1].digits <= 2;
}

/* Whether a day and month read the wrong way round, 04/13/2021 day first,
 * would be a real date the other way. */
static gboolean
reads_swapped (int year,
               int month,
               int day)
{
  return month > 12 && day <= 12 && year >= CW_CHRONO_DATE_YEAR_MIN
         && year <= CW_CHRONO_DATE_YEAR_MAX
         && g_date_valid_dmy ((GDateDay) month, (GDateMonth) day, (GDateYear) year);
}

/* 03/04/2021, 3.4.21, 03-04-2021, 2021-04-03, 2021/04/03 */
static gboolean
parse_numeric_date (const Parse   *p,
                    CwChronoDate  *out,
                    GError       **error)
{
  const Token *t = p->tokens;
  int year, month, day;

  if (t[1].sep != t[2].sep || t[1].sep == ' ' || !assign_numeric_fields (p, &year, &month, &day))
    return fail_not_a_date (p, error);
  if (t[0].digits <= 2 && reads_swapped (year, month, day))
    return fail_wrong_order (p, year, month, day, error);
  return set_date (p, year, month, day, CW_DATE_PRECISION_DAY, out, error);
}

/* 3 April 2021, 3rd Apr 21, 03-Apr-2021 (@day_first) or April 3, 2021 */
static gboolean
parse_named_date (const Parse   *p,
                  gboolean       day_first,
                  CwChronoDate  *out,
                  GError       **error)
{
  const Token *day = &p->tokens[day_first ? 0 : 1];
  const Token *month = &p->tokens[day_first ? 1 : 0];
  int year = expand_year (p->tokens[2].value, p->tokens[2].digits);

  if (day->digits > 2 || year < 0)
    return fail_not_a_date (p, error);
  return set_date (p, year, month_from_token (month), day->value, CW_DATE_PRECISION_DAY, out,
                   error);
}

/* The shape of the tokens: 'n' a number, 'o' an ordinal, 'm' a month name. */
static void
describe_tokens (const Parse *p,
                 guint        n,
                 char        *shape)
{
  for (guint i = 0; i < n; i++)
    {
      const Token *tok = &p->tokens[i];

      if (tok->kind == TOKEN_NUMBER)
        shape[i] = tok->ordinal ? 'o' : 'n';
      else
        shape[i] = month_from_token (tok) > 0 ? 'm' : '?';
    }
  shape[n] = '\0';
}

static gboolean
parse_date_tokens (const Parse   *p,
                   guint          n,
                   CwChronoDate  *out,
                   GError       **error)
{
  char shape[4];

  if (n == 0 || n > 3 || p->tokens[0].sep != 0)
    return fail_not_a_date (p, error);
  describe_tokens (p, n, shape);
  if (strcmp (shape, "n") == 0)
    return parse_year (p, out, error);
  if (strcmp (shape, "mn") == 0)
    return parse_month_name_year (p, out, error);
  if (strcmp (shape, "nn") == 0)
    return parse_numeric_month_year (p, out, error);
  if (strcmp (shape, "nnn") == 0)
    return parse_numeric_date (p, out, error);
  if (strcmp (shape, "nmn") == 0 || strcmp (shape, "omn") == 0)
    return parse_named_date (p, TRUE, out, error);
  if (strcmp (shape, "mnn") == 0 || strcmp (shape, "mon") == 0)
    return parse_named_date (p, FALSE, out, error);
  if (strcmp (shape, "m") == 0 || strcmp (shape, "nm") == 0 || strcmp (shape, "om") == 0
      || strcmp (shape, "mo") == 0)
    return fail_no_year (p, error);
  return fail_not_a_date (p, error);
}

static gboolean
check_weekday (const Parse         *p,
               GDateWeekday         weekday,
               const CwChronoDate  *date,
               GError             **error)
{
  GDateWeekday actual;
  g_autofree char *display = NULL;

  if (weekday == G_DATE_BAD_WEEKDAY)
    return TRUE;
  if (date->precision != CW_DATE_PRECISION_DAY)
    return fail_not_a_date (p, error);
  actual = g_date_get_weekday (&date->date);
  if (actual == weekday)
    return TRUE;
  display = cw_date_format_display (&date->date);
  g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_IMPOSSIBLE,
               _("“%s” does not add up: %s was a %s, not a %s; check the day and the date"),
               p->text, display, weekday_name (actual), weekday_name (weekday));
  return FALSE;
}

static gboolean
fail_time_without_day (const char          *time_text,
                       const CwChronoDate  *date,
                       GError             **error)
{
  g_autofree char *display = cw_chrono_date_format (date);

  g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_INVALID,
               _("“%s” gives a time but %s has no day; give the whole date or leave the time out"),
               time_text, display);
  return FALSE;
}

/* 44289 or 44289.5: a date cell as a CSV written from a spreadsheet may hold
 * it. Five digits, so never a year, and 10000 is already 1927. */
static gboolean
looks_like_serial (const char *text)
{
  if (strspn (text, "0123456789") != 5)
    return FALSE;
  if (text[5] == '\0')
    return TRUE;
  return text[5] == '.' && text[6] != '\0' && strspn (text + 6, "0123456789") == strlen (text + 6);
}

static gboolean
parse_tokens (Parse         *p,
              CwChronoDate  *out,
              GError       **error)
{
  GDateWeekday weekday = take_filler_words (p);
  guint date_end;
  int hour, minute;

  if (!split_time (p, &date_end, &hour, &minute, error)
      || !parse_date_tokens (p, date_end, out, error) || !check_weekday (p, weekday, out, error))
    return FALSE;
  if (hour < 0)
    return TRUE;
  if (out->precision != CW_DATE_PRECISION_DAY)
    return fail_time_without_day (p->text, out, error);
  out->has_time = TRUE;
  out->hour = hour;
  out->minute = minute;
  return TRUE;
}

/* Past the approximation marks: a serial number or tokens. */
static gboolean
parse_body (Parse         *p,
            const char    *body,
            CwChronoDate  *out,
            GError       **error)
{
  if (looks_like_serial (body))
    return cw_chrono_date_from_serial (g_ascii_strtod (body, NULL), FALSE, out, error);
  if (*body == '\0' || !tokenize (p, body))
    return fail_not_a_date (p, error);
  return parse_tokens (p, out, error);
}

/**
 * cw_chrono_date_parse:
 * @text: a date as an agency wrote it
 * @order: how to read all-numeric dates; %CW_DATE_ORDER_DMY for UK returns,
 *   or what cw_chrono_date_detect_order() found
 * @out: (out caller-allocates): the date, set only on success
 * @error: a #CW_CHRONO_DATE_ERROR quoting @text
 *
 * Reads a day (03/04/2021, 3/4/21, 3.4.2021, 3rd April 2021, 03-Apr-2021,
 * April 3, 2021, 2021-04-03), a month (April 2021, Apr-21, 04/2021, 2021-04),
 * a year (2021) or a spreadsheet serial number (44289, in the 1900 system).
 * Case and surrounding space do not matter; a leading day of the week must
 * match the date. A leading "?", "~", "c.", "ca.", "circa", "approx.",
 * "approximately", "about" or "around", or a trailing "?", make it
 * approximate. A day may be followed by a time: "14:30", "14.30", "2.30pm",
 * "9am", "noon", "1430hrs", after a space, "at" or ISO's "T"; the clock is
 * the 24-hour one unless "am" or "pm" says otherwise. Two-digit years 00–69
 * are 2000–2069 and 70–99 are 1970–1999. "April 21" is refused as having no
 * year (it is more likely the 21st), while "Apr-21", the spreadsheet form, is
 * April 2021.
 *
 * Returns: whether @text is a real date from 1900 to 2100
 */
gboolean
cw_chrono_date_parse (const char    *text,
                      CwDateOrder    order,
                      CwChronoDate  *out,
                      GError       **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normal = NULL;
  Parse p = { 0 };
  CwChronoDate date;
  char *body;
  gboolean approximate;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_utf8_make_valid (text, -1);
  g_strstrip (trimmed);
  p.text = trimmed;
  p.order = order;
  if ((normal = normalize_text (text)) == NULL)
    return fail_not_a_date (&p, error);
  if (*normal == '\0')
    {
      g_set_error_literal (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_EMPTY,
                           _("The date is missing; every entry needs at least the year"));
      return FALSE;
    }
  body = normal;
  approximate = strip_approximate (&body);
  if (!parse_body (&p, body, &date, error))
    return FALSE;
  date.approximate = approximate;
  *out = date;
  return TRUE;
}

/**
 * cw_chrono_date_parse_time:
 * @text: a time from a column of its own: "14:30", "2.30pm", "1430"
 * @inout: a date, given the time on success
 * @error: a #CW_CHRONO_DATE_ERROR quoting @text
 *
 * An empty @text leaves @inout without a time, since times are optional.
 * A time needs a date of %CW_DATE_PRECISION_DAY.
 *
 * Returns: whether @text was empty or a real time
 */
gboolean
cw_chrono_date_parse_time (const char    *text,
                           CwChronoDate  *inout,
                           GError       **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *normal = NULL;
  Parse p = { 0 };
  TimeStatus status;
  int hour, minute;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (inout != NULL && g_date_valid (&inout->date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_utf8_make_valid (text, -1));
  p.text = trimmed;
  normal = normalize_text (text);
  if (normal != NULL && *normal == '\0')
    {
      inout->has_time = FALSE;
      return TRUE;
    }
  if (inout->precision != CW_DATE_PRECISION_DAY)
    return fail_time_without_day (p.text, inout, error);
  status = normal != NULL && tokenize (&p, normal)
             ? read_time (p.tokens, p.n_tokens, TRUE, &hour, &minute)
             : TIME_NONE;
  if (status == TIME_NONE)
    {
      g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_INVALID,
                   _("“%s” is not a time of day; write it as 14:30 or 2.30pm"), p.text);
      return FALSE;
    }
  if (!check_time_status (&p, status, error))
    return FALSE;
  inout->has_time = TRUE;
  inout->hour = hour;
  inout->minute = minute;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Spreadsheet serial numbers */

/* The serial as a person would read it in a message, whatever the locale. */
static const char *
format_serial (double  serial,
               char   *buffer,
               gsize   size)
{
  return g_ascii_formatd (buffer, (int) size, "%.6g", serial);
}

static gboolean
fail_serial_after_2100 (const char  *number,
                        GError     **error)
{
  g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_OUT_OF_RANGE,
               _("Spreadsheet value %s is a date after %d; check the year"), number,
               CW_CHRONO_DATE_YEAR_MAX);
  return FALSE;
}

/**
 * cw_chrono_date_from_serial:
 * @serial: a spreadsheet's date cell: days, and the time as a fraction
 * @date1904: whether the workbook counts from 1904 (old Mac Excel) rather than 1900
 * @out: (out caller-allocates): the date, set only on success
 * @error: a #CW_CHRONO_DATE_ERROR naming @serial
 *
 * In the 1900 system day 1 is 1 January 1900, and day 60 is 29 February 1900,
 * which never was: Lotus 1-2-3 took 1900 for a leap year and Excel copied it.
 * Day 60 is refused as %CW_CHRONO_DATE_ERROR_IMPOSSIBLE, so that someone looks
 * at the source; from day 61 (1 March 1900) on the count is one day ahead. In the
 * 1904 system day 0 is 1 January 1904. The time is rounded to the minute; a
 * fraction under half a minute means no time was given.
 *
 * Returns: whether @serial is a real date from 1900 to 2100
 */
gboolean
cw_chrono_date_from_serial (double         serial,
                            gboolean       date1904,
                            CwChronoDate  *out,
                            GError       **error)
{
  CwChronoDate date;
  GDate epoch;
  gint64 day;
  int minutes;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format_serial (serial, number, sizeof number);
  if (!isfinite (serial) || serial < (date1904 ? 0 : 1))
    {
      g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_INVALID,
                   _("Spreadsheet value %s is not a date; check that the cell holds one"), number);
      return FALSE;
    }
  if (serial > 100000) /* 2173, and far from the limits of GDate */
    return fail_serial_after_2100 (number, error);
  day = (gint64) floor (serial);
  minutes = (int) floor ((serial - (double) day) * 24 * 60 + 0.5);
  if (minutes == 24 * 60)
    day++;
  if (!date1904 && day == 60)
    {
      g_set_error (error, CW_CHRONO_DATE_ERROR, CW_CHRONO_DATE_ERROR_IMPOSSIBLE,
                   _("Spreadsheet value %s is 29 February 1900, a day that never was (a fault "
                     "spreadsheets copied from Lotus 1-2-3); check the date in the source"),
                   number);
      return FALSE;
    }
  g_date_clear (&epoch, 1);
  if (date1904)
    g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1904);
  else
    g_date_set_dmy (&epoch, day < 60 ? 31 : 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&epoch, (guint) day);
  if (g_date_get_year (&epoch) > CW_CHRONO_DATE_YEAR_MAX)
    return fail_serial_after_2100 (number, error);
  chrono_date_init (&date);
  date.date = epoch;
  date.has_time = minutes > 0;
  date.hour = (minutes % (24 * 60)) / 60;
  date.minute = minutes % 60;
  *out = date;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Order detection */

/**
 * cw_chrono_date_detect_order:
 * @texts: (array length=n_texts): a column of dates; %NULL or blank entries are skipped
 * @n_texts: how many
 * @only_mdy: (out) (optional): set when the column makes sense only month first
 *
 * UK returns are day first, so month first is chosen only on evidence: some
 * date is real only month first (04/13/2021) and none only day first. Texts
 * that are dates in both orders (03/04/2021), or in neither (“soon”), say
 * nothing either way; they are left for the row to report.
 *
 * Returns: %CW_DATE_ORDER_MDY when the column is month first, otherwise
 *   %CW_DATE_ORDER_DMY
 */
CwDateOrder
cw_chrono_date_detect_order (const char * const *texts,
                             guint               n_texts,
                             gboolean           *only_mdy)
{
  guint dmy_only = 0, mdy_only = 0;
  gboolean mdy;

  g_return_val_if_fail (texts != NULL || n_texts == 0, CW_DATE_ORDER_DMY);

  for (guint i = 0; i < n_texts; i++)
    {
      CwChronoDate date;
      gboolean as_dmy, as_mdy;

      if (texts[i] == NULL)
        continue;
      as_dmy = cw_chrono_date_parse (texts[i], CW_DATE_ORDER_DMY, &date, NULL);
      as_mdy = cw_chrono_date_parse (texts[i], CW_DATE_ORDER_MDY, &date, NULL);
      dmy_only += as_dmy && !as_mdy;
      mdy_only += as_mdy && !as_dmy;
      /* One date real only day first settles it. */
      if (dmy_only > 0)
        break;
    }
  mdy = mdy_only > 0 && dmy_only == 0;
  if (only_mdy != NULL)
    *only_mdy = mdy;
  return mdy ? CW_DATE_ORDER_MDY : CW_DATE_ORDER_DMY;
}

/* ------------------------------------------------------------------------ */
/* Ranges, order, storage and display */

/**
 * cw_chrono_date_range:
 * @date: a date
 * @first: (out caller-allocates): the earliest day @date could mean
 * @last: (out caller-allocates): the latest day @date could mean
 *
 * A day means itself, a month its days and a year its days. An approximate
 * date widens that by %CW_CHRONO_DATE_APPROXIMATE_DAYS (a week), _MONTHS or
 * _YEARS (one) on each side: "c. May 2016" is 1 April to 30 June 2016.
 * The time does not change the range.
 */
void
cw_chrono_date_range (const CwChronoDate *date,
                      GDate              *first,
                      GDate              *last)
{
  gboolean widen;

  g_return_if_fail (date != NULL && g_date_valid (&date->date));
  g_return_if_fail (first != NULL && last != NULL);

  widen = date->approximate;
  *first = date->date;
  *last = date->date;
  switch (date->precision)
    {
    case CW_DATE_PRECISION_DAY:
      g_date_subtract_days (first, widen ? CW_CHRONO_DATE_APPROXIMATE_DAYS : 0);
      g_date_add_days (last, widen ? CW_CHRONO_DATE_APPROXIMATE_DAYS : 0);
      return;
    case CW_DATE_PRECISION_MONTH:
      g_date_subtract_months (first, widen ? CW_CHRONO_DATE_APPROXIMATE_MONTHS : 0);
      g_date_add_months (last, 1 + (widen ? CW_CHRONO_DATE_APPROXIMATE_MONTHS : 0));
      break;
    case CW_DATE_PRECISION_YEAR:
    default:
      g_date_subtract_years (first, widen ? CW_CHRONO_DATE_APPROXIMATE_YEARS : 0);
      g_date_add_years (last, 1 + (widen ? CW_CHRONO_DATE_APPROXIMATE_YEARS : 0));
      break;
    }
  g_date_subtract_days (last, 1);
}

static int
compare_int (int a,
             int b)
{
  return (a > b) - (a < b);
}

/**
 * cw_chrono_date_compare:
 *
 * The order of a chronology: by the date as written (its first day, not
 * the start of an approximate range); on the same first day the wider
 * period first, as a heading for its days (2021, then April 2021, then
 * 1 Apr 2021); then a day without a time before the timed ones, in time
 * order; then the exact before the approximate.
 *
 * Returns: negative, 0 or positive, as for qsort()
 */
int
cw_chrono_date_compare (const CwChronoDate *a,
                        const CwChronoDate *b)
{
  int order;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if ((order = g_date_compare (&a->date, &b->date)) != 0)
    return order;
  if ((order = compare_int (b->precision, a->precision)) != 0)
    return order;
  if ((order = compare_int (a->has_time, b->has_time)) != 0)
    return order;
  if (a->has_time
      && (order = compare_int (a->hour * 60 + a->minute, b->hour * 60 + b->minute)) != 0)
    return order;
  return compare_int (a->approximate, b->approximate);
}

/**
 * cw_chrono_date_to_iso:
 *
 * The stored form: "2021-04-03", "2021-04" or "2021", with "~" in front
 * when approximate and "T14:30" behind when timed. ISO order, so the
 * strings of exact untimed dates sort as the dates do.
 *
 * Returns: (transfer full): text that cw_chrono_date_from_iso() reads back
 */
char *
cw_chrono_date_to_iso (const CwChronoDate *date)
{
  char iso[CW_CHRONO_DATE_TEXT_MAX];

  g_return_val_if_fail (date != NULL && g_date_valid (&date->date), NULL);

  cw_chrono_date_write_iso (date, iso);
  return g_strdup (iso);
}

/* Digits into @out, zero-padded to @width: printf is the import's hot spot. */
static char *
put_number (char *out,
            guint value,
            guint width)
{
  for (guint i = width; i-- > 0; value /= 10)
    out[i] = (char) ('0' + value % 10);
  return out + width;
}

static char *
put_day (char        *out,
         const GDate *day)
{
  out = put_number (out, g_date_get_year (day), 4);
  *out++ = '-';
  out = put_number (out, g_date_get_month (day), 2);
  *out++ = '-';
  return put_number (out, g_date_get_day (day), 2);
}

/**
 * cw_chrono_date_write_iso:
 * @out: room for %CW_CHRONO_DATE_TEXT_MAX bytes
 *
 * As cw_chrono_date_to_iso(), into @out.
 */
void
cw_chrono_date_write_iso (const CwChronoDate *date,
                          char               *out)
{
  char *p = out;

  if (date->approximate)
    *p++ = '~';
  p = put_number (p, g_date_get_year (&date->date), 4);
  if (date->precision != CW_DATE_PRECISION_YEAR)
    {
      *p++ = '-';
      p = put_number (p, g_date_get_month (&date->date), 2);
    }
  if (date->precision == CW_DATE_PRECISION_DAY)
    {
      *p++ = '-';
      p = put_number (p, g_date_get_day (&date->date), 2);
    }
  if (date->precision == CW_DATE_PRECISION_DAY && date->has_time)
    {
      *p++ = 'T';
      p = put_number (p, (guint) date->hour, 2);
      *p++ = ':';
      p = put_number (p, (guint) date->minute, 2);
    }
  *p = '\0';
}

/**
 * cw_chrono_date_write_sort_key:
 * @out: room for %CW_CHRONO_DATE_TEXT_MAX bytes
 *
 * As cw_chrono_date_sort_key(), into @out.
 */
void
cw_chrono_date_write_sort_key (const CwChronoDate *date,
                               char               *out)
{
  char *p = put_day (out, &date->date);

  *p++ = ' ';
  *p++ = (char) ('0' + 2 - (int) date->precision);
  *p++ = ' ';
  if (date->has_time)
    {
      p = put_number (p, (guint) date->hour, 2);
      *p++ = ':';
      p = put_number (p, (guint) date->minute, 2);
    }
  else
    {
      /* "-" sorts before the digits of a time */
      memcpy (p, "--:--", 5);
      p += 5;
    }
  *p++ = ' ';
  *p++ = date->approximate ? '1' : '0';
  *p = '\0';
}

/**
 * cw_chrono_date_write_day:
 * @out: room for 11 bytes
 *
 * A day as YYYY-MM-DD, into @out.
 */
void
cw_chrono_date_write_day (const GDate *day,
                          char        *out)
{
  *put_day (out, day) = '\0';
}

/**
 * cw_chrono_date_sort_key:
 *
 * Text that sorts as cw_chrono_date_compare() orders: the first day, then
 * the precision (widest first), the time (untimed first), then whether it
 * is approximate. "2021-04-03 2 14:30 0".
 *
 * Returns: (transfer full): the key, for an index
 */
char *
cw_chrono_date_sort_key (const CwChronoDate *date)
{
  char key[CW_CHRONO_DATE_TEXT_MAX];

  g_return_val_if_fail (date != NULL && g_date_valid (&date->date), NULL);

  cw_chrono_date_write_sort_key (date, key);
  return g_strdup (key);
}
static gboolean
read_digits (const char **s,
             int          n,
             int         *out)
{
  *out = 0;
  for (int i = 0; i < n; i++, (*s)++)
    {
      if (!g_ascii_isdigit (**s))
        return FALSE;
      *out = *out * 10 + (**s - '0');
    }
  return TRUE;
}

/* "2021", "2021-04" or "2021-04-03", setting the precision it finds. */
static gboolean
read_iso_date (const char   **s,
               CwChronoDate  *date,
               int           *year,
               int           *month,
               int           *day)
{
  *month = *day = 1;
  date->precision = CW_DATE_PRECISION_YEAR;
  if (!read_digits (s, 4, year))
    return FALSE;
  if (**s != '-')
    return TRUE;
  *s += 1;
  date->precision = CW_DATE_PRECISION_MONTH;
  if (!read_digits (s, 2, month))
    return FALSE;
  if (**s != '-')
    return TRUE;
  *s += 1;
  date->precision = CW_DATE_PRECISION_DAY;
  return read_digits (s, 2, day);
}

/* "" or "T14:30" */
static gboolean
read_iso_time (const char   *s,
               CwChronoDate *date)
{
  if (*s == '\0')
    return TRUE;
  if (date->precision != CW_DATE_PRECISION_DAY || *s++ != 'T'
      || !read_digits (&s, 2, &date->hour) || *s++ != ':' || !read_digits (&s, 2, &date->minute)
      || *s != '\0')
    return FALSE;
  date->has_time = TRUE;
  return date->hour < 24 && date->minute < 60;
}

/**
 * cw_chrono_date_from_iso:
 * @iso: what cw_chrono_date_to_iso() wrote
 * @out: (out caller-allocates): the date, set only on success
 *
 * Strict: stored values are machine-written, so anything else is damage.
 *
 * Returns: whether @iso is a stored date
 */
gboolean
cw_chrono_date_from_iso (const char   *iso,
                         CwChronoDate *out)
{
  CwChronoDate date;
  int year, month, day;
  const char *s = iso;

  g_return_val_if_fail (iso != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  chrono_date_init (&date);
  if (*s == '~')
    {
      date.approximate = TRUE;
      s++;
    }
  if (!read_iso_date (&s, &date, &year, &month, &day) || !read_iso_time (s, &date)
      || year < CW_CHRONO_DATE_YEAR_MIN || year > CW_CHRONO_DATE_YEAR_MAX
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (&date.date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *out = date;
  return TRUE;
}

static char *
format_period (const CwChronoDate *date)
{
  static const char *month_and_year;
  guint year = g_date_get_year (&date->date);

  switch (date->precision)
    {
    case CW_DATE_PRECISION_DAY:
      return cw_date_format_display (&date->date);
    case CW_DATE_PRECISION_MONTH:
      return g_strdup_printf (cw_translate_once (&month_and_year, "month and year",
                                                 /* Translators: a month and year, as in
                                                  * "Apr 2021" */
                                                 NC_("month and year", "%s %u")),
                              cw_date_month_abbreviation (g_date_get_month (&date->date)), year);
    case CW_DATE_PRECISION_YEAR:
    default:
      return g_strdup_printf ("%u", year);
    }
}

/**
 * cw_chrono_date_format:
 *
 * Returns: (transfer full): the date as shown: "3 Apr 2021", "Apr 2021",
 *   "2021", "c. 3 Apr 2021", "3 Apr 2021 14:30"
 */
char *
cw_chrono_date_format (const CwChronoDate *date)
{
  static const char *date_and_time, *approximate;
  g_autofree char *period = NULL;
  g_autofree char *timed = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (&date->date), NULL);

  period = format_period (date);
  if (date->has_time && date->precision == CW_DATE_PRECISION_DAY)
    timed = g_strdup_printf (cw_translate_once (&date_and_time, "date and time",
                                                /* Translators: a date and a 24-hour time,
                                                 * as in "3 Apr 2021 14:30" */
                                                NC_("date and time", "%s %02d:%02d")),
                             period, date->hour, date->minute);
  else
    timed = g_steal_pointer (&period);
  if (!date->approximate)
    return g_steal_pointer (&timed);
  return g_strdup_printf (cw_translate_once (&approximate, "approximate date",
                                             /* Translators: an approximate date, as in
                                              * "c. 3 Apr 2021"; c. is circa */
                                             NC_("approximate date", "c. %s")),
                          timed);
}

/**
 * cw_chrono_date_iso_ends_before:
 * @start_iso: (nullable): a stored chronology date
 * @end_iso: (nullable): another
 *
 * Whether something from @start_iso to @end_iso would end before it
 * starts: even the latest day @end_iso may mean comes before the earliest
 * @start_iso may mean. Unset or unreadable dates never do.
 */
gboolean
cw_chrono_date_iso_ends_before (const char *start_iso,
                                const char *end_iso)
{
  CwChronoDate start, end;
  GDate start_first, start_last, end_first, end_last;

  if (start_iso == NULL || end_iso == NULL || !cw_chrono_date_from_iso (start_iso, &start)
      || !cw_chrono_date_from_iso (end_iso, &end))
    return FALSE;
  cw_chrono_date_range (&start, &start_first, &start_last);
  cw_chrono_date_range (&end, &end_first, &end_last);
  return g_date_compare (&end_last, &start_first) < 0;
}
