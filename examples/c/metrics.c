/*
 * Prints the metrics of a UTF-8 text file, one a line:
 *   make run FILE=../sample_report.txt
 * or, by hand, from the repository root:
 *   cargo build --release -p shushuo-ffi
 *   cc -std=c99 -Iinclude examples/c/metrics.c target/release/libshushuo.a \
 *      -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o metrics
 *   ./metrics examples/sample_report.txt
 */
#include <stdio.h>
#include <stdlib.h>

#include "shushuo.h"

static const char *const APPROX[] = {"exact", "about", "over", "under"};
static const char *const CHANGE[] = {"none", "increase", "decrease"};

static void print_str(const char *label, shushuo_str s) {
    if (s.data != NULL && s.len > 0) printf(" %s=%.*s", label, (int)s.len, s.data);
}

static int fail(const char *what) {
    char message[512];
    shushuo_last_error_message(message, sizeof message);
    fprintf(stderr, "%s: %s\n", what, message);
    return 1;
}

/* Reads the whole file at `path`; sets `*len`. NULL on failure. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, got;

    if (f == NULL) return NULL;
    do {
        if (n == cap) {
            char *bigger = realloc(buf, cap = cap ? 2 * cap : 65536);
            if (bigger == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = bigger;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    shushuo_extractor *ex = NULL;
    shushuo_document *doc = NULL;
    shushuo_metric m;
    size_t len = 0, i, n;
    char *text;

    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    text = read_file(argv[1], &len);
    if (text == NULL) {
        perror(argv[1]);
        return 1;
    }
    if (shushuo_extractor_new(NULL, &ex) != SHUSHUO_STATUS_OK) {
        free(text);
        return fail("shushuo_extractor_new");
    }
    if (shushuo_extract(ex, text, len, &doc) != SHUSHUO_STATUS_OK) {
        free(text);
        shushuo_extractor_free(ex);
        return fail(argv[1]);
    }
    n = shushuo_document_metric_count(doc);
    printf("shushuo %s: %zu metrics in %s\n", shushuo_version(), n, argv[1]);
    for (i = 0; i < n; i++) {
        /* Records are growable: say how big ours is; the library fills
         * what fits and sets struct_size to what it filled. */
        m.struct_size = sizeof m;
        if (shushuo_document_metric(doc, i, &m) != SHUSHUO_STATUS_OK) break;
        printf("%zu..%zu %.*s value=%g", m.start, m.end, (int)m.text.len, m.text.data, m.value);
        print_str("unit", m.unit);
        if (m.approx != SHUSHUO_APPROX_EXACT) printf(" approx=%s", APPROX[m.approx]);
        if (m.change != SHUSHUO_CHANGE_NONE) printf(" change=%s", CHANGE[m.change]);
        /* SHUSHUO_FILLED: false only with a library older than this header. */
        if (SHUSHUO_FILLED(&m, previous) && m.has_previous) printf(" previous=%g", m.previous);
        if (SHUSHUO_FILLED(&m, si_unit) && m.has_si)
            printf(" si=%g%.*s", m.si_value, (int)m.si_unit.len, m.si_unit.data);
        print_str("indicator", m.indicator);
        print_str("period", m.period);
        print_str("region", m.region);
        printf("\n");
    }
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
    free(text);
    return 0;
}
