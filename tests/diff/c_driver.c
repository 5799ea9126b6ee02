/*
 * C side of the differential test (tests/ci/50-differential.sh).
 *
 *   c_driver OPTIONS_JSON FILE...
 *
 * For each FILE (raw bytes, passed with their length: NUL and control
 * characters included), prints two lines:
 *   1. the document as shushuo_document_to_json writes it;
 *   2. the same document read through the record getters
 *      (shushuo_document_region / _metric / _entity), written here as JSON
 *      of the core's serde shape, so that tests/diff/compare.py can compare
 *      both C views with the Rust and Python records.
 * A failed call prints {"error":STATUS} instead and the driver exits 1.
 */
#include <shushuo.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed = 0;

static void put_str(const char *s, size_t len) {
    static const char hex[] = "0123456789abcdef";
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            putchar('\\');
            putchar(c);
        } else if (c < 0x20) {
            printf("\\u00%c%c", hex[c >> 4], hex[c & 15]);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

static void put_view(shushuo_str s) {
    if (s.data == NULL) {
        fputs("null", stdout);
    } else {
        put_str(s.data, s.len);
    }
}

/* %.17g reads back as the same double (the comparison is on parsed values);
 * ".0" keeps a whole number a JSON float, as serde writes it. A value that is
 * not finite (never valid) is written as Python's json reads it, so that the
 * comparison names it. */
static void put_double(double d) {
    char buf[64];
    if (isnan(d)) {
        fputs("NaN", stdout);
        return;
    }
    if (isinf(d)) {
        fputs(d > 0 ? "Infinity" : "-Infinity", stdout);
        return;
    }
    snprintf(buf, sizeof buf, "%.17g", d);
    fputs(buf, stdout);
    if (strpbrk(buf, ".e") == NULL) fputs(".0", stdout);
}

/* The serde name of an enum value (names[v]), or "?" for one this driver
 * does not know, which then differs from the core's JSON. */
static const char *name_of(const char *const *names, size_t count, int v) {
    return v >= 0 && (size_t)v < count ? names[v] : "?";
}

#define NAME(names, v) name_of(names, sizeof names / sizeof *names, (int)(v))

static const char *const approx_names[] = {"exact", "about", "over", "under"};
static const char *const change_names[] = {"none", "increase", "decrease"};
static const char *const quantity_names[] = {"count",    "money",   "area",  "measure",
                                             "duration", "percent", "ratio", "rank", "score"};
static const char *const entity_names[] = {"PERSON", "REGION", "SCHOOL", "ORG", "WORK", "DATE"};

static void put_span(size_t start, size_t end, size_t char_start, size_t char_end) {
    printf("\"span\":{\"start\":%zu,\"end\":%zu,\"char_start\":%zu,\"char_end\":%zu}",
           start, end, char_start, char_end);
}

static int error_line(shushuo_status s) {
    printf("{\"error\":%d}\n", (int)s);
    failed = 1;
    return 0;
}

/* Line 2: the getters' view. Fields a record leaves out (previous, si_*,
 * code, canonical) are left out here too, as serde skips them. */
static int print_getters(const shushuo_document *doc) {
    shushuo_str region;
    shushuo_status s = shushuo_document_region(doc, &region);
    if (s != SHUSHUO_STATUS_OK) return error_line(s);
    fputs("{\"region\":", stdout);
    put_view(region);
    fputs(",\"metrics\":[", stdout);
    size_t n = shushuo_document_metric_count(doc);
    for (size_t i = 0; i < n; i++) {
        shushuo_metric m;
        memset(&m, 0, sizeof m);
        m.struct_size = sizeof m;
        s = shushuo_document_metric(doc, i, &m);
        if (s != SHUSHUO_STATUS_OK || !SHUSHUO_FILLED(&m, si_unit)) {
            fputs("]}\n", stdout);
            return error_line(s);
        }
        fputs(i ? ",{" : "{", stdout);
        put_span(m.start, m.end, m.char_start, m.char_end);
        fputs(",\"text\":", stdout);
        put_view(m.text);
        fputs(",\"value\":", stdout);
        put_double(m.value);
        fputs(",\"unit\":", stdout);
        put_view(m.unit);
        printf(",\"kind\":\"%s\",\"approx\":\"%s\",\"change\":\"%s\"", NAME(quantity_names, m.kind),
               NAME(approx_names, m.approx), NAME(change_names, m.change));
        fputs(",\"indicator\":", stdout);
        put_view(m.indicator);
        fputs(",\"region\":", stdout);
        put_view(m.region);
        fputs(",\"period\":", stdout);
        put_view(m.period);
        if (m.has_previous) {
            fputs(",\"previous\":", stdout);
            put_double(m.previous);
        }
        if (m.has_si) {
            fputs(",\"si_value\":", stdout);
            put_double(m.si_value);
            fputs(",\"si_unit\":", stdout);
            put_view(m.si_unit);
        }
        printf(",\"borderline\":%s}", m.borderline ? "true" : "false");
    }
    fputs("],\"entities\":[", stdout);
    n = shushuo_document_entity_count(doc);
    for (size_t i = 0; i < n; i++) {
        shushuo_entity e;
        memset(&e, 0, sizeof e);
        e.struct_size = sizeof e;
        s = shushuo_document_entity(doc, i, &e);
        if (s != SHUSHUO_STATUS_OK || !SHUSHUO_FILLED(&e, canonical)) {
            fputs("]}\n", stdout);
            return error_line(s);
        }
        fputs(i ? ",{" : "{", stdout);
        put_span(e.start, e.end, e.char_start, e.char_end);
        printf(",\"kind\":\"%s\",\"text\":", NAME(entity_names, e.kind));
        put_view(e.text);
        fputs(",\"normalized\":", stdout);
        put_view(e.normalized);
        if (e.code.data != NULL) {
            fputs(",\"code\":", stdout);
            put_view(e.code);
        }
        if (e.canonical.data != NULL) {
            fputs(",\"canonical\":", stdout);
            put_view(e.canonical);
        }
        putchar('}');
    }
    fputs("]}\n", stdout);
    return 1;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (bigger == NULL) free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: c_driver OPTIONS_JSON FILE...\n");
        return 2;
    }
    shushuo_extractor *ex = NULL;
    shushuo_status s = shushuo_extractor_new(argv[1], &ex);
    if (s != SHUSHUO_STATUS_OK) {
        char msg[512];
        shushuo_last_error_message(msg, sizeof msg);
        fprintf(stderr, "c_driver: options %s: %s\n", argv[1], msg);
        return 2;
    }
    for (int i = 2; i < argc; i++) {
        size_t len = 0;
        char *text = read_file(argv[i], &len);
        if (text == NULL) {
            fprintf(stderr, "c_driver: cannot read %s\n", argv[i]);
            return 2;
        }
        shushuo_document *doc = NULL;
        s = shushuo_extract(ex, text, len, &doc);
        if (s != SHUSHUO_STATUS_OK) {
            error_line(s);
            error_line(s);
        } else {
            char *json = NULL;
            s = shushuo_document_to_json(doc, &json);
            if (s != SHUSHUO_STATUS_OK) {
                error_line(s);
            } else {
                fputs(json, stdout);
                putchar('\n');
                shushuo_string_free(json);
            }
            print_getters(doc);
            shushuo_document_free(doc);
        }
        free(text);
    }
    shushuo_extractor_free(ex);
    if (fflush(stdout) != 0) return 2;
    return failed;
}
