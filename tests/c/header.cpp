// The header compiles as C++ and can be included twice.
#include "banshi.h"
#include "banshi.h"

int main() {
    banshi_catalog *catalog = nullptr;
    banshi_result rc = banshi_catalog_embedded(&catalog);
    banshi_catalog_free(catalog);
    return rc == BANSHI_RESULT_OK ? 0 : 1;
}
