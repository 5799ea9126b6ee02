// The header compiles as C++ (g++ -std=c++11 -Wall -Wextra -Werror) and
// links: a C++ caller needs no extern "C" of its own.
#include <cstdio>
#include <cstring>

#include "shushuo.h"

int main() {
    shushuo_extractor *ex = nullptr;
    if (shushuo_extractor_new(nullptr, &ex) != SHUSHUO_STATUS_OK) return 1;
    const char text[] = "全区新增学位8660个。";
    shushuo_document *doc = nullptr;
    shushuo_status status = shushuo_extract(ex, text, std::strlen(text), &doc);
    shushuo_metric m;
    size_t n = shushuo_document_metric_count(doc);
    for (size_t i = 0; i < n; i++) {
        m.struct_size = sizeof m;
        if (shushuo_document_metric(doc, i, &m) != SHUSHUO_STATUS_OK || !SHUSHUO_FILLED(&m, si_unit))
            status = SHUSHUO_STATUS_PANIC;
    }
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
    std::printf("C++: shushuo %s, %zu metric(s)\n", shushuo_version(), n);
    return status == SHUSHUO_STATUS_OK ? 0 : 1;
}
