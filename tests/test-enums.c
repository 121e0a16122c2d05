/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cw-actions-enums.h"
#include "cw-actions.h"
#include "cw-analysis-enums.h"
#include "cw-audit.h"
#include "cw-base-enums.h"
#include "cw-chronology-columns.h"
#include "cw-chronology-enums.h"
#include "cw-deadline.h"
#include "cw-enum.h"
#include "cw-import-enums.h"
#include "cw-privacy-enums.h"
#include "cw-register-enums.h"
#include "cw-report-enums.h"
#include "cw-store-enums.h"
#include "cw-timeline-enums.h"
#include "cw-timeline-layout.h"

/* The GObject types meson generates for the core's enums (cw-*-enums.h),
 * and their nicks: the strings the database stores and scripts read, which
 * must never change. */

static void
test_types_registered (void)
{
  static const struct { GType (*get_type) (void); guint n_values; } enums[] = {
    { cw_date_precision_get_type, 3 },
    { cw_date_order_get_type, 3 },
    { cw_field_type_get_type, 8 },
    { cw_nation_get_type, 3 },
    { cw_deadline_unit_get_type, 3 },
    { cw_deadline_state_get_type, 4 },
    { cw_chrono_field_get_type, CW_CHRONO_N_FIELDS }, /* the count itself is no value */
    { cw_chrono_significance_get_type, 3 },
    { cw_import_problem_severity_get_type, 2 },
    { cw_chronology_item_kind_get_type, 2 },
    { cw_tick_unit_get_type, CW_TICK_N_UNITS },
    { cw_timeline_item_kind_get_type, 2 },
    { cw_text_kind_get_type, 2 },
    { cw_redact_kind_get_type, 7 },
    { cw_trace_kind_get_type, 5 },
    { cw_report_orientation_get_type, 2 },
    { cw_report_status_get_type, 2 },
    { cw_report_row_style_get_type, 2 },
    { cw_audit_action_get_type, 6 },
    { cw_rag_get_type, 5 },
  };
  static const struct { GType (*get_type) (void); guint n_values; } flags[] = {
    { cw_field_flags_get_type, 5 },
    { cw_import_flags_get_type, 4 },
    { cw_store_restore_flags_get_type, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      GType type = enums[i].get_type ();
      g_autoptr (GEnumClass) klass = NULL;

      g_assert_true (G_TYPE_IS_ENUM (type));
      klass = g_type_class_ref (type);
      g_assert_cmpuint (klass->n_values, ==, enums[i].n_values);
    }
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      GType type = flags[i].get_type ();
      g_autoptr (GFlagsClass) klass = NULL;

      g_assert_true (G_TYPE_IS_FLAGS (type));
      klass = g_type_class_ref (type);
      g_assert_cmpuint (klass->n_values, ==, flags[i].n_values);
    }
}

static void
test_stored_nicks (void)
{
  static const struct { GType (*get_type) (void); int value; const char *nick; } cases[] = {
    { cw_date_order_get_type, CW_DATE_ORDER_DMY, "dmy" },
    { cw_date_order_get_type, CW_DATE_ORDER_MDY, "mdy" },
    { cw_date_order_get_type, CW_DATE_ORDER_YMD, "ymd" },
    { cw_nation_get_type, CW_NATION_ENGLAND_WALES, "england-wales" },
    { cw_nation_get_type, CW_NATION_NORTHERN_IRELAND, "northern-ireland" },
    { cw_deadline_unit_get_type, CW_DEADLINE_UNIT_CALENDAR_DAYS, "days" },
    { cw_deadline_unit_get_type, CW_DEADLINE_UNIT_WORKING_DAYS, "working-days" },
    { cw_deadline_state_get_type, CW_DEADLINE_PENDING, "pending" },
    { cw_deadline_state_get_type, CW_DEADLINE_OVERDUE, "overdue" },
    { cw_deadline_state_get_type, CW_DEADLINE_MET, "met" },
    { cw_deadline_state_get_type, CW_DEADLINE_MET_LATE, "met-late" },
    { cw_chrono_significance_get_type, CW_CHRONO_SIGNIFICANCE_ROUTINE, "routine" },
    { cw_chrono_significance_get_type, CW_CHRONO_SIGNIFICANCE_SIGNIFICANT, "significant" },
    { cw_chrono_significance_get_type, CW_CHRONO_SIGNIFICANCE_KEY, "key" },
    { cw_chrono_field_get_type, CW_CHRONO_FIELD_NONE, "none" },
    { cw_chrono_field_get_type, CW_CHRONO_FIELD_END_DATE, "end_date" },
    { cw_chrono_field_get_type, CW_CHRONO_FIELD_IMPACT, "impact" },
    { cw_audit_action_get_type, CW_AUDIT_INSERT, "insert" },
    { cw_audit_action_get_type, CW_AUDIT_RESTORE, "restore" },
    { cw_audit_action_get_type, CW_AUDIT_IMPORT, "import" },
    { cw_rag_get_type, CW_RAG_AMBER, "amber" },
    { cw_rag_get_type, CW_RAG_CLOSED, "closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GType type = cases[i].get_type ();
      int value = -1;

      g_assert_cmpstr (cw_enum_get_nick (type, cases[i].value), ==, cases[i].nick);
      g_assert_true (cw_enum_from_nick (type, cases[i].nick, &value));
      g_assert_cmpint (value, ==, cases[i].value);
    }
  /* The functions that store them say the same. */
  g_assert_cmpstr (cw_chrono_significance_id (CW_CHRONO_SIGNIFICANCE_KEY), ==, "key");
  g_assert_cmpstr (cw_chrono_field_id (CW_CHRONO_FIELD_END_DATE), ==, "end_date");
  g_assert_cmpstr (cw_deadline_unit_to_string (CW_DEADLINE_UNIT_CALENDAR_DAYS), ==, "days");
}

static void
test_unknown_nicks (void)
{
  int value = 7;

  g_assert_false (cw_enum_from_nick (CW_TYPE_DATE_ORDER, "DMY", &value));
  g_assert_false (cw_enum_from_nick (CW_TYPE_DATE_ORDER, "", &value));
  g_assert_false (cw_enum_from_nick (CW_TYPE_DATE_ORDER, NULL, &value));
  g_assert_false (cw_enum_from_nick (CW_TYPE_CHRONO_FIELD, "end-date", &value));
  g_assert_cmpint (value, ==, 7);
  g_assert_null (cw_enum_get_nick (CW_TYPE_DATE_ORDER, 3));
  g_assert_null (cw_enum_get_nick (CW_TYPE_CHRONO_FIELD, CW_CHRONO_N_FIELDS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/enums/types-registered", test_types_registered);
  g_test_add_func ("/enums/stored-nicks", test_stored_nicks);
  g_test_add_func ("/enums/unknown-nicks", test_unknown_nicks);
  return g_test_run ();
}
