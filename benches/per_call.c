/* Per-call cost of banshi_assess through the C ABI, on one conformance
 * request. Usage: per_call <request file> [iterations] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "banshi.h"

int main(int argc, char **argv) {
    FILE *f;
    static unsigned char req[1 << 16];
    size_t len, i, n = argc > 2 ? (size_t)atol(argv[2]) : 200000;
    banshi_catalog *catalog;
    struct timespec t0, t1, c0, c1;
    if (argc < 2 || !(f = fopen(argv[1], "rb"))) { fprintf(stderr, "usage: %s <request> [n]\n", argv[0]); return 2; }
    len = fread(req, 1, sizeof req, f);
    fclose(f);
    banshi_catalog_embedded(&catalog);
    for (i = 0; i < n / 10 + 1; i++) { /* warm up */
        char *out; size_t out_len;
        if (banshi_assess(catalog, req, len, &out, &out_len, NULL) != BANSHI_RESULT_OK) return 1;
        banshi_string_free(out);
    }
    /* Wall-clock time, and the process's CPU time, which on a shared machine
     * leaves out the time other processes held the cores. */
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < n; i++) {
        char *out; size_t out_len;
        banshi_assess(catalog, req, len, &out, &out_len, NULL);
        banshi_string_free(out);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    printf("c assess: %.0f ns/call over %zu calls (CPU %.0f ns/call)\n",
           ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / (double)n, n,
           ((c1.tv_sec - c0.tv_sec) * 1e9 + (c1.tv_nsec - c0.tv_nsec)) / (double)n);
    banshi_catalog_free(catalog);
    return 0;
}
