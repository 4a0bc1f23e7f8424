/**
 * @file grid.h
 * @brief The four-level supervision grid: nodes, people, coverage checks.
 *
 * Implements CJ-G.1 (levels), CJ-G.2 (key grids), CJ-G.3 (dual heads),
 * CJ-G.4 and CJ-G.5 (sub-grid heads, rank and coverage), CJ-G.6 and CJ-G.7
 * (supervisor staffing) and the construction item CJ-A2-5.2 that is derived
 * from them (see ../shared/docs/rules.md).
 *
 * A grid is a forest of nodes. Each node has an ID (UTF-8, 1–64 bytes:
 * usually a 12-digit division code, but parks and key grids have IDs of
 * their own), a name (UTF-8, 1–256 bytes), a level (::eg_level) and a kind
 * (::eg_kind). A child's level is always deeper (numerically greater) than
 * its parent's, but gaps are allowed: real data has townships directly
 * under a prefecture.
 *
 * Node pointers (`const eg_node *`) are borrowed from the grid. They stay
 * valid, and keep their address, until the grid is freed: adding nodes
 * never moves existing ones. Every node also has a dense index
 * (0 … eg_grid_size() − 1, in insertion order, parents before children)
 * for use with per-node arrays such as eg_grid_rollup().
 *
 * Thread safety: a grid may be read from several threads at once when no
 * thread modifies it; modifications need exclusive access.
 */
#ifndef ECOGRID_GRID_H
#define ECOGRID_GRID_H

#include <ecogrid/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Longest node or person ID, in bytes. */
#define EG_GRID_ID_MAX 64
/** @brief Longest node or person name, in bytes. */
#define EG_GRID_NAME_MAX 256

/** @brief A supervision grid (opaque). */
typedef struct eg_grid eg_grid;
/** @brief A node of a grid (opaque, borrowed from its grid). */
typedef struct eg_node eg_node;
/** @brief A pre-order walk over a subtree (opaque). */
typedef struct eg_grid_walk eg_grid_walk;
/** @brief The findings of a staffing and coverage check (opaque). */
typedef struct eg_findings eg_findings;
/** @brief One finding, borrowed from its ::eg_findings (opaque). */
typedef struct eg_finding eg_finding;

/**
 * @brief Grid levels (CJ-G.1). Level 0 exists only so that national data,
 * whose top rows are provinces, can be loaded.
 */
typedef enum eg_level {
	EG_LEVEL_PROVINCE = 0,   /**< Province (above the four-level grid). */
	EG_LEVEL_PREFECTURE = 1, /**< Level 1: prefecture (州本级). */
	EG_LEVEL_COUNTY = 2,     /**< Level 2: county, city or park (县市/园区). */
	EG_LEVEL_TOWNSHIP = 3,   /**< Level 3: township or street (乡镇/街道). */
	EG_LEVEL_VILLAGE = 4     /**< Level 4: village or community (村/社区). */
} eg_level;

/** @brief What a node stands for. */
typedef enum eg_kind {
	EG_KIND_ADMIN = 0,    /**< An administrative division with a statistical code. */
	EG_KIND_PARK = 1,     /**< A park (园区): a level-2 unit that is not a division (CJ-G.1). */
	EG_KIND_KEY_GRID = 2, /**< A key grid (重点网格, CJ-G.2); see eg_grid_add_key_grid(). */
	EG_KIND_OTHER = 3     /**< Anything else (farms, regiments, placeholders). */
} eg_kind;

/** @brief Ranks of sub-grid heads, ordered: a higher value satisfies a lower requirement. */
typedef enum eg_rank {
	EG_RANK_OTHER = 0,           /**< Below deputy-section rank. */
	EG_RANK_DEPUTY_SECTION = 1,  /**< Deputy-section or above (副科级及以上), CJ-G.5. */
	EG_RANK_DEPUTY_DIVISION = 2  /**< Deputy-division or above (副处级及以上), CJ-G.4. */
} eg_rank;

/** @brief Employment of a grid supervisor (CJ-G.6, CJ-G.7). */
typedef enum eg_staff {
	EG_STAFF_PART_TIME = 0, /**< Part-time (兼职). */
	EG_STAFF_FULL_TIME = 1  /**< Full-time (专职). */
} eg_staff;

/* ------------------------------------------------------------------ */
/* Building a grid                                                     */
/* ------------------------------------------------------------------ */

/**
 * @brief Create an empty grid.
 * @param[out] out Receives the new grid; the caller owns it and frees it
 *             with eg_grid_free(). Untouched on failure.
 * @return ::EG_OK, ::EG_EINVAL (out is NULL) or ::EG_ENOMEM.
 */
EG_API int eg_grid_new(eg_grid **out);

/**
 * @brief Free a grid, its nodes, people and key grids.
 * @param grid The grid; NULL is accepted and ignored. Every node pointer
 *        borrowed from it becomes invalid.
 */
EG_API void eg_grid_free(eg_grid *grid);

/** @brief Version of ::eg_grid_add_options understood by this library. */
#define EG_GRID_ADD_OPTIONS_VERSION 1

/**
 * @brief The classification of a node added by eg_grid_add().
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_GRID_ADD_OPTIONS_INIT
 * or eg_grid_add_options_init() so that fields added later get their defaults.
 */
typedef struct eg_grid_add_options {
	unsigned int version; /**< ::EG_GRID_ADD_OPTIONS_VERSION. */
	int level;            /**< One of ::eg_level; must be deeper than the parent's. -1 (the default) is refused: a level is never guessed. */
	int kind;             /**< One of ::eg_kind (default ::EG_KIND_ADMIN). */
} eg_grid_add_options;

/** @brief Static initialiser for ::eg_grid_add_options (the defaults). */
#define EG_GRID_ADD_OPTIONS_INIT { EG_GRID_ADD_OPTIONS_VERSION, -1, EG_KIND_ADMIN }

/**
 * @brief Initialise options to ::EG_GRID_ADD_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_GRID_ADD_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_grid_add_options_init(eg_grid_add_options *opts, unsigned int version);

/**
 * @brief Add a node (CJ-G.1).
 *
 * The node is validated completely before anything changes; on failure
 * the grid is exactly as before.
 *
 * @param[out] out Receives the new node (borrowed); may be NULL.
 * @param grid The grid.
 * @param id Unique node ID: UTF-8, 1–::EG_GRID_ID_MAX bytes, no control characters.
 * @param parent_id ID of an existing node, or NULL to add a root.
 * @param name Name: UTF-8, 1–::EG_GRID_NAME_MAX bytes, no control characters.
 * @param opts The level (required) and kind (::eg_grid_add_options; borrowed for the call).
 * @return ::EG_OK; ::EG_EINVAL (NULL grid or opts, an unknown opts version,
 *         empty text, control character, unknown kind), ::EG_ERANGE (level,
 *         -1 included, or text length out of range),
 *         ::EG_EUTF8, ::EG_EEXISTS (duplicate ID), ::EG_ENOTFOUND (unknown
 *         parent), ::EG_ELEVEL (level not deeper than the parent's),
 *         ::EG_ENOMEM. The detail names the offending ID.
 */
EG_API int eg_grid_add(const eg_node **out, eg_grid *grid, const char *id,
		       const char *parent_id, const char *name, const eg_grid_add_options *opts);

/* ------------------------------------------------------------------ */
/* Reading a grid                                                      */
/* ------------------------------------------------------------------ */

/** @brief Number of nodes in the grid (0 for NULL). */
EG_API size_t eg_grid_size(const eg_grid *grid);

/**
 * @brief Number of nodes at one level.
 * @param grid The grid (NULL gives 0).
 * @param level A level 0–4; other values give 0.
 */
EG_API size_t eg_grid_count(const eg_grid *grid, int level);

/**
 * @brief Depth of the deepest node: 0 for a grid of roots only, 1 when some
 * node has a parent, and so on. 0 for an empty or NULL grid.
 */
EG_API size_t eg_grid_depth(const eg_grid *grid);

/**
 * @brief Find a node by ID in O(1) average time.
 * @param[out] out Receives the node (borrowed); untouched on failure.
 * @param grid The grid.
 * @param id The ID (NUL-terminated UTF-8).
 * @return ::EG_OK, ::EG_EINVAL (a NULL argument) or ::EG_ENOTFOUND.
 */
EG_API int eg_grid_lookup(const eg_node **out, const eg_grid *grid, const char *id);

/**
 * @brief The node with a given dense index.
 * @return The node (borrowed), or NULL when grid is NULL or index ≥ eg_grid_size().
 */
EG_API const eg_node *eg_grid_node_at(const eg_grid *grid, size_t index);

/** @brief The node's ID (borrowed, valid while the grid lives); NULL for NULL. */
EG_API const char *eg_node_id(const eg_node *node);
/** @brief The node's name (borrowed, valid while the grid lives); NULL for NULL. */
EG_API const char *eg_node_name(const eg_node *node);
/** @brief The node's level (::eg_level); -1 for NULL. */
EG_API int eg_node_level(const eg_node *node);
/** @brief The node's kind (::eg_kind); -1 for NULL. */
EG_API int eg_node_kind(const eg_node *node);
/** @brief The node's dense index; SIZE_MAX for NULL. */
EG_API size_t eg_node_index(const eg_node *node);
/** @brief The node's parent, or NULL for a root (or NULL node). */
EG_API const eg_node *eg_node_parent(const eg_node *node);
/** @brief Number of edges from the node up to its root (0 for a root or NULL). */
EG_API size_t eg_node_depth(const eg_node *node);
/** @brief Number of direct children (0 for NULL). */
EG_API size_t eg_node_child_count(const eg_node *node);
/** @brief The first child in insertion order, or NULL. */
EG_API const eg_node *eg_node_first_child(const eg_node *node);
/** @brief The next sibling in insertion order, or NULL. */
EG_API const eg_node *eg_node_next_sibling(const eg_node *node);

/**
 * @brief Start a pre-order walk of the subtree under a node (the node first).
 *
 * The walk allocates once here and never per step. It must not outlive
 * the grid; nodes added to the subtree during the walk may or may not be
 * visited.
 *
 * @param[out] out Receives the walk; free it with eg_grid_walk_free().
 * @param grid The grid.
 * @param start The subtree's root, or NULL to walk every root's subtree in turn.
 * @return ::EG_OK, ::EG_EINVAL or ::EG_ENOMEM.
 */
EG_API int eg_grid_walk_new(eg_grid_walk **out, const eg_grid *grid, const eg_node *start);

/**
 * @brief The next node of a walk.
 * @param[out] out Receives the node (borrowed).
 * @param walk The walk.
 * @return ::EG_OK, ::EG_ITEROVER after the last node, or ::EG_EINVAL.
 */
EG_API int eg_grid_walk_next(const eg_node **out, eg_grid_walk *walk);

/** @brief Free a walk; NULL is accepted. */
EG_API void eg_grid_walk_free(eg_grid_walk *walk);

/**
 * @brief Sum per-node counts up to every ancestor (roll-up).
 *
 * `out[i]` becomes `counts[i]` plus the counts of every descendant of node
 * i (indices as eg_node_index()). Used to total problem counts per county
 * (CJ-A2-5.4, CJ-A2-7.3).
 *
 * @param[out] out Array of n sums; written only on success.
 * @param grid The grid.
 * @param counts Array of n counts, each ≥ 0.
 * @param n Must equal eg_grid_size().
 * @return ::EG_OK, ::EG_EINVAL (NULL, wrong n, a negative count) or
 *         ::EG_ERANGE (a sum overflows int64_t), ::EG_ENOMEM.
 */
EG_API int eg_grid_rollup(int64_t *out, const eg_grid *grid, const int64_t *counts, size_t n);

/* ------------------------------------------------------------------ */
/* People and key grids                                                */
/* ------------------------------------------------------------------ */

/**
 * @brief Set the dual grid heads of a node (CJ-G.3).
 * @param grid The grid.
 * @param node_id The node.
 * @param head1 First head's name (party principal), or NULL for none.
 * @param head2 Second head's name (government principal), or NULL for none.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_EUTF8, ::EG_ERANGE,
 *         ::EG_EEXISTS (both names equal: dual heads are two people), ::EG_ENOMEM.
 */
EG_API int eg_grid_set_heads(eg_grid *grid, const char *node_id,
			     const char *head1, const char *head2);

/**
 * @brief The dual heads of a node.
 * @param[out] head1 Receives the first head (borrowed, valid until the heads are set again) or NULL.
 * @param[out] head2 Receives the second head, or NULL.
 * @param grid The grid.
 * @param node The node.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_grid_heads(const char **head1, const char **head2,
			 const eg_grid *grid, const eg_node *node);

/**
 * @brief Add a sub-grid head (CJ-G.4 at level 2, CJ-G.5 at level 3).
 *
 * The sub-head belongs to a level-2 or level-3 node and is responsible
 * for the listed nodes, which must be descendants of it at the next grid
 * level (townships for level 2, villages for level 3). Rank and coverage
 * are judged by eg_grid_check(), not here.
 *
 * @param grid The grid.
 * @param node_id The level-2 or level-3 node the sub-head belongs to.
 * @param person The sub-head's name (UTF-8, 1–::EG_GRID_NAME_MAX bytes).
 * @param rank One of ::eg_rank.
 * @param covered IDs of the covered nodes (n ≥ 1, no duplicates).
 * @param n Number of IDs.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ELEVEL (node not at
 *         level 2 or 3, or a covered node not at the next level or not a
 *         descendant), ::EG_EEXISTS (a duplicate covered ID, or the person
 *         already a sub-head of this node), ::EG_EUTF8, ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_grid_add_subhead(eg_grid *grid, const char *node_id, const char *person,
			       int rank, const char *const *covered, size_t n);

/**
 * @brief Add a grid supervisor to a node (CJ-G.6, CJ-G.7).
 * @param grid The grid.
 * @param node_id The node (normally a township or village).
 * @param person The supervisor's name; unique among the node's supervisors.
 * @param staff ::EG_STAFF_FULL_TIME or ::EG_STAFF_PART_TIME.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_EEXISTS, ::EG_EUTF8,
 *         ::EG_ERANGE, ::EG_ENOMEM.
 */
EG_API int eg_grid_add_supervisor(eg_grid *grid, const char *node_id,
				  const char *person, int staff);

/**
 * @brief Count the supervisors of a node.
 * @param[out] full_time Receives the number of full-time supervisors (may be NULL).
 * @param[out] part_time Receives the number of part-time supervisors (may be NULL).
 * @param grid The grid.
 * @param node The node.
 * @return ::EG_OK or ::EG_EINVAL.
 */
EG_API int eg_grid_supervisors(size_t *full_time, size_t *part_time,
			       const eg_grid *grid, const eg_node *node);

/** @brief Version of ::eg_grid_key_grid_options understood by this library. */
#define EG_GRID_KEY_GRID_OPTIONS_VERSION 1

/**
 * @brief What a key grid covers, for eg_grid_add_key_grid() (CJ-G.2).
 *
 * A versioned options struct (the ABI rule for calls past six
 * parameters): initialise it with ::EG_GRID_KEY_GRID_OPTIONS_INIT
 * or eg_grid_key_grid_options_init() so that fields added later get their defaults.
 */
typedef struct eg_grid_key_grid_options {
	unsigned int version;         /**< ::EG_GRID_KEY_GRID_OPTIONS_VERSION. */
	const char *station_id;       /**< The monitoring station's ID (UTF-8, 1–::EG_GRID_ID_MAX bytes); required. */
	const char *const *townships; /**< IDs of the level-3 nodes of the unit it spans (borrowed for the call). */
	size_t n_townships;           /**< Number of townships (≥ 1). */
} eg_grid_key_grid_options;

/** @brief Static initialiser for ::eg_grid_key_grid_options (the defaults). */
#define EG_GRID_KEY_GRID_OPTIONS_INIT { EG_GRID_KEY_GRID_OPTIONS_VERSION, NULL, NULL, 0 }

/**
 * @brief Initialise options to ::EG_GRID_KEY_GRID_OPTIONS_INIT, for callers that cannot
 * expand the macro (FFIs).
 * @param[out] opts The options (every field written).
 * @param version ::EG_GRID_KEY_GRID_OPTIONS_VERSION, the version the caller was written for.
 * @return ::EG_OK, ::EG_EINVAL (NULL, or a version this library does not know; nothing written).
 */
EG_API int eg_grid_key_grid_options_init(eg_grid_key_grid_options *opts, unsigned int version);

/**
 * @brief Add a key grid (CJ-G.2) around an air-quality monitoring station.
 *
 * A key grid is a node of kind ::EG_KIND_KEY_GRID under a level-2 unit. It
 * is not a township: it spans townships of its unit, has no staffing rules
 * of its own and is not counted by eg_grid_count() at any level other than
 * its own (it is stored at level 3, with kind ::EG_KIND_KEY_GRID;
 * eg_grid_count() counts it, eg_grid_check() skips it).
 *
 * @param[out] out Receives the key-grid node (borrowed); may be NULL.
 * @param grid The grid.
 * @param id The key grid's own ID.
 * @param unit_id The level-2 unit it belongs to.
 * @param name Its name.
 * @param opts The station and the townships spanned (::eg_grid_key_grid_options).
 * @return as eg_grid_add() and eg_grid_add_subhead(); ::EG_EINVAL for NULL
 *         opts or an unknown opts version.
 */
EG_API int eg_grid_add_key_grid(const eg_node **out, eg_grid *grid, const char *id,
				const char *unit_id, const char *name, const eg_grid_key_grid_options *opts);

/**
 * @brief The monitoring station and span of a key grid (CJ-G.2).
 * @param[out] station_id Receives the station ID (borrowed).
 * @param[out] n_townships Receives the number of spanned townships (may be NULL).
 * @param grid The grid.
 * @param key_grid A node of kind ::EG_KIND_KEY_GRID.
 * @return ::EG_OK, ::EG_EINVAL (NULL or not a key grid).
 */
EG_API int eg_grid_key_grid_info(const char **station_id, size_t *n_townships,
				 const eg_grid *grid, const eg_node *key_grid);

/**
 * @brief The i-th township spanned by a key grid.
 * @return The township node (borrowed), or NULL when out of range or not a key grid.
 */
EG_API const eg_node *eg_grid_key_grid_township(const eg_grid *grid,
						const eg_node *key_grid, size_t i);

/* ------------------------------------------------------------------ */
/* Checks (CJ-G.3 to CJ-G.7, CJ-A2-5.2)                                */
/* ------------------------------------------------------------------ */

/**
 * @brief Check heads, sub-grid heads and supervisors against the rules.
 *
 * Every administrative, park or other node at levels 2–4 is checked
 * (key grids are skipped):
 * - CJ-G.3: nodes at levels 2–4 have two distinct heads.
 * - CJ-G.4: each level-2 sub-head is deputy-division rank or above and
 *   covers 1–2 townships; every township (level-3 node whose nearest
 *   level-2 ancestor is the unit) is covered by a level-2 sub-head.
 * - CJ-G.5: each level-3 sub-head is deputy-section rank or above and
 *   covers at least one village; every village is covered by a level-3
 *   sub-head of its township.
 * - CJ-G.6: each township has 3–5 supervisors, at least 3 full-time.
 * - CJ-G.7: each village has at least 3 supervisors, at least 1 full-time.
 *
 * Findings come in a stable order: by node (pre-order), then by rule.
 * Each finding names the rule, the node, the level-2 unit it falls under
 * and a message in Chinese and English stating the measured value and the
 * requirement. The findings keep copies of the IDs and names they need, so
 * they stay valid when the grid changes or is freed; they are stored
 * compactly (about 32 bytes each plus the names) and each message is made
 * when first asked for (eg_finding_message()).
 *
 * @param[out] out Receives the findings (possibly none); free with eg_findings_free().
 * @param grid The grid.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOMEM or ::EG_ERANGE (more than 4 GiB of
 *         names in the findings).
 */
EG_API int eg_grid_check(eg_findings **out, const eg_grid *grid);

/** @brief Free findings; NULL is accepted. */
EG_API void eg_findings_free(eg_findings *findings);
/** @brief Number of findings (0 for NULL). */
EG_API size_t eg_findings_count(const eg_findings *findings);
/** @brief The i-th finding (borrowed), or NULL when out of range. */
EG_API const eg_finding *eg_findings_at(const eg_findings *findings, size_t i);
/** @brief The rule ID, e.g. "CJ-G.6" (borrowed from the findings); NULL for NULL. */
EG_API const char *eg_finding_rule(const eg_finding *finding);
/** @brief The ID of the node the finding is about (borrowed); NULL for NULL. */
EG_API const char *eg_finding_node(const eg_finding *finding);
/**
 * @brief The ID of the level-2 unit the node falls under (the node itself
 * at level 2), or "" when it has none (borrowed); NULL for NULL.
 */
EG_API const char *eg_finding_unit(const eg_finding *finding);
/**
 * @brief The message, stating the measured value and the requirement.
 *
 * Made on the first request for this finding and language, then kept by
 * the findings (a later request returns the same pointer without
 * allocating). Like every use of one ::eg_findings, one thread at a time.
 *
 * @param finding The finding.
 * @param lang ::EG_LANG_ZH (default) or ::EG_LANG_EN; other values give Chinese.
 * @return UTF-8 text borrowed from the findings (valid until eg_findings_free());
 *         NULL for NULL, or when memory runs out making it (eg_error_last()
 *         then holds ::EG_ENOMEM).
 */
EG_API const char *eg_finding_message(const eg_finding *finding, int lang);

/**
 * @brief Whether assessment item 2 (CJ-A2-5.2) is met for a level-2 unit.
 *
 * Item 2 is met when no CJ-G.4 or CJ-G.5 finding falls under the unit:
 * sub-grid heads at the required ranks cover every township and village.
 *
 * @param[out] met Receives 1 when met, 0 when not.
 * @param findings Findings from eg_grid_check() on the same grid.
 * @param grid The grid.
 * @param unit_id ID of a level-2 node.
 * @return ::EG_OK, ::EG_EINVAL, ::EG_ENOTFOUND, ::EG_ELEVEL (not level 2).
 */
EG_API int eg_findings_cj_a2_5_2(int *met, const eg_findings *findings,
				 const eg_grid *grid, const char *unit_id);

/* ------------------------------------------------------------------ */
/* CSV loading                                                          */
/* ------------------------------------------------------------------ */

/** @brief Version of ::eg_grid_csv_options understood by this library. */
#define EG_GRID_CSV_OPTIONS_VERSION 1

/** @brief Flag: every non-empty parent must be in the file (no subtree extract). */
#define EG_GRID_CSV_STRICT_PARENTS 0x1u

/**
 * @brief Options for eg_grid_load_csv() and eg_grid_parse_csv().
 *
 * Initialise with ::EG_GRID_CSV_OPTIONS_INIT or eg_grid_csv_options_init()
 * so that fields added later get their defaults.
 */
typedef struct eg_grid_csv_options {
	unsigned int version; /**< ::EG_GRID_CSV_OPTIONS_VERSION. */
	const char *root;     /**< Keep only the subtree under this ID (NULL: everything). */
	int root_level;       /**< With root: the level the root gets, others shifted alike (-1: keep file levels). */
	unsigned int flags;   /**< ::EG_GRID_CSV_STRICT_PARENTS or 0. */
} eg_grid_csv_options;

/** @brief Static initialiser for ::eg_grid_csv_options. */
#define EG_GRID_CSV_OPTIONS_INIT { EG_GRID_CSV_OPTIONS_VERSION, NULL, -1, 0u }

/**
 * @brief Initialise CSV options to their defaults.
 * @param opts The options.
 * @param version ::EG_GRID_CSV_OPTIONS_VERSION.
 * @return ::EG_OK or ::EG_EINVAL (NULL or unknown version).
 */
EG_API int eg_grid_csv_options_init(eg_grid_csv_options *opts, unsigned int version);

/**
 * @brief Build a grid from division CSV text.
 *
 * Format: a header `code,parent_code,level,name` with an optional fifth
 * column `kind` (`admin`, `park`, `key_grid`, `other`), then one row per
 * node; UTF-8, an optional BOM, LF or CRLF line ends, RFC 4180 quoting.
 * Level 0–4. Rows may come in any order: parents are resolved after
 * reading. Without a `kind` column, a level-2 code whose county digits
 * (5th–6th) are 71–80 is a park (NBS development zones), anything else
 * administrative.
 *
 * Roots: a row with an empty parent is a root. A file extracted as one
 * subtree (like changji.csv, whose top row names a parent outside the
 * file) is accepted: when no row has an empty parent, exactly one row may
 * name a parent that is not in the file, and it becomes the root. In a
 * file that has a root of its own, every named parent must be in the
 * file (an unknown parent there is a typo, not an extract).
 * ::EG_GRID_CSV_STRICT_PARENTS refuses extracts too. With `opts->root`, only that node and its descendants are
 * kept, the root's own parent is ignored, and rows outside the subtree
 * are not checked for parents or cycles.
 *
 * @param[out] out Receives the new grid (caller frees); untouched on failure.
 * @param data The CSV bytes.
 * @param len Their length.
 * @param opts Options, or NULL for the defaults.
 * @return ::EG_OK; ::EG_EPARSE (bad header, wrong field count, bad level,
 *         unterminated quote), ::EG_EUTF8, ::EG_EINVAL, ::EG_ERANGE,
 *         ::EG_EEXISTS (duplicate code), ::EG_ENOTFOUND (unknown parent or
 *         root), ::EG_ECYCLE, ::EG_ELEVEL, ::EG_ENOMEM. The detail names
 *         the line number and the reason.
 */
EG_API int eg_grid_parse_csv(eg_grid **out, const char *data, size_t len,
			     const eg_grid_csv_options *opts);

/**
 * @brief Build a grid from a division CSV file; see eg_grid_parse_csv().
 * @param[out] out Receives the new grid (caller frees); untouched on failure.
 * @param path File path.
 * @param opts Options, or NULL for the defaults.
 * @return as eg_grid_parse_csv(), plus ::EG_EIO when the file cannot be read.
 */
EG_API int eg_grid_load_csv(eg_grid **out, const char *path, const eg_grid_csv_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_GRID_H */
