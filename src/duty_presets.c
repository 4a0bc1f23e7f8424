/*
 * The duty presets: every recurring or per-event duty of section 9 of the
 * rule catalogue, with the older cadences (CJ-G.8, DG-9, DG-15, DG-17) and
 * deadlines (CJ-G.9, JM-2.1.2, MEE-3.1, YL-5.4, DG-61), as duty
 * definitions. They live in the jurisdictions' scheme documents (the
 * "duties" array of data/schemes/<id>.json); data/embed_schemes.py writes
 * them as the static table eg__duty_preset_table[] at build time, and
 * tests/duty_equiv.c pins them against the C table they replaced. Each
 * entry cites its rule ID; the readings (start dates by R0.7, 原则上 by
 * R0.8, "及时" by R0.9, periods by R0.10, 定期 by R0.11) are the
 * catalogue's defaults, and docs/rules.md lists the kinds and
 * groups a log must use.
 *
 * Actors are fixed names or groups whose members the caller's log lists:
 *   changji-2023  level2 (县市/园区), level3 (乡镇/街道 grids), level4_supervisor,
 *                 grid (every grid of levels 1-4)
 *   dongguan-2019 town (镇街/园区), specialist (专管员), key_object, enterprise
 *                 (涉污企业台账), compulsory_display (incinerators, professional bases)
 *   jiangmen-2021 district (市/区), top20 (JM-2.1 top 20 wastewater dischargers)
 *   mee-2020      province (provincial grading authorities)
 *   yulin-2019    body (each Party committee and government of the city and
 *                 its 12 counties and districts), eligible_facility, soil_unit
 */
#include "duty_internal.h"

/* The table generated from the scheme documents (scheme_data.c), in document order. */
const eg__duty_preset *eg__duty_presets(size_t *n)
{
	*n = eg__duty_preset_count;
	return eg__duty_preset_table;
}
