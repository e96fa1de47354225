/* The conformance suite through the C ABI: every <call>/<name>.req must give
 * exactly the bytes of <name>.out.
 *
 * Usage: conformance <cases dir> [<catalogs dir> <examples dir>]
 *
 * <cases dir> (tests/cases) runs against the embedded catalogue. Then each
 * <catalogs dir>/<catalogue>/ (tests/catalogs) runs, through the same
 * function, against <examples dir>/<catalogue>/bundle.json, loaded at run
 * time with banshi_catalog_load; each must hold at least one case. */
#include <dirent.h>
#include <errno.h>

#include "support.h"

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The names in dir, sorted, that end in suffix ("" for every name not
 * starting with a dot) and, if dirs_only, are directories. Returns how many
 * (at most max), or -1 if dir cannot be opened (errno tells why). */
static int list(const char *dir, const char *suffix, int dirs_only, char **names, int max) {
    DIR *d = opendir(dir);
    struct dirent *e;
    int count = 0;
    size_t s = strlen(suffix);
    if (!d) return -1;
    while ((e = readdir(d)) != NULL && count < max) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n <= s || strcmp(e->d_name + n - s, suffix) != 0) continue;
        if (dirs_only) {
            char path[4096];
            DIR *sub;
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            sub = opendir(path);
            if (!sub) continue;
            closedir(sub);
        }
        names[count] = malloc(n + 1);
        memcpy(names[count++], e->d_name, n + 1);
    }
    closedir(d);
    qsort(names, (size_t)count, sizeof names[0], cmp);
    return count;
}

/* Runs every case of cases_dir (<call>/<name>.req) with catalog; adds to
 * *passed and *failed. Returns 0, or 2 if a file cannot be read. */
static int run_cases(const banshi_catalog *catalog, const char *cases_dir, int *passed, int *failed) {
    char *calls[64];
    int ncalls = list(cases_dir, "", 1, calls, 64), c, status = 0;
    if (ncalls < 0) { perror(cases_dir); return 2; }
    for (c = 0; c < ncalls; c++) {
        char dir[4096];
        char *names[1024];
        int count, i;
        snprintf(dir, sizeof dir, "%s/%s", cases_dir, calls[c]);
        count = list(dir, ".req", 0, names, 1024);
        for (i = 0; i < count; i++) {
            char path[8192];
            size_t req_len = 0, out_len = 0;
            unsigned char *req, *expected;
            char *actual;
            banshi_result rc;
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            req = read_file(path, &req_len);
            path[strlen(path) - 4] = 0;
            strcat(path, ".out");
            expected = read_file(path, &out_len);
            if (!req || !expected) {
                fprintf(stderr, "cannot read %s\n", path);
                free(req);
                free(expected);
                status = 2;
            } else {
                actual = call_by_name(catalog, calls[c], req, req_len, &rc);
                if (strlen(actual) == out_len && memcmp(actual, expected, out_len) == 0) {
                    (*passed)++;
                } else {
                    (*failed)++;
                    fprintf(stderr, "FAIL %s/%s/%s\n  expected: %s\n  actual:   %s\n", cases_dir, calls[c], names[i],
                            expected, actual);
                }
                free(actual);
                free(req);
                free(expected);
            }
            free(names[i]);
        }
        free(calls[c]);
    }
    return status;
}

/* Runs each catalogue of catalogs_dir with its bundle from examples_dir;
 * none if catalogs_dir does not exist. Returns 0, or 2 on a setup failure. */
static int run_catalogues(const char *catalogs_dir, const char *examples_dir, int *passed, int *failed) {
    char *names[256];
    int count = list(catalogs_dir, "", 1, names, 256), i, status = 0;
    if (count < 0) {
        if (errno == ENOENT) { printf("c-conformance: no %s, no other catalogues\n", catalogs_dir); return 0; }
        perror(catalogs_dir);
        return 2;
    }
    for (i = 0; i < count; i++) {
        char path[8192];
        size_t len = 0;
        unsigned char *bundle;
        banshi_catalog *catalog = NULL;
        char *error = NULL;
        int before = *passed + *failed;
        snprintf(path, sizeof path, "%s/%s/bundle.json", examples_dir, names[i]);
        bundle = read_file(path, &len);
        if (!bundle) {
            fprintf(stderr, "%s/%s needs %s\n", catalogs_dir, names[i], path);
            status = 2;
        } else if (banshi_catalog_load(bundle, len, &catalog, &error) != BANSHI_RESULT_OK) {
            fprintf(stderr, "%s: %s\n", path, error ? error : "(no error JSON)");
            banshi_string_free(error);
            status = 2;
        } else {
            snprintf(path, sizeof path, "%s/%s", catalogs_dir, names[i]);
            if (run_cases(catalog, path, passed, failed) != 0) status = 2;
            if (*passed + *failed == before) {
                fprintf(stderr, "FAIL %s holds no cases\n", path);
                (*failed)++;
            }
            banshi_catalog_free(catalog);
        }
        free(bundle);
        free(names[i]);
    }
    return status;
}

int main(int argc, char **argv) {
    banshi_catalog *catalog = NULL;
    int passed = 0, failed = 0, status;
    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: %s <cases dir> [<catalogs dir> <examples dir>]\n", argv[0]);
        return 2;
    }
    if (banshi_catalog_embedded(&catalog) != BANSHI_RESULT_OK) { fprintf(stderr, "no catalogue\n"); return 2; }
    status = run_cases(catalog, argv[1], &passed, &failed);
    banshi_catalog_free(catalog);
    if (status == 0 && argc == 4) status = run_catalogues(argv[2], argv[3], &passed, &failed);
    printf("c-conformance: %d passed, %d failed\n", passed, failed);
    if (status != 0) return status;
    return failed == 0 && passed > 0 ? 0 : 1;
}
