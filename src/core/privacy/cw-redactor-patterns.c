/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casewise-privacy"

#include "config.h"

#include <string.h>

#include "cw-redactor-private.h"

/* What identifies someone written the same way in every review: the
 * register's dates of birth in any common form, UK postcodes, NHS numbers,
 * UK phone numbers and email addresses. The patterns are compiled once for
 * the whole program and match folded text (lower case, ASCII digits). */

#define MONTHS                                                                       \
  "(?:january|february|march|april|may|june|july|august|september|october|november|" \
  "december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)"

typedef enum
{
  PATTERN_PHONE,
  PATTERN_NHS_NUMBER,
  PATTERN_POSTCODE,
  PATTERN_DATE_NUMBERS,
  PATTERN_DATE_COMPACT,
  PATTERN_DATE_WORDS,
  PATTERN_DATE_MONTH_FIRST,
  PATTERN_EMAIL,
  N_PATTERNS
} Pattern;

static const char *const sources[N_PATTERNS] = {
  /* 0161 496 0000, (01632) 960 001, +44 (0)7700 900 123, 07700-900123 */
  "(?<![\\p{N}+])(?:(?:\\+|00)44[ -]?(?:\\(0\\)[ -]?)?|\\(?0)[1-9](?:(?:\\) ?|[ -])?\\d){8,9}"
  "(?!\\p{N})",
  /* 943 476 5919 */
  "(?<!\\p{N})\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?!\\p{N})",
  /* SW1A 1AA, m1 1ae: the Royal Mail's letters in each place */
  NOT_AFTER_WORD "(?:gir ?0aa|[a-pr-uwyz](?:[0-9]{1,2}|[a-hk-y][0-9]{1,2}|[0-9][a-hjkpstuw]|"
  "[a-hk-y][0-9][abehmnprvwxy]) ?[0-9][abd-hjlnp-uw-z]{2})" NOT_BEFORE_WORD,
  /* 14/06/2024, 14.6.24, 2024-06-14, 06/14/2024 */
  "(?<!\\p{N})(?<a>\\d{1,4})(?<sep>[./ -])(?<b>\\d{1,2})\\k<sep>(?<c>\\d{1,4})(?!\\p{N})",
  /* 20240614, 14062024 */
  "(?<!\\p{N})(?<c>\\d{8})(?!\\p{N})",
  /* 14 June 2024, 14th of Jun. 24, 14-jun-2024 */
  NOT_AFTER_WORD "(?<d>\\d{1,2})(?:st|nd|rd|th)?[ ./-]*(?:of +)?(?<m>" MONTHS ")\\.?[ ./,-]*"
  "(?<y>\\d{4}|\\d{2})" NOT_BEFORE_WORD,
  /* June 14, 2024 */
  NOT_AFTER_WORD "(?<m>" MONTHS ")\\.? *(?<d>\\d{1,2})(?:st|nd|rd|th)?[ ,]*(?<y>\\d{4}|\\d{2})"
  NOT_BEFORE_WORD,
  "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}",
};

static GRegex *
fixed_pattern (Pattern which)
{
  static GRegex *compiled[N_PATTERNS];

  if (g_once_init_enter (&compiled[which]))
    {
      g_autoptr (GError) error = NULL;
      GRegex *regex = g_regex_new (sources[which], G_REGEX_OPTIMIZE, 0, &error);

      g_assert_no_error (error);
      g_once_init_leave (&compiled[which], regex);
    }
  return compiled[which];
}

/* What a text must hold for a pattern to be worth running, found in one
 * quick pass: most texts need few patterns, or none. */
typedef struct
{
  guint    longest_number; /* digits in one run, spaces, hyphens, brackets and + between */
  gboolean letter_digit;   /* a letter then a digit, as in a postcode's "ne1" */
  gboolean digit_gap_digit; /* a digit, one of . / - or a space, a digit */
  gboolean month;          /* a digit, and a month's first three letters */
  gboolean at;
} Clues;

static void
read_clues (const char *folded,
            Clues      *clues)
{
  static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };
  guint run = 0, gap = 0;
  gboolean digit = FALSE;

  memset (clues, 0, sizeof *clues);
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digit = TRUE;
          run = gap > 2 ? 1 : run + 1;
          gap = 0;
          clues->longest_number = MAX (clues->longest_number, run);
          clues->letter_digit |= p > folded && g_ascii_isalpha (p[-1]);
          clues->digit_gap_digit |= p > folded + 1 && g_ascii_isdigit (p[-2])
                                    && strchr ("./- ", p[-1]) != NULL;
          continue;
        }
      gap = strchr (" -()+", *p) != NULL ? gap + 1 : 3;
      clues->at |= *p == '@';
    }
  for (guint i = 0; digit && i < G_N_ELEMENTS (months) && !clues->month; i++)
    clues->month = strstr (folded, months[i]) != NULL;
  clues->letter_digit |= strstr (folded, "gir") != NULL;
}

static gboolean
worth_running (Pattern      which,
               const Clues *clues)
{
  switch (which)
    {
    case PATTERN_PHONE:
    case PATTERN_NHS_NUMBER:
      return clues->longest_number >= 10;
    case PATTERN_DATE_COMPACT:
      return clues->longest_number >= 8;
    case PATTERN_POSTCODE:
      return clues->letter_digit;
    case PATTERN_DATE_NUMBERS:
      return clues->digit_gap_digit;
    case PATTERN_DATE_WORDS:
    case PATTERN_DATE_MONTH_FIRST:
      return clues->month;
    case PATTERN_EMAIL:
      return clues->at;
    case N_PATTERNS:
    default:
      return FALSE;
    }
}

void
cw_redact_raw_add (GArray               *raws,
                   CwRedactKind          kind,
                   GMatchInfo           *info,
                   const CwRedactName   *name,
                   const CwRedactPerson *person)
{
  CwRedactRaw raw = { kind, 0, 0, 0, name, person };
  int start, end;

  g_match_info_fetch_pos (info, 0, &start, &end);
  raw.start = (gsize) start;
  raw.end = raw.suffix = (gsize) end;
  g_array_append_val (raws, raw);
}

static int
number_of (GMatchInfo *info,
           const char *group)
{
  g_autofree char *text = g_match_info_fetch_named (info, group);

  return text && *text ? (int) g_ascii_strtoll (text, NULL, 10) : -1;
}

static gsize
length_of (GMatchInfo *info,
           const char *group)
{
  g_autofree char *text = g_match_info_fetch_named (info, group);

  return text ? strlen (text) : 0;
}

const CwRedactPerson *
cw_redact_born_on (GPtrArray *people,
                   int        day,
                   int        month,
                   int        year,
                   gboolean   two_digit_year)
{
  for (guint i = 0; i < people->len; i++)
    {
      const CwRedactPerson *person = people->pdata[i];
      int born;

      if (!g_date_valid (&person->birth))
        continue;
      born = g_date_get_year (&person->birth);
      if (g_date_get_day (&person->birth) == day && (int) g_date_get_month (&person->birth) == month
          && (two_digit_year ? born % 100 == year : born == year))
        return person;
    }
  return NULL;
}

/* Numbers are read day first, as in the UK; month first only when they
 * make no sense day first (06/14/2024). */
static const CwRedactPerson *
numeric_birthday (GPtrArray  *people,
                  GMatchInfo *info)
{
  gsize first = length_of (info, "a"), last = length_of (info, "c");
  int a = number_of (info, "a"), b = number_of (info, "b"), c = number_of (info, "c");

  if (first == 4)
    return last <= 2 ? cw_redact_born_on (people, c, b, a, FALSE) : NULL;
  if (first > 2 || (last != 2 && last != 4))
    return NULL;
  if (b >= 1 && b <= 12)
    return cw_redact_born_on (people, a, b, c, last == 2);
  return cw_redact_born_on (people, b, a, c, last == 2);
}

static const CwRedactPerson *
compact_birthday (GPtrArray  *people,
                  GMatchInfo *info)
{
  g_autofree char *digits = g_match_info_fetch_named (info, "c");
  int n = (int) g_ascii_strtoll (digits, NULL, 10);
  const CwRedactPerson *person;

  /* 20240614, else 14062024 */
  person = cw_redact_born_on (people, n % 100, n / 100 % 100, n / 10000, FALSE);
  if (person == NULL)
    person = cw_redact_born_on (people, n / 1000000, n / 10000 % 100, n % 10000, FALSE);
  return person;
}

static const CwRedactPerson *
worded_birthday (GPtrArray  *people,
                 GMatchInfo *info)
{
  g_autofree char *month = g_match_info_fetch_named (info, "m");

  return cw_redact_born_on (people, number_of (info, "d"), cw_date_parse_month_name (month),
                            number_of (info, "y"), length_of (info, "y") == 2);
}

/* An NHS number's last digit checks the nine before it (modulus 11). */
static gboolean
is_nhs_number (const char *text,
               gsize       length)
{
  int digits[10], n = 0, sum = 0, check;

  for (gsize i = 0; i < length; i++)
    if (g_ascii_isdigit (text[i]))
      {
        if (n == 10)
          return FALSE;
        digits[n++] = text[i] - '0';
      }
  if (n != 10)
    return FALSE;
  for (int i = 0; i < 9; i++)
    sum += digits[i] * (10 - i);
  check = 11 - sum % 11;
  if (check == 11)
    check = 0;
  return check != 10 && check == digits[9];
}

/* Whether a match identifies someone, and then as what. */
static gboolean
identifies (Pattern              which,
            GPtrArray           *people,
            GMatchInfo          *info,
            const char          *folded,
            CwRedactKind        *kind,
            const CwRedactPerson **person)
{
  int start, end;

  *kind = CW_REDACT_DATE_OF_BIRTH;
  *person = NULL;
  switch (which)
    {
    case PATTERN_PHONE:
      *kind = CW_REDACT_PHONE;
      return TRUE;
    case PATTERN_POSTCODE:
      *kind = CW_REDACT_POSTCODE;
      return TRUE;
    case PATTERN_EMAIL:
      *kind = CW_REDACT_EMAIL;
      return TRUE;
    case PATTERN_NHS_NUMBER:
      *kind = CW_REDACT_NHS_NUMBER;
      g_match_info_fetch_pos (info, 0, &start, &end);
      return is_nhs_number (folded + start, (gsize) (end - start));
    case PATTERN_DATE_NUMBERS:
      return (*person = numeric_birthday (people, info)) != NULL;
    case PATTERN_DATE_COMPACT:
      return (*person = compact_birthday (people, info)) != NULL;
    case PATTERN_DATE_WORDS:
    case PATTERN_DATE_MONTH_FIRST:
      return (*person = worded_birthday (people, info)) != NULL;
    case N_PATTERNS:
    default:
      return FALSE;
    }
}

/**
 * cw_redact_find_patterns:
 * @people: (element-type CwRedactPerson): whose dates of birth to find
 * @folded: text folded by cw_fold_text()
 * @raws: (element-type CwRedactRaw): where the hits are added, unordered
 */
void
cw_redact_find_patterns (GPtrArray  *people,
                         const char *folded,
                         GArray     *raws)
{
  Clues clues;

  read_clues (folded, &clues);
  for (Pattern which = 0; which < N_PATTERNS; which++)
    {
      g_autoptr (GMatchInfo) info = NULL;

      if (!worth_running (which, &clues))
        continue;
      for (g_regex_match (fixed_pattern (which), folded, 0, &info); g_match_info_matches (info);
           g_match_info_next (info, NULL))
        {
          const CwRedactPerson *person;
          CwRedactKind kind;

          if (identifies (which, people, info, folded, &kind, &person))
            cw_redact_raw_add (raws, kind, info, NULL, person);
        }
    }
}
