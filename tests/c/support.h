/* Shared helpers for banshi's C tests. C99 plus POSIX. */
#ifndef BANSHI_TEST_SUPPORT_H
#define BANSHI_TEST_SUPPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banshi.h"

/* Reads a whole file; returns a malloc'd buffer (NUL-terminated) and its length. */
static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f) return NULL;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            unsigned char *grown;
            cap = cap ? cap * 2 : 8192;
            grown = realloc(buf, cap);
            if (!grown) { free(buf); fclose(f); return NULL; }
            buf = grown;
        }
        {
            size_t got = fread(buf + n, 1, cap - n - 1, f);
            n += got;
            if (got == 0) break;
        }
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* Calls banshi by the name of a conformance-case directory. Returns a
 * malloc'd copy of the response, or of the error JSON on failure, and
 * stores the result code in *code. */
static char *call_by_name(const banshi_catalog *catalog, const char *name, const unsigned char *req, size_t len,
                          banshi_result *code) {
    char *out = NULL, *err = NULL, *copy;
    size_t out_len = 0;
    banshi_result rc;
    if (strcmp(name, "assess") == 0) rc = banshi_assess(catalog, req, len, &out, &out_len, &err);
    else if (strcmp(name, "check") == 0) rc = banshi_check(catalog, req, len, &out, &out_len, &err);
    else if (strcmp(name, "service") == 0) rc = banshi_service(catalog, req, len, &out, &out_len, &err);
    else if (strcmp(name, "services") == 0) rc = banshi_services(catalog, &out, &out_len);
    /* FUTURE API (vocabulary with the catalogue): does not compile until
     * banshi_vocabulary(catalog, &response, &response_len) lands in banshi.h;
     * it was banshi_vocabulary(&out, &out_len). */
    else if (strcmp(name, "vocabulary") == 0) rc = banshi_vocabulary(catalog, &out, &out_len);
    else if (strcmp(name, "validate_id_number") == 0) rc = banshi_validate_id_number(req, len, &out, &out_len, &err);
    else if (strcmp(name, "validate_date") == 0) rc = banshi_validate_date(req, len, &out, &out_len, &err);
    else if (strcmp(name, "validate_file") == 0) rc = banshi_validate_file(catalog, req, len, &out, &out_len, &err);
    else if (strcmp(name, "load_catalog") == 0) {
        banshi_catalog *loaded = NULL;
        rc = banshi_catalog_load(req, len, &loaded, &err);
        if (rc == BANSHI_RESULT_OK) {
            rc = banshi_services(loaded, &out, &out_len);
            banshi_catalog_free(loaded);
        }
    }
    else {
        fprintf(stderr, "unknown call %s\n", name);
        exit(2);
    }
    *code = rc;
    if (rc == BANSHI_RESULT_OK) {
        if (out == NULL || strlen(out) != out_len) {
            fprintf(stderr, "%s: response length mismatch\n", name);
            exit(2);
        }
        copy = malloc(out_len + 1);
        memcpy(copy, out, out_len + 1);
        banshi_string_free(out);
        if (err != NULL) { fprintf(stderr, "%s: error written on success\n", name); exit(2); }
    } else {
        if (out != NULL) { fprintf(stderr, "%s: response written on failure\n", name); exit(2); }
        if (err == NULL) {
            copy = malloc(64);
            snprintf(copy, 64, "(no error JSON for %s)", banshi_result_name(rc));
        } else {
            copy = malloc(strlen(err) + 1);
            memcpy(copy, err, strlen(err) + 1);
            banshi_string_free(err);
        }
    }
    return copy;
}

#endif
