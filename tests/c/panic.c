/* A panic inside an export comes back as BANSHI_RESULT_PANIC, writes no
 * output, and the library (and process) go on. Needs a library built with
 * the test-only feature "test-panic". */
#include <stdio.h>
#include <string.h>

#include "banshi.h"

/* Only in test builds, so not in the header. */
banshi_result banshi_test_panic(char **response, size_t *response_len);

int main(void) {
    int passed = 0, failed = 0, round;
    for (round = 0; round < 3; round++) {
        char *out = NULL;
        size_t len = 0;
        banshi_catalog *catalog = NULL;
        const char *request = "{\"service\":\"8.1\",\"facts\":{\"application_date\":\"2026-11-27\"}}";
        if (banshi_test_panic(&out, &len) == BANSHI_RESULT_PANIC && out == NULL) passed++; else failed++;
        if (banshi_catalog_embedded(&catalog) != BANSHI_RESULT_OK) { failed++; continue; }
        if (banshi_assess(catalog, (const uint8_t *)request, strlen(request), &out, &len, NULL) == BANSHI_RESULT_OK &&
            strstr(out, "applicant_id_card") != NULL) passed++; else failed++;
        banshi_string_free(out);
        banshi_catalog_free(catalog);
    }
    printf("c-panic: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
