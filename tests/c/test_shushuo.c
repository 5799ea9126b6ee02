/*
 * C tests of every function of include/shushuo.h and every error path.
 * Built with -std=c99 -Wall -Wextra -Wpedantic -Werror, linked against
 * libshushuo.a or libshushuo.so, and run under valgrind by tests/ci/30-c.sh.
 * Prints "N passed, M failed" last and exits non-zero on any failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shushuo.h"

/* Failed checks so far; a test passes if it adds none. */
static int failed_checks;
static int sentinel; /* its address fills out-parameters that must be reset */

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            failed_checks++;                                                   \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);    \
        }                                                                      \
    } while (0)

#define CHECK_STATUS(call, expected)                                           \
    do {                                                                       \
        shushuo_status got_ = (call);                                          \
        if (got_ != (expected)) {                                              \
            failed_checks++;                                                   \
            fprintf(stderr, "FAIL %s:%d: %s gave %d, expected %s (%s)\n",      \
                    __FILE__, __LINE__, #call, (int)got_, #expected,           \
                    last_error());                                             \
        }                                                                      \
    } while (0)

static const char SIMPLE[] = "全区新增学位8660个。";

/* This thread's last error message, in a static buffer (tests are
 * single-threaded except where they say so). */
static const char *last_error(void) {
    static char buf[1024];
    shushuo_last_error_message(buf, sizeof buf);
    return buf;
}

static int contains(const char *haystack, const char *needle) {
    return strstr(haystack, needle) != NULL;
}

static int str_eq(shushuo_str s, const char *expected) {
    return s.data != NULL && s.len == strlen(expected) &&
           memcmp(s.data, expected, s.len) == 0;
}

static int str_absent(shushuo_str s) {
    return s.data == NULL && s.len == 0;
}

/* A GB/T 2260 division code: six ASCII digits. */
static int is_division_code(shushuo_str s) {
    size_t i;
    if (s.data == NULL || s.len != 6) return 0;
    for (i = 0; i < s.len; i++)
        if (s.data[i] < '0' || s.data[i] > '9') return 0;
    return 1;
}

/* A record for a getter to fill: zeroed, with struct_size set as the
 * header asks. */
static shushuo_metric blank_metric(void) {
    shushuo_metric m;
    memset(&m, 0, sizeof m);
    m.struct_size = sizeof m;
    return m;
}

static shushuo_entity blank_entity(void) {
    shushuo_entity e;
    memset(&e, 0, sizeof e);
    e.struct_size = sizeof e;
    return e;
}

static shushuo_extractor *new_extractor(const char *options) {
    shushuo_extractor *ex = NULL;
    CHECK_STATUS(shushuo_extractor_new(options, &ex), SHUSHUO_STATUS_OK);
    CHECK(ex != NULL);
    return ex;
}

static shushuo_document *extract(const shushuo_extractor *ex, const char *text, size_t len) {
    shushuo_document *doc = NULL;
    CHECK_STATUS(shushuo_extract(ex, text, len, &doc), SHUSHUO_STATUS_OK);
    CHECK(doc != NULL);
    return doc;
}

/* Every record of `doc` lies within the `len` bytes of `text`, its text is
 * that slice, and every getter agrees with the counts. */
static void check_document(const shushuo_document *doc, const char *text, size_t len) {
    size_t i, n = shushuo_document_metric_count(doc);
    shushuo_metric m;
    shushuo_entity e;
    shushuo_str region;
    char *json = NULL;

    for (i = 0; i < n; i++) {
        m = blank_metric();
        CHECK_STATUS(shushuo_document_metric(doc, i, &m), SHUSHUO_STATUS_OK);
        CHECK(m.struct_size == sizeof m && SHUSHUO_FILLED(&m, si_unit));
        CHECK(m.has_previous || m.previous == 0.0);
        CHECK(m.has_si ? m.si_unit.data != NULL && m.si_unit.len > 0
                       : m.si_value == 0.0 && str_absent(m.si_unit));
        CHECK(m.start <= m.end && m.end <= len);
        CHECK(m.char_start <= m.char_end && m.char_end <= m.end);
        CHECK(m.text.data != NULL && m.text.len == m.end - m.start &&
              memcmp(m.text.data, text + m.start, m.text.len) == 0);
        CHECK(m.unit.data != NULL && m.indicator.data != NULL);
        CHECK(m.period.data != NULL || m.period.len == 0);
        CHECK(m.region.data != NULL || m.region.len == 0);
        CHECK(m.approx >= SHUSHUO_APPROX_EXACT && m.approx <= SHUSHUO_APPROX_UNDER);
        CHECK(m.change >= SHUSHUO_CHANGE_NONE && m.change <= SHUSHUO_CHANGE_DECREASE);
        CHECK(m.kind >= SHUSHUO_QUANTITY_KIND_COUNT && m.kind <= SHUSHUO_QUANTITY_KIND_SCORE);
    }
    m = blank_metric();
    CHECK_STATUS(shushuo_document_metric(doc, n, &m), SHUSHUO_STATUS_OUT_OF_RANGE);

    n = shushuo_document_entity_count(doc);
    for (i = 0; i < n; i++) {
        e = blank_entity();
        CHECK_STATUS(shushuo_document_entity(doc, i, &e), SHUSHUO_STATUS_OK);
        CHECK(e.struct_size == sizeof e && SHUSHUO_FILLED(&e, canonical));
        CHECK(str_absent(e.code) || (e.kind == SHUSHUO_ENTITY_KIND_REGION && is_division_code(e.code)));
        CHECK(str_absent(e.canonical) || (e.canonical.data != NULL && e.canonical.len > 0));
        CHECK(e.start <= e.end && e.end <= len);
        CHECK(e.char_start <= e.char_end && e.char_end <= e.end);
        CHECK(e.kind >= SHUSHUO_ENTITY_KIND_PERSON && e.kind <= SHUSHUO_ENTITY_KIND_DATE);
        CHECK(e.text.data != NULL && e.normalized.data != NULL);
    }
    e = blank_entity();
    CHECK_STATUS(shushuo_document_entity(doc, n, &e), SHUSHUO_STATUS_OUT_OF_RANGE);

    CHECK_STATUS(shushuo_document_region(doc, &region), SHUSHUO_STATUS_OK);
    CHECK(region.data != NULL || region.len == 0);

    CHECK_STATUS(shushuo_document_to_json(doc, &json), SHUSHUO_STATUS_OK);
    CHECK(json != NULL && json[0] == '{' && json[strlen(json) - 1] == '}');
    CHECK(json != NULL && contains(json, "\"metrics\":[") && contains(json, "\"entities\":["));
    shushuo_string_free(json);
}

static void test_version(void) {
    const char *v = shushuo_version();
    CHECK(v != NULL && v[0] >= '0' && v[0] <= '9' && contains(v, "."));
    CHECK(shushuo_version() == v);
}

static void test_status_values(void) {
    CHECK(SHUSHUO_STATUS_OK == 0);
    CHECK(SHUSHUO_STATUS_NULL_ARGUMENT != SHUSHUO_STATUS_OK);
    CHECK(SHUSHUO_STATUS_PANIC == 5);
    CHECK(SHUSHUO_STATUS_IO_ERROR == 6);
}

static void test_extractor_new(void) {
    shushuo_extractor *ex = (shushuo_extractor *)&sentinel;

    shushuo_extractor_free(new_extractor(NULL));
    shushuo_extractor_free(new_extractor("{}"));
    shushuo_extractor_free(new_extractor("{\"reference_date\":\"2023-06-30\",\"entities\":false}"));
    shushuo_extractor_free(new_extractor(
        "{\"metrics\":true,\"default_region\":\"江北区\",\"extra_units\":{\"篇\":\"count\"},"
        "\"extra_entities\":{\"SCHOOL\":[\"江北实验学校\"]}}"));

    CHECK_STATUS(shushuo_extractor_new(NULL, NULL), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK(contains(last_error(), "out is NULL"));

    CHECK_STATUS(shushuo_extractor_new("{", &ex), SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK(ex == NULL);
    CHECK(contains(last_error(), "shushuo_extractor_new: invalid options: not valid JSON"));

    ex = (shushuo_extractor *)&sentinel;
    CHECK_STATUS(shushuo_extractor_new("{\"colour\":\"red\"}", &ex), SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK(ex == NULL);
    CHECK(contains(last_error(), "colour"));

    CHECK_STATUS(shushuo_extractor_new("[1,2]", &ex), SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK_STATUS(shushuo_extractor_new("", &ex), SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK_STATUS(shushuo_extractor_new("{\"metrics\":\"yes\"}", &ex), SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK_STATUS(shushuo_extractor_new("{\"reference_date\":\"2023-13-01\"}", &ex),
                 SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK(contains(last_error(), "2023-13-01"));
    CHECK_STATUS(shushuo_extractor_new("{\"extra_units\":{\"篇\":\"bananas\"}}", &ex),
                 SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK_STATUS(shushuo_extractor_new("{\"default_region\":\"  \"}", &ex),
                 SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK_STATUS(shushuo_extractor_new("{\"default_region\":\"\xff\"}", &ex),
                 SHUSHUO_STATUS_INVALID_UTF8);
    CHECK(ex == NULL);

    shushuo_extractor_free(NULL);
}

static void test_extract_errors(void) {
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc = (shushuo_document *)&sentinel;
    static const char *const invalid[] = {
        "\xff", "8660\xe4\xb8", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ab\x80",
    };
    size_t i;

    CHECK_STATUS(shushuo_extract(NULL, SIMPLE, strlen(SIMPLE), &doc), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK(doc == NULL);
    CHECK(contains(last_error(), "shushuo_extract: ex is NULL"));
    CHECK_STATUS(shushuo_extract(ex, SIMPLE, strlen(SIMPLE), NULL), SHUSHUO_STATUS_NULL_ARGUMENT);
    doc = (shushuo_document *)&sentinel;
    CHECK_STATUS(shushuo_extract(ex, NULL, 5, &doc), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK(doc == NULL);
    CHECK(contains(last_error(), "text is NULL"));
    CHECK_STATUS(shushuo_extract(ex, SIMPLE, SIZE_MAX, &doc), SHUSHUO_STATUS_OUT_OF_RANGE);
    CHECK(doc == NULL);
    CHECK(contains(last_error(), "PTRDIFF_MAX"));

    for (i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
        doc = (shushuo_document *)&sentinel;
        CHECK_STATUS(shushuo_extract(ex, invalid[i], strlen(invalid[i]), &doc),
                     SHUSHUO_STATUS_INVALID_UTF8);
        CHECK(doc == NULL);
        CHECK(contains(last_error(), "not valid UTF-8"));
    }
    /* A valid prefix is not enough: the cut is refused, never repaired. */
    CHECK_STATUS(shushuo_extract(ex, SIMPLE, 4, &doc), SHUSHUO_STATUS_INVALID_UTF8);
    CHECK(contains(last_error(), "at byte 3"));
    shushuo_extractor_free(ex);
}

static void test_empty_text(void) {
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc = extract(ex, NULL, 0);
    shushuo_metric m = blank_metric();
    shushuo_str region;
    char *json = NULL;

    CHECK(shushuo_document_metric_count(doc) == 0);
    CHECK(shushuo_document_entity_count(doc) == 0);
    CHECK_STATUS(shushuo_document_region(doc, &region), SHUSHUO_STATUS_OK);
    CHECK(region.data == NULL && region.len == 0);
    CHECK_STATUS(shushuo_document_metric(doc, 0, &m), SHUSHUO_STATUS_OUT_OF_RANGE);
    CHECK(contains(last_error(), "metric index 0 out of range"));
    CHECK_STATUS(shushuo_document_to_json(doc, &json), SHUSHUO_STATUS_OK);
    CHECK(json != NULL && strcmp(json, "{\"region\":null,\"metrics\":[],\"entities\":[]}") == 0);
    shushuo_string_free(json);
    shushuo_document_free(doc);

    doc = extract(ex, "", 0);
    CHECK(shushuo_document_metric_count(doc) == 0);
    shushuo_document_free(doc);
    doc = extract(ex, "   \n\t", 5);
    check_document(doc, "   \n\t", 5);
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
}

static void test_document_null_arguments(void) {
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc = extract(ex, SIMPLE, strlen(SIMPLE));
    shushuo_metric m = blank_metric();
    shushuo_entity e = blank_entity();
    shushuo_str s;
    char *json = (char *)&sentinel;

    CHECK(shushuo_document_metric_count(NULL) == 0);
    CHECK(contains(last_error(), "shushuo_document_metric_count: doc is NULL"));
    CHECK(shushuo_document_entity_count(NULL) == 0);
    CHECK_STATUS(shushuo_document_metric(NULL, 0, &m), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(shushuo_document_metric(doc, 0, NULL), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK(contains(last_error(), "out is NULL"));
    CHECK_STATUS(shushuo_document_entity(NULL, 0, &e), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(shushuo_document_entity(doc, 0, NULL), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(shushuo_document_region(NULL, &s), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(shushuo_document_region(doc, NULL), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK_STATUS(shushuo_document_to_json(NULL, &json), SHUSHUO_STATUS_NULL_ARGUMENT);
    CHECK(json == NULL);
    CHECK_STATUS(shushuo_document_to_json(doc, NULL), SHUSHUO_STATUS_NULL_ARGUMENT);
    shushuo_document_free(NULL);
    shushuo_string_free(NULL);
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
}

static void test_index_out_of_range(void) {
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc = extract(ex, SIMPLE, strlen(SIMPLE));
    size_t n = shushuo_document_metric_count(doc);
    shushuo_metric m;
    shushuo_entity e = blank_entity();

    memset(&m, 0xab, sizeof m);
    m.struct_size = sizeof m;
    CHECK_STATUS(shushuo_document_metric(doc, n, &m), SHUSHUO_STATUS_OUT_OF_RANGE);
    /* untouched */
    CHECK(m.struct_size == sizeof m && m.start == m.end && ((const unsigned char *)&m.start)[0] == 0xab);
    CHECK_STATUS(shushuo_document_metric(doc, SIZE_MAX, &m), SHUSHUO_STATUS_OUT_OF_RANGE);
    CHECK_STATUS(shushuo_document_entity(doc, shushuo_document_entity_count(doc), &e),
                 SHUSHUO_STATUS_OUT_OF_RANGE);
    CHECK(contains(last_error(), "entity index"));
    CHECK_STATUS(shushuo_document_entity(doc, SIZE_MAX, &e), SHUSHUO_STATUS_OUT_OF_RANGE);
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
}

/* Needs the metric engine: the one figure of the sentence, with its offsets. */
static void test_simple_metric(void) {
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc = extract(ex, SIMPLE, strlen(SIMPLE));
    shushuo_metric m = blank_metric();

    CHECK(shushuo_document_metric_count(doc) == 1);
    if (shushuo_document_metric_count(doc) >= 1) {
        CHECK_STATUS(shushuo_document_metric(doc, 0, &m), SHUSHUO_STATUS_OK);
        CHECK(m.value == 8660.0);
        CHECK(str_eq(m.unit, "个"));
        CHECK(str_eq(m.text, "8660个"));
        CHECK(m.start == 18 && m.end == 25);
        CHECK(m.char_start == 6 && m.char_end == 11);
        CHECK(m.approx == SHUSHUO_APPROX_EXACT && m.change == SHUSHUO_CHANGE_NONE);
        CHECK(m.kind == SHUSHUO_QUANTITY_KIND_COUNT);
        CHECK(!m.has_previous && m.previous == 0.0);
        CHECK(!m.has_si && m.si_value == 0.0 && str_absent(m.si_unit)); /* a count */
    }
    check_document(doc, SIMPLE, strlen(SIMPLE));
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
}

static void test_report_and_lifetimes(void) {
    static const char with_nul[] = "学位\0" "8660个";
    static const char report[] =
        "2022年，江北区新增公办中小学学位8660个，普惠率达94%。累计投入资金31.96亿元，"
        "惠及近3.4万名学生。比上年增长9.6%。2022年9月22日，教育部印发《通知》。";
    size_t len = strlen(report);
    char *copy = malloc(len);
    shushuo_extractor *ex = new_extractor("{\"reference_date\":\"2023-06-30\"}");
    shushuo_document *doc;
    shushuo_metric m = blank_metric();
    shushuo_entity e = blank_entity();
    char *json = NULL;

    memcpy(copy, report, len);
    doc = extract(ex, copy, len);
    check_document(doc, copy, len);
    /* The document owns its strings: neither the text nor the extractor
     * need outlive it. */
    free(copy);
    shushuo_extractor_free(ex);
    if (shushuo_document_metric_count(doc) > 0) {
        CHECK_STATUS(shushuo_document_metric(doc, 0, &m), SHUSHUO_STATUS_OK);
        CHECK(memcmp(m.text.data, report + m.start, m.text.len) == 0);
    }
    if (shushuo_document_entity_count(doc) > 0) {
        CHECK_STATUS(shushuo_document_entity(doc, 0, &e), SHUSHUO_STATUS_OK);
        CHECK(e.text.len > 0 && e.text.len <= e.end - e.start);
    }
    CHECK_STATUS(shushuo_document_to_json(doc, &json), SHUSHUO_STATUS_OK);
    shushuo_document_free(doc);
    CHECK(json != NULL && contains(json, "\"metrics\""));
    shushuo_string_free(json);

    /* NUL bytes are text like any other. */
    ex = new_extractor(NULL);
    doc = extract(ex, with_nul, sizeof with_nul - 1);
    check_document(doc, with_nul, sizeof with_nul - 1);
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
}

/* A from–to pair: the later figure carries the earlier one in `previous`. */
static void test_previous(void) {
    static const char text[] = "全区公办中小学由41所增加到67所。";
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc = extract(ex, text, strlen(text));
    shushuo_metric m = blank_metric();

    CHECK(shushuo_document_metric_count(doc) == 2);
    if (shushuo_document_metric_count(doc) == 2) {
        CHECK_STATUS(shushuo_document_metric(doc, 0, &m), SHUSHUO_STATUS_OK);
        CHECK(str_eq(m.text, "41所") && m.value == 41.0);
        CHECK(SHUSHUO_FILLED(&m, previous) && !m.has_previous && m.previous == 0.0);
        m = blank_metric();
        CHECK_STATUS(shushuo_document_metric(doc, 1, &m), SHUSHUO_STATUS_OK);
        CHECK(str_eq(m.text, "67所") && m.value == 67.0 && str_eq(m.unit, "所"));
        CHECK(SHUSHUO_FILLED(&m, previous));
        CHECK(m.has_previous && m.previous == 41.0);
    }
    check_document(doc, text, strlen(text));
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
}

/* The struct_size rule: a caller built against the first layout gets that
 * layout only, one built against a newer header than the library learns
 * what was filled, and a size below the first layout is refused. */
static void test_struct_size(void) {
    static const char text[] = "全区公办中小学由41所增加到67所。";
    const size_t first = offsetof(shushuo_metric, has_previous);
    struct newer {
        shushuo_metric m;
        double later;
    } big;
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc = extract(ex, text, strlen(text));
    shushuo_metric m;
    shushuo_entity e;

    /* Layout 1: has_previous and previous are not written. */
    memset(&m, 0xab, sizeof m);
    m.struct_size = first;
    CHECK_STATUS(shushuo_document_metric(doc, 1, &m), SHUSHUO_STATUS_OK);
    CHECK(m.struct_size == first && m.value == 67.0 && m.char_end > m.char_start);
    CHECK(!SHUSHUO_FILLED(&m, has_previous) && !SHUSHUO_FILLED(&m, previous));
    CHECK(((const unsigned char *)&m.has_previous)[0] == 0xab);
    CHECK(((const unsigned char *)&m.previous)[0] == 0xab);

    /* A struct larger than this library knows: filled up to si_unit, the
     * rest untouched, struct_size says so. */
    memset(&big, 0, sizeof big);
    big.later = -1.0;
    big.m.struct_size = sizeof big;
    CHECK_STATUS(shushuo_document_metric(doc, 1, &big.m), SHUSHUO_STATUS_OK);
    CHECK(big.m.struct_size == offsetof(shushuo_metric, si_unit) + sizeof(shushuo_str));
    CHECK(big.m.struct_size <= sizeof(shushuo_metric));
    CHECK(big.m.has_previous && big.m.previous == 41.0 && big.later == -1.0);

    /* Too small, or never set (0): refused, untouched. */
    memset(&m, 0xab, sizeof m);
    m.struct_size = first - 1;
    CHECK_STATUS(shushuo_document_metric(doc, 0, &m), SHUSHUO_STATUS_OUT_OF_RANGE);
    CHECK(contains(last_error(), "set struct_size = sizeof(shushuo_metric)"));
    CHECK(m.struct_size == first - 1 && ((const unsigned char *)&m.start)[0] == 0xab);
    m.struct_size = 0;
    CHECK_STATUS(shushuo_document_metric(doc, 0, &m), SHUSHUO_STATUS_OUT_OF_RANGE);
    CHECK(m.struct_size == 0);

    shushuo_document_free(doc);
    doc = extract(ex, "2022年，江北区新增学位8660个。", strlen("2022年，江北区新增学位8660个。"));
    e = blank_entity();
    e.struct_size = offsetof(shushuo_entity, code) - 1;
    CHECK(shushuo_document_entity_count(doc) > 0);
    CHECK_STATUS(shushuo_document_entity(doc, 0, &e), SHUSHUO_STATUS_OUT_OF_RANGE);
    CHECK(contains(last_error(), "sizeof(shushuo_entity)"));
    e.struct_size = sizeof e;
    CHECK_STATUS(shushuo_document_entity(doc, 0, &e), SHUSHUO_STATUS_OK);
    CHECK(e.struct_size == sizeof e && e.text.data != NULL);

    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
}

/* Metric layout 3: the value in an SI unit where the unit has one; a
 * caller built against layout 2 still gets previous and nothing after. */
static void test_si_value(void) {
    static const char text[] = "流转土地3亩，投入8亿元。";
    struct layout2 { /* shushuo_metric as the layout-2 header declared it */
        size_t struct_size, start, end;
        double value;
        shushuo_str text, unit, indicator, period, region;
        shushuo_approx approx;
        shushuo_change change;
        shushuo_quantity_kind kind;
        bool borderline;
        size_t char_start, char_end;
        bool has_previous;
        double previous;
    } old;
    const size_t second = offsetof(shushuo_metric, has_si);
    shushuo_extractor *ex = new_extractor("{\"entities\":false}");
    shushuo_document *doc = extract(ex, text, strlen(text));
    shushuo_metric m = blank_metric();

    /* Layout 2 ends where has_si starts (previous is 8-aligned). */
    CHECK(sizeof old == second);
    CHECK(offsetof(struct layout2, previous) == offsetof(shushuo_metric, previous));
    CHECK(shushuo_document_metric_count(doc) == 2);
    if (shushuo_document_metric_count(doc) == 2) {
        CHECK_STATUS(shushuo_document_metric(doc, 0, &m), SHUSHUO_STATUS_OK);
        CHECK(str_eq(m.text, "3亩") && m.value == 3.0 && str_eq(m.unit, "亩"));
        CHECK(m.kind == SHUSHUO_QUANTITY_KIND_AREA);
        CHECK(SHUSHUO_FILLED(&m, si_unit));
        CHECK(m.has_si && m.si_value > 2000.0 - 1e-6 && m.si_value < 2000.0 + 1e-6 && str_eq(m.si_unit, "m2"));

        /* Money has no SI unit. */
        m = blank_metric();
        CHECK_STATUS(shushuo_document_metric(doc, 1, &m), SHUSHUO_STATUS_OK);
        CHECK(str_eq(m.unit, "元") && m.kind == SHUSHUO_QUANTITY_KIND_MONEY);
        CHECK(!m.has_si && m.si_value == 0.0 && str_absent(m.si_unit));

        /* A caller built against layout 2: its struct is filled exactly,
         * nothing is written past it (valgrind would see it). */
        memset(&old, 0xab, sizeof old);
        old.struct_size = sizeof old;
        CHECK_STATUS(shushuo_document_metric(doc, 0, (shushuo_metric *)(void *)&old),
                     SHUSHUO_STATUS_OK);
        CHECK(old.struct_size == offsetof(struct layout2, previous) + sizeof(double));
        CHECK(old.value == 3.0 && !old.has_previous && old.previous == 0.0);
        CHECK(old.text.len == strlen("3亩") && memcmp(old.text.data, "3亩", old.text.len) == 0);

        /* The same with a struct_size between layouts 2 and 3. */
        memset(&m, 0xab, sizeof m);
        m.struct_size = offsetof(shushuo_metric, si_unit);
        CHECK_STATUS(shushuo_document_metric(doc, 0, &m), SHUSHUO_STATUS_OK);
        CHECK(m.struct_size == offsetof(shushuo_metric, previous) + sizeof(double));
        CHECK(SHUSHUO_FILLED(&m, previous) && !SHUSHUO_FILLED(&m, has_si));
        CHECK(!SHUSHUO_FILLED(&m, si_value) && !SHUSHUO_FILLED(&m, si_unit));
        CHECK(((const unsigned char *)&m.has_si)[0] == 0xab);
        CHECK(((const unsigned char *)&m.si_unit)[0] == 0xab);
    }
    check_document(doc, text, strlen(text));
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
}

/* Entity layout 2: a REGION may carry its division code and official name.
 * Either may be absent ({NULL, 0}); a code present is six ASCII digits. A
 * caller built against layout 1 gets layout 1. */
static void test_entity_code(void) {
    static const char text[] = "河北省、涪城区和江北区新增学位8660个，教育部印发通知。";
    const size_t first = offsetof(shushuo_entity, code);
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc = extract(ex, text, strlen(text));
    size_t i, n = shushuo_document_entity_count(doc), regions = 0;
    shushuo_entity e;

    CHECK(n > 0);
    for (i = 0; i < n; i++) {
        e = blank_entity();
        CHECK_STATUS(shushuo_document_entity(doc, i, &e), SHUSHUO_STATUS_OK);
        CHECK(SHUSHUO_FILLED(&e, code) && SHUSHUO_FILLED(&e, canonical));
        CHECK(str_absent(e.code) || is_division_code(e.code));
        CHECK(e.code.len == 0 || e.kind == SHUSHUO_ENTITY_KIND_REGION);
        CHECK(str_absent(e.canonical) || (e.canonical.data != NULL && e.canonical.len > 0));
        if (e.kind == SHUSHUO_ENTITY_KIND_REGION) {
            regions++;
            /* 河北省 is its own official name, whose code is 130000. */
            if (str_eq(e.text, "河北省") && e.code.len > 0) CHECK(str_eq(e.code, "130000"));
            if (str_eq(e.text, "河北省") && e.canonical.len > 0) CHECK(str_eq(e.canonical, "河北省"));
        }
    }
    CHECK(regions >= 1);

    /* Layout 1: code and canonical are not written. */
    memset(&e, 0xab, sizeof e);
    e.struct_size = first;
    CHECK_STATUS(shushuo_document_entity(doc, 0, &e), SHUSHUO_STATUS_OK);
    CHECK(e.struct_size == first && e.text.data != NULL);
    CHECK(SHUSHUO_FILLED(&e, char_end) && !SHUSHUO_FILLED(&e, code));
    CHECK(!SHUSHUO_FILLED(&e, canonical));
    CHECK(((const unsigned char *)&e.code)[0] == 0xab);
    CHECK(((const unsigned char *)&e.canonical)[0] == 0xab);
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);
}

/* Options are a JSON object, nothing else; unknown keys are named. */
static void test_options_object_only(void) {
    static const char *const not_objects[] = {
        "[\"2023-06-30\",true,false,\"江北区\"]", "[]", "null", "true", "0", "\"{}\"",
    };
    shushuo_extractor *ex;
    size_t i;

    for (i = 0; i < sizeof not_objects / sizeof not_objects[0]; i++) {
        ex = (shushuo_extractor *)&sentinel;
        CHECK_STATUS(shushuo_extractor_new(not_objects[i], &ex), SHUSHUO_STATUS_INVALID_OPTIONS);
        CHECK(ex == NULL);
        CHECK(contains(last_error(), "expected a JSON object"));
    }
    ex = (shushuo_extractor *)&sentinel;
    CHECK_STATUS(shushuo_extractor_new("{\"reference_date\":\"2023-06-30\",\"refrence\":1}", &ex),
                 SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK(ex == NULL);
    CHECK(contains(last_error(), "unknown field `refrence`"));
    /* Nested values keep their own types: a map is not a list of pairs. */
    CHECK_STATUS(shushuo_extractor_new("{\"extra_units\":[[\"篇\",\"count\"]]}", &ex),
                 SHUSHUO_STATUS_INVALID_OPTIONS);
    shushuo_extractor_free(new_extractor("{ }"));
}

/* A user dictionary named in the options: its names, units and stops. */
static void test_user_dict(void) {
    static const char text[] = "江北新苗学堂发表论文12篇，落户江北区。";
    char path[] = "/tmp/shushuo-dict-XXXXXX";
    char json[128];
    int fd = mkstemp(path);
    FILE *f;
    shushuo_extractor *ex = (shushuo_extractor *)&sentinel;
    shushuo_document *doc;
    shushuo_metric m;
    shushuo_entity e;
    size_t i, n, schools = 0;

    CHECK(fd >= 0);
    f = fdopen(fd, "w");
    fputs("# test dictionary\n江北新苗学堂 SCHOOL\n篇 UNIT count\n江北区 STOP\n", f);
    fclose(f);
    snprintf(json, sizeof json, "{\"user_dict\":\"%s\"}", path);
    ex = new_extractor(json);
    doc = extract(ex, text, strlen(text));
    CHECK(shushuo_document_metric_count(doc) == 1);
    m = blank_metric();
    CHECK_STATUS(shushuo_document_metric(doc, 0, &m), SHUSHUO_STATUS_OK);
    CHECK(m.value == 12.0 && str_eq(m.unit, "篇"));
    n = shushuo_document_entity_count(doc);
    for (i = 0; i < n; i++) {
        e = blank_entity();
        CHECK_STATUS(shushuo_document_entity(doc, i, &e), SHUSHUO_STATUS_OK);
        CHECK(!str_eq(e.text, "江北区"));
        if (e.kind == SHUSHUO_ENTITY_KIND_SCHOOL && str_eq(e.text, "江北新苗学堂")) schools++;
    }
    CHECK(schools == 1);
    shushuo_document_free(doc);
    shushuo_extractor_free(ex);

    /* A bad line names file and line; a missing file is an I/O error. */
    f = fopen(path, "w");
    fputs("江北新苗学堂 SCHOOL\n坏 FOO\n", f);
    fclose(f);
    ex = (shushuo_extractor *)&sentinel;
    CHECK_STATUS(shushuo_extractor_new(json, &ex), SHUSHUO_STATUS_INVALID_OPTIONS);
    CHECK(ex == NULL && contains(last_error(), ":2: unknown type"));
    remove(path);
    CHECK_STATUS(shushuo_extractor_new(json, &ex), SHUSHUO_STATUS_IO_ERROR);
    CHECK(ex == NULL && contains(last_error(), "cannot read"));
}

static void test_last_error_message(void) {
    shushuo_extractor *ex = NULL;
    char small[8];
    char big[256];
    size_t n;

    CHECK_STATUS(shushuo_extractor_new("{\"reference_date\":\"2023-13-01\"}", &ex),
                 SHUSHUO_STATUS_INVALID_OPTIONS);
    n = shushuo_last_error_message(NULL, 0);
    CHECK(n > sizeof small);
    CHECK(shushuo_last_error_message(big, sizeof big) == n);
    CHECK(strlen(big) == n && contains(big, "2023-13-01"));
    memset(small, 'x', sizeof small);
    CHECK(shushuo_last_error_message(small, sizeof small) == n);
    CHECK(strlen(small) == sizeof small - 1 && memcmp(small, big, sizeof small - 1) == 0);
    CHECK(shushuo_last_error_message(small, 0) == n && small[0] == big[0]);
    CHECK(shushuo_last_error_message(NULL, 100) == n);
    /* Success leaves the message of the last failure in place. */
    shushuo_extractor_free(new_extractor(NULL));
    CHECK(shushuo_last_error_message(NULL, 0) == n);
}

/* A text of at least 10 MB: the sample sentences over and over. */
static void test_large_text(void) {
    static const char unit[] =
        "2022年，青山区新增公办学位6320个，累计投入教育经费12.48亿元，比上年增长9.6%。\n";
    size_t unit_len = strlen(unit), reps = (10u << 20) / unit_len + 1, i;
    size_t len = unit_len * reps;
    char *text = malloc(len);
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc;

    CHECK(text != NULL);
    for (i = 0; i < reps; i++) memcpy(text + i * unit_len, unit, unit_len);
    doc = extract(ex, text, len);
    check_document(doc, text, len);
    shushuo_document_free(doc);
    /* Invalid UTF-8 at the very end of a large text is still found. */
    text[len - 1] = (char)0xff;
    doc = (shushuo_document *)&sentinel;
    CHECK_STATUS(shushuo_extract(ex, text, len, &doc), SHUSHUO_STATUS_INVALID_UTF8);
    CHECK(doc == NULL);
    free(text);
    shushuo_extractor_free(ex);
}

enum { THREADS = 4, ROUNDS = 25 };

struct thread_arg {
    const shushuo_extractor *ex;
    const char *expected_json;
    int failures;
    size_t message_len;
};

static void *worker(void *p) {
    struct thread_arg *arg = p;
    int r;
    char *json;
    shushuo_document *doc;
    char msg[64];

    for (r = 0; r < ROUNDS; r++) {
        doc = NULL;
        json = NULL;
        if (shushuo_extract(arg->ex, SIMPLE, strlen(SIMPLE), &doc) != SHUSHUO_STATUS_OK ||
            shushuo_document_to_json(doc, &json) != SHUSHUO_STATUS_OK ||
            strcmp(json, arg->expected_json) != 0)
            arg->failures++;
        shushuo_string_free(json);
        shushuo_document_free(doc);
        /* Each thread has its own last error. */
        if (shushuo_extract(arg->ex, "\xff", 1, &doc) != SHUSHUO_STATUS_INVALID_UTF8) arg->failures++;
        shushuo_last_error_message(msg, sizeof msg);
        if (strncmp(msg, "shushuo_extract: ", 17) != 0) arg->failures++;
    }
    arg->message_len = shushuo_last_error_message(NULL, 0);
    return NULL;
}

static void test_threads(void) {
    shushuo_extractor *ex = new_extractor(NULL);
    shushuo_document *doc = extract(ex, SIMPLE, strlen(SIMPLE));
    char *expected = NULL;
    pthread_t threads[THREADS];
    struct thread_arg args[THREADS];
    size_t mine;
    int i;

    CHECK_STATUS(shushuo_document_to_json(doc, &expected), SHUSHUO_STATUS_OK);
    shushuo_document_free(doc);
    CHECK_STATUS(shushuo_extractor_new("{", NULL), SHUSHUO_STATUS_NULL_ARGUMENT);
    mine = shushuo_last_error_message(NULL, 0);
    for (i = 0; i < THREADS; i++) {
        args[i].ex = ex;
        args[i].expected_json = expected;
        args[i].failures = 0;
        args[i].message_len = 0;
        CHECK(pthread_create(&threads[i], NULL, worker, &args[i]) == 0);
    }
    for (i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(args[i].failures == 0);
        CHECK(args[i].message_len > 0);
    }
    CHECK(shushuo_last_error_message(NULL, 0) == mine);
    CHECK(contains(last_error(), "shushuo_extractor_new: out is NULL"));
    shushuo_string_free(expected);
    shushuo_extractor_free(ex);
}

static int passed, failed;

static void run(const char *name, void (*test)(void)) {
    int before = failed_checks;
    test();
    if (failed_checks == before) {
        passed++;
        printf("ok   %s\n", name);
    } else {
        failed++;
        printf("FAIL %s\n", name);
    }
    fflush(stdout);
}

#define RUN(test) run(#test, test)

int main(void) {
    RUN(test_version);
    RUN(test_status_values);
    RUN(test_extractor_new);
    RUN(test_extract_errors);
    RUN(test_empty_text);
    RUN(test_document_null_arguments);
    RUN(test_index_out_of_range);
    RUN(test_simple_metric);
    RUN(test_report_and_lifetimes);
    RUN(test_previous);
    RUN(test_struct_size);
    RUN(test_si_value);
    RUN(test_entity_code);
    RUN(test_options_object_only);
    RUN(test_user_dict);
    RUN(test_last_error_message);
    RUN(test_large_text);
    RUN(test_threads);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
