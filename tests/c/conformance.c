/* The conformance suite through the C ABI: every tests/cases/<call>/<name>.req
 * must give exactly the bytes of <name>.out. Usage: conformance <cases dir> */
#include <dirent.h>

#include "support.h"

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    banshi_catalog *catalog = NULL;
    DIR *top;
    struct dirent *call;
    int passed = 0, failed = 0;
    if (argc != 2) { fprintf(stderr, "usage: %s <cases dir>\n", argv[0]); return 2; }
    if (banshi_catalog_embedded(&catalog) != BANSHI_RESULT_OK) { fprintf(stderr, "no catalogue\n"); return 2; }
    top = opendir(argv[1]);
    if (!top) { perror(argv[1]); return 2; }
    while ((call = readdir(top)) != NULL) {
        char dir[4096];
        char *names[1024];
        size_t count = 0, i;
        DIR *d;
        struct dirent *e;
        char call_name[256];
        if (call->d_name[0] == '.') continue;
        snprintf(call_name, sizeof call_name, "%s", call->d_name);
        snprintf(dir, sizeof dir, "%s/%s", argv[1], call_name);
        d = opendir(dir);
        if (!d) continue;
        while ((e = readdir(d)) != NULL && count < 1024) {
            size_t n = strlen(e->d_name);
            if (n > 4 && strcmp(e->d_name + n - 4, ".req") == 0) {
                names[count] = malloc(n + 1);
                memcpy(names[count++], e->d_name, n + 1);
            }
        }
        closedir(d);
        qsort(names, count, sizeof names[0], cmp);
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
            if (!req || !expected) { fprintf(stderr, "cannot read %s\n", path); return 2; }
            actual = call_by_name(catalog, call_name, req, req_len, &rc);
            if (strlen(actual) == out_len && memcmp(actual, expected, out_len) == 0) {
                passed++;
            } else {
                failed++;
                fprintf(stderr, "FAIL %s/%s\n  expected: %s\n  actual:   %s\n", call_name, names[i], expected, actual);
            }
            free(actual);
            free(req);
            free(expected);
            free(names[i]);
        }
    }
    closedir(top);
    banshi_catalog_free(catalog);
    printf("c-conformance: %d passed, %d failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
