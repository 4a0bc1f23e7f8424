/**
 * @file common.h
 * @brief Status codes, the export macro, error details and the version.
 *
 * Every fallible ecogrid function returns an `int`: ::EG_OK (0) on success
 * or one of the negative `EG_E…` codes below. Results come back through
 * out-parameters, which are always the first arguments. A failed call
 * leaves every object it was given exactly as it was.
 *
 * After a failure, eg_error_last() gives a detailed message for the most
 * recent failure on the calling thread (for example
 * `"line 812: parent 652301001000 of 652301001007 not found"`). The message
 * is kept in thread-local storage, so distinct threads never see each
 * other's errors, and a Python ctypes caller reads the message of its own
 * call (a ctypes call and the next call from the same Python thread run on
 * the same OS thread).
 *
 * Thread safety: ecogrid has no global mutable state. Distinct handles may
 * be used from distinct threads at the same time; one handle is used by one
 * thread at a time unless its documentation says it is immutable.
 * Immutable, and so safe to share between threads once made: built rule
 * sets and presets (eg_ruleset), air-quality profiles (eg_airq_profile),
 * ladders (eg_ladder), and a grid (eg_grid) that no thread changes any
 * more. Everything made from them for one use (assessment inputs and
 * results, ladder states and outcomes, findings, walks, record stores,
 * draws) belongs to one thread at a time. The threads suite checks this
 * under ThreadSanitizer.
 */
#ifndef ECOGRID_COMMON_H
#define ECOGRID_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <ecogrid/version.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @def EG_API
 * @brief Marks a function as part of the exported ABI.
 *
 * The library is built with hidden visibility; only declarations carrying
 * this macro are visible in the shared object.
 */
#if defined(_WIN32)
#  if defined(EG_BUILDING)
#    define EG_API __declspec(dllexport)
#  else
#    define EG_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define EG_API __attribute__((visibility("default")))
#else
#  define EG_API
#endif

/**
 * @brief Status codes. Values are stable forever: codes are added, never
 * renumbered.
 */
typedef enum eg_status {
	EG_OK = 0,          /**< Success. */
	EG_ERROR = -1,      /**< Generic failure not covered by a specific code. */
	EG_EINVAL = -2,     /**< An argument is invalid (NULL, empty, wrong kind). */
	EG_ENOMEM = -3,     /**< An allocation failed; nothing was changed. */
	EG_ENOTFOUND = -4,  /**< A referenced ID or name does not exist. */
	EG_EEXISTS = -5,    /**< An ID that must be unique already exists. */
	EG_ERANGE = -6,     /**< A number is out of its allowed range or overflows. */
	EG_EPARSE = -7,     /**< Input text could not be parsed (line given in the detail). */
	EG_ESTATE = -8,     /**< The object is not in a state that allows the call. */
	EG_EIO = -9,        /**< A file could not be opened or read. */
	EG_EUTF8 = -10,     /**< A string is not valid UTF-8. */
	EG_ECYCLE = -11,    /**< A parent chain loops back on itself. */
	EG_ELEVEL = -12,    /**< A child's level is not deeper than its parent's. */
	EG_EBUFSIZE = -13,  /**< A caller-supplied buffer is too small. */
	EG_ITEROVER = -31   /**< Not an error: an iteration has no more items. */
} eg_status;

/**
 * @brief Languages for user-facing text (findings, traces, reports).
 *
 * Chinese is the default everywhere, since the people who read bulletins
 * work in Chinese.
 */
typedef enum eg_lang {
	EG_LANG_ZH = 0, /**< Simplified Chinese (default). */
	EG_LANG_EN = 1  /**< English. */
} eg_lang;

/** @brief Details of the most recent failure on the calling thread. */
typedef struct eg_error {
	int code;            /**< The status code that was returned. */
	const char *message; /**< UTF-8 message naming the offending value; never NULL. */
} eg_error;

/**
 * @brief The library's version at run time.
 * @return "MAJOR.MINOR.PATCH", a static string (never freed). Equal to
 *         ::EG_VERSION_STRING when headers and library match.
 */
EG_API const char *eg_version(void);

/**
 * @brief A fixed English description of a status code.
 * @param code One of ::eg_status (any int is accepted).
 * @return A static string; "unknown error code" for values that are not
 *         status codes. Never NULL.
 */
EG_API const char *eg_strerror(int code);

/**
 * @brief The detailed message of the most recent failure on this thread.
 *
 * Every function that returns a negative code sets it before returning.
 * Successful calls do not clear it; call eg_error_clear() for that.
 *
 * @return A pointer to thread-local storage, valid until the next ecogrid
 *         call on this thread. Never NULL: when no error was recorded the
 *         code is ::EG_OK and the message is "".
 */
EG_API const eg_error *eg_error_last(void);

/** @brief Forget the detailed message of this thread (code becomes ::EG_OK). */
EG_API void eg_error_clear(void);

/**
 * @brief Free a string that the library allocated for the caller.
 * @param s A string returned with "free with eg_string_free" in its doc; NULL is accepted.
 */
EG_API void eg_string_free(char *s);

#ifdef __cplusplus
}
#endif

#endif /* ECOGRID_COMMON_H */
