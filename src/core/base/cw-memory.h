/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#if defined(__linux__)
#include <sys/mman.h>
#endif

G_BEGIN_DECLS

/* Large buffers that are filled at once (a return's text, the cells cut
 * from it) are best backed by huge pages where the system gives them on
 * request: on Linux with transparent huge pages set to "madvise", the
 * default of Debian, the 22 MB of a 100,000-row return otherwise fault in
 * 4 KB at a time, over 5,000 faults that cost a large import a tenth of a
 * second. Only advice: nothing changes where it is not followed, and
 * elsewhere it does nothing. */
#define CW_MEMORY_LARGE (4 * 1024 * 1024)

static inline void
cw_memory_advise_large (gpointer data,
                        gsize    size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const guintptr huge = 2 * 1024 * 1024;
  guintptr start = ((guintptr) data + huge - 1) & ~(huge - 1);
  guintptr end = ((guintptr) data + size) & ~(huge - 1);

  if (size >= CW_MEMORY_LARGE && end > start)
    (void) madvise ((void *) start, end - start, MADV_HUGEPAGE);
#else
  (void) data;
  (void) size;
#endif
}

G_END_DECLS
