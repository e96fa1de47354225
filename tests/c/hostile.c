/* Hostile and careless calls: every one returns its documented code, writes
 * no output on failure, and never crashes. */
#include <stdio.h>
#include <string.h>

#include "banshi.h"
#include "banshi.h" /* included twice on purpose: the include guard must hold */

static int passed, failed;

#define EXPECT(what, got, want)                                                                         \
    do {                                                                                                \
        banshi_result got_ = (got);                                                                     \
        if (got_ == (want)) passed++;                                                                   \
        else {                                                                                          \
            failed++;                                                                                   \
            fprintf(stderr, "FAIL %s: got %s, want %s\n", what, banshi_result_name(got_), banshi_result_name(want)); \
        }                                                                                               \
    } while (0)

static const unsigned char *S(const char *s) { return (const unsigned char *)s; }

int main(void) {
    banshi_catalog *catalog = NULL, *loaded = NULL;
    char *out = NULL, *err = NULL;
    size_t len = 0;
    const char *ok = "{\"service\":\"1.1\",\"facts\":{\"application_date\":\"2026-11-27\"}}";
    const unsigned char bad_utf8[] = {'{', '"', 0xff, 0xfe, '"', '}'};
    const unsigned char with_nul[] = {'{', 0, '}'};
    const char *unknown = "{\"service\":\"99.9\",\"facts\":{\"application_date\":\"2026-11-27\"}}";

    EXPECT("embedded NULL out", banshi_catalog_embedded(NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("embedded", banshi_catalog_embedded(&catalog), BANSHI_RESULT_OK);

    /* NULL for every pointer argument of assess. */
    EXPECT("assess NULL catalog", banshi_assess(NULL, S(ok), strlen(ok), &out, &len, &err), BANSHI_RESULT_NULL_POINTER);
    if (err) { banshi_string_free(err); err = NULL; }
    EXPECT("assess NULL request", banshi_assess(catalog, NULL, 10, &out, &len, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("assess NULL out", banshi_assess(catalog, S(ok), strlen(ok), NULL, &len, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("assess NULL out_len", banshi_assess(catalog, S(ok), strlen(ok), &out, NULL, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("check NULL catalog", banshi_check(NULL, S(ok), strlen(ok), &out, &len, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("service NULL id", banshi_service(catalog, NULL, 3, &out, &len, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("services NULL", banshi_services(NULL, &out, &len), BANSHI_RESULT_NULL_POINTER);
    EXPECT("services NULL out", banshi_services(catalog, NULL, &len), BANSHI_RESULT_NULL_POINTER);
    EXPECT("vocabulary NULL", banshi_vocabulary(NULL, NULL, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("validate id NULL", banshi_validate_id_number(NULL, 5, &out, &len, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("validate date NULL out", banshi_validate_date(S("{}"), 2, NULL, NULL, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("validate file NULL catalog", banshi_validate_file(NULL, S("{}"), 2, &out, &len, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("load NULL out", banshi_catalog_load(S("{}"), 2, NULL, NULL), BANSHI_RESULT_NULL_POINTER);
    EXPECT("load NULL text", banshi_catalog_load(NULL, 2, &loaded, NULL), BANSHI_RESULT_NULL_POINTER);
    if (out != NULL) { failed++; fprintf(stderr, "FAIL output written on failure\n"); }

    /* Length 0 (NULL allowed), invalid UTF-8, NUL bytes, malformed JSON. */
    EXPECT("assess empty", banshi_assess(catalog, NULL, 0, &out, &len, NULL), BANSHI_RESULT_INVALID_JSON);
    EXPECT("assess bad utf8", banshi_assess(catalog, bad_utf8, sizeof bad_utf8, &out, &len, &err), BANSHI_RESULT_INVALID_UTF8);
    if (err == NULL || strstr(err, "\"INVALID_UTF8\"") == NULL) { failed++; fprintf(stderr, "FAIL utf8 error JSON\n"); }
    banshi_string_free(err);
    err = NULL;
    EXPECT("assess NUL byte", banshi_assess(catalog, with_nul, sizeof with_nul, &out, &len, NULL), BANSHI_RESULT_INVALID_JSON);
    EXPECT("assess truncated", banshi_assess(catalog, S(ok), strlen(ok) - 1, &out, &len, NULL), BANSHI_RESULT_INVALID_JSON);
    EXPECT("assess mismatched length", banshi_assess(catalog, S(ok), 5, &out, &len, NULL), BANSHI_RESULT_INVALID_JSON);
    EXPECT("unknown service",
           banshi_assess(catalog, S(unknown), strlen(unknown), &out, &len, NULL),
           BANSHI_RESULT_UNKNOWN_SERVICE);
    {
        const char *typo = "{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\",\"marital_staus\":\"married\"}}";
        EXPECT("unknown fact", banshi_assess(catalog, S(typo), strlen(typo), &out, &len, &err), BANSHI_RESULT_UNKNOWN_FACT);
        if (err == NULL || strstr(err, "\"suggestion\":\"marital_status\"") == NULL) { failed++; fprintf(stderr, "FAIL suggestion\n"); }
        banshi_string_free(err);
        err = NULL;
    }
    EXPECT("service empty id", banshi_service(catalog, NULL, 0, &out, &len, NULL), BANSHI_RESULT_UNKNOWN_SERVICE);
    EXPECT("load garbage", banshi_catalog_load(S("not json"), 8, &loaded, &err), BANSHI_RESULT_INVALID_CATALOG);
    banshi_string_free(err);
    err = NULL;
    if (out != NULL || loaded != NULL) { failed++; fprintf(stderr, "FAIL output written on failure\n"); }

    /* Success still works after all of that, and frees are NULL-safe. */
    EXPECT("assess ok", banshi_assess(catalog, S(ok), strlen(ok), &out, &len, NULL), BANSHI_RESULT_OK);
    if (out == NULL || strlen(out) != len) { failed++; fprintf(stderr, "FAIL ok output\n"); }
    banshi_string_free(out);
    banshi_string_free(NULL);
    banshi_catalog_free(NULL);
    if (strcmp(banshi_version(), BANSHI_VERSION) != 0) { failed++; fprintf(stderr, "FAIL version\n"); }
    if (strcmp(banshi_result_name(30), "UNKNOWN_FACT") != 0 || strcmp(banshi_result_name(0), "OK") != 0 ||
        strcmp(banshi_result_name(9999), "UNKNOWN") != 0) {
        failed++;
        fprintf(stderr, "FAIL result names\n");
    }
    banshi_catalog_free(catalog);
    printf("c-hostile: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
