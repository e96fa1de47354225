/* 16 threads share one catalogue handle and assess concurrently, each
 * checking every result against the conformance outputs, while another
 * thread loads and frees catalogues of its own. */
#include <pthread.h>

#include "support.h"

#define THREADS 16
#define ROUNDS 200

static const char *CASES[] = {"10.1-married", "10.1-unmarried", "1.1-newborn-day-89", "8.1-nonlocal",
                              "1.2-newborn-named-as-parent", "error-unknown-fact"};
#define NCASES (sizeof CASES / sizeof CASES[0])

static banshi_catalog *shared;
static unsigned char *bundle;
static size_t bundle_len;
static volatile int readers_done;

/* Loads and frees its own catalogue until the readers finish. */
static void *churn(void *arg) {
    long loads = 0, failures = 0;
    (void)arg;
    while (!readers_done || loads < 10) {
        banshi_catalog *own = NULL;
        char *out = NULL;
        size_t len = 0;
        if (banshi_catalog_load(bundle, bundle_len, &own, NULL) != BANSHI_RESULT_OK) failures++;
        else {
            if (banshi_services(own, &out, &len) != BANSHI_RESULT_OK || strstr(out, "office-2027.1") == NULL) failures++;
            banshi_string_free(out);
            banshi_catalog_free(own);
        }
        loads++;
    }
    printf("c-churn: %ld passed, %ld failed\n", loads - failures, failures);
    return (void *)failures;
}
static unsigned char *requests[NCASES], *expected[NCASES];
static size_t request_len[NCASES], expected_len[NCASES];

static void *work(void *arg) {
    size_t t = (size_t)arg, round, i;
    long failures = 0;
    for (round = 0; round < ROUNDS; round++) {
        for (i = 0; i < NCASES; i++) {
            size_t k = (i + t) % NCASES;
            banshi_result rc;
            char *actual = call_by_name(shared, "assess", requests[k], request_len[k], &rc);
            if (strlen(actual) != expected_len[k] || memcmp(actual, expected[k], expected_len[k]) != 0) failures++;
            free(actual);
        }
    }
    return (void *)failures;
}

int main(int argc, char **argv) {
    pthread_t threads[THREADS], churner;
    size_t i;
    long failures = 0;
    void *churn_failures;
    if (argc != 2) { fprintf(stderr, "usage: %s <cases dir>\n", argv[0]); return 2; }
    for (i = 0; i < NCASES; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/assess/%s.req", argv[1], CASES[i]);
        requests[i] = read_file(path, &request_len[i]);
        snprintf(path, sizeof path, "%s/assess/%s.out", argv[1], CASES[i]);
        expected[i] = read_file(path, &expected_len[i]);
        if (!requests[i] || !expected[i]) { fprintf(stderr, "cannot read %s\n", path); return 2; }
    }
    {
        char path[4096];
        snprintf(path, sizeof path, "%s/load_catalog/one-service.req", argv[1]);
        bundle = read_file(path, &bundle_len);
        if (!bundle) { fprintf(stderr, "cannot read %s\n", path); return 2; }
    }
    if (banshi_catalog_embedded(&shared) != BANSHI_RESULT_OK) return 2;
    pthread_create(&churner, NULL, churn, NULL);
    for (i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, work, (void *)i);
    for (i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(threads[i], &r);
        failures += (long)r;
    }
    readers_done = 1;
    pthread_join(churner, &churn_failures);
    failures += (long)churn_failures;
    banshi_catalog_free(shared);
    free(bundle);
    for (i = 0; i < NCASES; i++) { free(requests[i]); free(expected[i]); }
    printf("c-threads: %ld passed, %ld failed\n", (long)(THREADS * ROUNDS * NCASES) - failures, failures);
    return failures == 0 ? 0 : 1;
}
