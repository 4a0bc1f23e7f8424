/*
 * Internal layout of duty sets, shared by duty_calendar.c (the calendar)
 * and duty_presets.c (the section-9 presets).
 */
#ifndef EG_DUTY_INTERNAL_H
#define EG_DUTY_INTERNAL_H

#include <ecogrid/duty.h>

/* One duty: the caller's definition with every string copied into buf. */
typedef struct eg__duty {
	eg_duty_def d;
	char *buf;
} eg__duty;

struct eg_duty_set {
	eg__duty *v;
	size_t n, cap;
};

/* A preset of eg_duty_set_preset(): a jurisdiction or one duty. */
typedef struct eg__duty_preset {
	const char *jurisdiction; /* "changji-2023", … */
	eg_duty_def def;
} eg__duty_preset;

/* The preset table (duty_presets.c), in catalogue order. */
const eg__duty_preset *eg__duty_presets(size_t *n);

#endif
