/* The README's C example, compiled against an installed banshi via pkg-config. */
#include <stdio.h>
#include <string.h>

#include <banshi.h>

int main(void) {
    banshi_catalog *catalog;
    char *response = NULL, *error = NULL;
    size_t len;
    const char *request =
        "{\"service\":\"10.1\",\"facts\":{\"application_date\":\"2026-11-27\","
        "\"marital_status\":\"unmarried\",\"hukou\":\"nonlocal\"}}";

    if (banshi_catalog_embedded(&catalog) != BANSHI_RESULT_OK) return 1;
    banshi_result rc = banshi_assess(catalog, (const uint8_t *)request, strlen(request), &response, &len, &error);
    if (rc == BANSHI_RESULT_OK) {
        printf("%s\n", response);
        banshi_string_free(response);
    } else {
        fprintf(stderr, "%s: %s\n", banshi_result_name(rc), error);
        banshi_string_free(error);
    }
    banshi_catalog_free(catalog);
    return rc == BANSHI_RESULT_OK ? 0 : 1;
}
