/*
 * The one check every text field of every input goes through: CSV fields
 * (csvin.c), every string and key of a JSON input (month files, published
 * draw records), the names and IDs of an imported grid, and the command-line
 * values that are stored (draw ID and seed).
 *
 * Refused, with the field named: bytes that are not UTF-8; NUL and the other
 * C0 control characters (U+0000-U+001F: a NUL silently cuts a C string, so
 * two different files would read the same; CR and LF forge rows of a CSV
 * export and lines of a log; TAB breaks the tab-separated text reports);
 * DEL (U+007F); and the bidirectional overrides and isolates U+202A-U+202E
 * and U+2066-U+2069, which make a name display differently from the bytes
 * that are stored and compared ("Trojan Source", CVE-2021-42574).
 */
#include "tool.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), 0 if none. */
static size_t utf8_seq(const unsigned char *p, size_t avail, unsigned *cp_out)
{
	unsigned c = p[0], cp, min;
	size_t n;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	*cp_out = cp;
	return n;
}

static const char *control_name(unsigned c)
{
	static const char *const names[32] = { "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
					       "BS",  "TAB", "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
					       "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
					       "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US" };
	return c < 32 ? names[c] : "DEL";
}

static const char *bidi_name(unsigned cp)
{
	switch (cp) {
	case 0x202A: return "LEFT-TO-RIGHT EMBEDDING";
	case 0x202B: return "RIGHT-TO-LEFT EMBEDDING";
	case 0x202C: return "POP DIRECTIONAL FORMATTING";
	case 0x202D: return "LEFT-TO-RIGHT OVERRIDE";
	case 0x202E: return "RIGHT-TO-LEFT OVERRIDE";
	case 0x2066: return "LEFT-TO-RIGHT ISOLATE";
	case 0x2067: return "RIGHT-TO-LEFT ISOLATE";
	case 0x2068: return "FIRST STRONG ISOLATE";
	case 0x2069: return "POP DIRECTIONAL ISOLATE";
	default: return NULL;
	}
}

int in_text_check(const char *s, size_t len, const char *where, const char *field)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t chars = 0;
	for (size_t i = 0; i < len; chars++) {
		unsigned cp = p[i];
		size_t n = 1;
		if (cp >= 0x80 && !(n = utf8_seq(p + i, len - i, &cp)))
			return tool_fail("%s: %s: not valid UTF-8 (byte %zu)", where, field, i + 1);
		if (cp < 0x20 || cp == 0x7F)
			return tool_fail("%s: %s: control character U+%04X (%s) at character %zu; control characters are "
					 "refused in every text field", where, field, cp, control_name(cp), chars + 1);
		if (bidi_name(cp))
			return tool_fail("%s: %s: U+%04X (%s) at character %zu; bidirectional overrides and isolates are "
					 "refused in every text field", where, field, cp, bidi_name(cp), chars + 1);
		i += n;
	}
	return TOOL_OK;
}

/* Walk a JSON value; `path` holds its JSON path (e.g. units.A.assessment.media[0][1]). */
static int json_walk(json_t *v, const char *file, char *path, size_t cap)
{
	size_t len = strlen(path), i;
	const char *key;
	json_t *x;
	int rc = TOOL_OK;
	if (json_is_string(v))
		return in_text_check(json_string_value(v), json_string_length(v), file, path[0] ? path : "(top level)");
	if (json_is_object(v)) {
		json_object_foreach(v, key, x) {
			snprintf(path + len, cap - len, "%s%s", len ? "." : "", key);
			if (in_text_check(key, strlen(key), file, path[0] ? path : "(top level)") ||
			    json_walk(x, file, path, cap)) {
				rc = TOOL_FAIL;
				break;
			}
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x) {
			snprintf(path + len, cap - len, "[%zu]", i);
			if (json_walk(x, file, path, cap)) {
				rc = TOOL_FAIL;
				break;
			}
		}
	}
	path[len] = '\0';
	return rc;
}

int in_json_check(json_t *doc, const char *file)
{
	char path[1024] = "";
	return json_walk(doc, file, path, sizeof path);
}

int in_grid_check(const eg_grid *g, const char *file)
{
	char where[600];
	for (size_t i = 0; i < eg_grid_size(g); i++) {
		const eg_node *n = eg_grid_node_at(g, i);
		const char *id = eg_node_id(n), *name = eg_node_name(n);
		snprintf(where, sizeof where, "%s: node %s", file, id);
		if (in_text_check(id, strlen(id), where, "code") || in_text_check(name, strlen(name), where, "name"))
			return TOOL_FAIL;
	}
	return TOOL_OK;
}
