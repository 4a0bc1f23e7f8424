/*
 * Internal: the presets by name, read from the shipped scheme documents
 * (data/schemes/<id>.json, embedded at build time). Used by
 * eg_ruleset_preset(), eg_ruleset_for_date() and eg_ladder_preset(), which
 * keep their public contracts.
 */
#ifndef EG_SCHEME_INTERNAL_H
#define EG_SCHEME_INTERNAL_H

#include <ecogrid/assess.h>
#include <ecogrid/ladder.h>

/* EG_ENOTFOUND, with the shipped names in the message, when no document defines the name. */
int eg__scheme_preset_ruleset(eg_ruleset **out, const char *name);
/* The rule set in force on a date among those whose name starts with family (NULL: any). */
int eg__scheme_preset_for_date(eg_ruleset **out, const char *family, const char *date);
int eg__scheme_preset_ladder(eg_ladder **out, const char *name);

#endif
