/*
 * The C ABI from many threads at once, for a race detector (tests/c/Makefile:
 * `make helgrind`, `make tsan`); also a plain test on its own.
 *
 *   test_threads [FILE]    (FILE: a report; a built-in text otherwise)
 *
 * Phase 1: THREADS threads share one fresh extractor and call it at the same
 *          moment (a barrier), so the library's lazily built tables are
 *          first built under contention; each thread extracts the text and a
 *          few others, and serialises the documents.
 * Phase 2: THREADS threads read one shared document at once: counts,
 *          getters, region and JSON.
 * Each thread also checks that its last error message is its own.
 * Every thread's output must equal the single-threaded one.
 * SHUSHUO_THREAD_ROUNDS (default 2) sets how often each thread repeats;
 * SHUSHUO_THREAD_WARMUP=1 extracts once before phase 1 (for helgrind).
 */
#define _POSIX_C_SOURCE 200809L
#include <shushuo.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { THREADS = 8, TEXTS = 4 };

static const char *texts[TEXTS] = {
    NULL, /* the report (argv[1]) or the built-in text */
    "2023年江北区地区生产总值达到1234.5亿元，同比增长6.2%。教育部在北京召开会议。",
    "去年底全县常住人口約三十二萬人，比上年減少0.4%；明年3月，實驗小學新增學位1,200個。",
    "资金九亿亿亿元，比例0.111111111111%，2023年2月31日，31分之308。",
};
static size_t lens[TEXTS];

static pthread_barrier_t barrier;
static shushuo_extractor *ex;
static shushuo_document *shared_doc;
static int rounds = 2;

struct result {
    char *json[TEXTS];
    char *shared_json;
    int failures;
};
static struct result results[THREADS];

static char *to_json(const shushuo_document *doc) {
    char *json = NULL;
    if (shushuo_document_to_json(doc, &json) != SHUSHUO_STATUS_OK) return NULL;
    return json;
}

/* Metric and entity getters over the whole document; returns a checksum of
 * the offsets so the reads cannot be optimised away. */
static size_t read_records(const shushuo_document *doc, int *failures) {
    size_t sum = 0, i, n;
    shushuo_str region;
    if (shushuo_document_region(doc, &region) != SHUSHUO_STATUS_OK) (*failures)++;
    sum += region.len;
    n = shushuo_document_metric_count(doc);
    for (i = 0; i < n; i++) {
        shushuo_metric m;
        m.struct_size = sizeof m;
        if (shushuo_document_metric(doc, i, &m) != SHUSHUO_STATUS_OK) (*failures)++;
        sum += m.start + m.end + m.text.len + m.indicator.len + (m.text.len ? (unsigned char)m.text.data[0] : 0);
    }
    n = shushuo_document_entity_count(doc);
    for (i = 0; i < n; i++) {
        shushuo_entity e;
        e.struct_size = sizeof e;
        if (shushuo_document_entity(doc, i, &e) != SHUSHUO_STATUS_OK) (*failures)++;
        sum += e.start + e.end + e.normalized.len;
    }
    return sum;
}

static void *phase1(void *p) {
    struct result *res = p;
    int r, t;
    char msg[128];
    pthread_barrier_wait(&barrier);
    for (r = 0; r < rounds; r++) {
        for (t = 0; t < TEXTS; t++) {
            shushuo_document *doc = NULL;
            char *json;
            if (shushuo_extract(ex, texts[t], lens[t], &doc) != SHUSHUO_STATUS_OK) {
                res->failures++;
                continue;
            }
            read_records(doc, &res->failures);
            json = to_json(doc);
            if (json == NULL) {
                res->failures++;
            } else if (res->json[t] == NULL) {
                res->json[t] = json;
            } else {
                if (strcmp(json, res->json[t]) != 0) res->failures++;
                shushuo_string_free(json);
            }
            shushuo_document_free(doc);
        }
        /* This thread's own last error. */
        {
            shushuo_document *bad = NULL;
            if (shushuo_extract(ex, "\xff", 1, &bad) != SHUSHUO_STATUS_INVALID_UTF8 || bad != NULL)
                res->failures++;
        }
        shushuo_last_error_message(msg, sizeof msg);
        if (strstr(msg, "shushuo_extract") == NULL) res->failures++;
    }
    return NULL;
}

static void *phase2(void *p) {
    struct result *res = p;
    size_t first = 0, sum;
    int r;
    pthread_barrier_wait(&barrier);
    for (r = 0; r < rounds; r++) {
        sum = read_records(shared_doc, &res->failures);
        if (r == 0) first = sum;
        if (sum != first) res->failures++;
        if (res->shared_json == NULL) {
            res->shared_json = to_json(shared_doc);
        } else {
            char *json = to_json(shared_doc);
            if (json == NULL || strcmp(json, res->shared_json) != 0) res->failures++;
            shushuo_string_free(json);
        }
    }
    return NULL;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        if (f) fclose(f);
        return NULL;
    }
    buf = malloc((size_t)size + 1);
    if (buf == NULL || fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return buf;
}

static int run_phase(void *(*fn)(void *)) {
    pthread_t threads[THREADS];
    int i, ok = 1;
    if (pthread_barrier_init(&barrier, NULL, THREADS) != 0) return 0;
    for (i = 0; i < THREADS; i++) {
        if (pthread_create(&threads[i], NULL, fn, &results[i]) != 0) return 0;
    }
    for (i = 0; i < THREADS; i++) {
        if (pthread_join(threads[i], NULL) != 0) ok = 0;
    }
    pthread_barrier_destroy(&barrier);
    return ok;
}

int main(int argc, char **argv) {
    char *report = NULL;
    const char *env = getenv("SHUSHUO_THREAD_ROUNDS");
    const char *warm_env = getenv("SHUSHUO_THREAD_WARMUP");
    int warm = warm_env != NULL && strcmp(warm_env, "1") == 0;
    int i, t, failures = 0;
    if (env != NULL && atoi(env) > 0) rounds = atoi(env);
    if (argc > 1) {
        report = read_file(argv[1], &lens[0]);
        if (report == NULL) {
            fprintf(stderr, "test_threads: cannot read %s\n", argv[1]);
            return 2;
        }
        texts[0] = report;
    } else {
        texts[0] = "全市一般公共预算收入完成86.6亿元，增长5.3%。";
        lens[0] = strlen(texts[0]);
    }
    for (t = 1; t < TEXTS; t++) lens[t] = strlen(texts[t]);
    if (shushuo_extractor_new("{\"reference_date\":\"2024-06-30\"}", &ex) != SHUSHUO_STATUS_OK) {
        fprintf(stderr, "test_threads: no extractor\n");
        return 2;
    }

    if (warm) {
        /* Under helgrind: build the lazy tables before any thread starts
         * (helgrind cannot see the atomics and futexes that order
         * std::sync::OnceLock, so racing first use would only report those). */
        shushuo_document *doc = NULL;
        for (t = 0; t < TEXTS; t++) {
            if (shushuo_extract(ex, texts[t], lens[t], &doc) != SHUSHUO_STATUS_OK) failures++;
            shushuo_document_free(doc);
            doc = NULL;
        }
    }
    if (!run_phase(phase1)) failures++;
    /* Single-threaded reference, after the threads. */
    for (t = 0; t < TEXTS; t++) {
        shushuo_document *doc = NULL;
        char *json;
        if (shushuo_extract(ex, texts[t], lens[t], &doc) != SHUSHUO_STATUS_OK) {
            failures++;
            continue;
        }
        json = to_json(doc);
        for (i = 0; i < THREADS; i++) {
            if (json == NULL || results[i].json[t] == NULL || strcmp(json, results[i].json[t]) != 0) {
                fprintf(stderr, "thread %d: text %d differs from the single-threaded document\n", i, t);
                failures++;
            }
        }
        if (t == 0) {
            shared_doc = doc;
        } else {
            shushuo_document_free(doc);
        }
        shushuo_string_free(json);
    }

    if (shared_doc != NULL && !run_phase(phase2)) failures++;
    for (i = 0; i < THREADS; i++) {
        if (results[i].failures) fprintf(stderr, "thread %d: %d failure(s)\n", i, results[i].failures);
        failures += results[i].failures;
        if (shared_doc != NULL && (results[i].shared_json == NULL ||
                                   strcmp(results[i].shared_json, results[0].shared_json) != 0)) {
            fprintf(stderr, "thread %d: the shared document's JSON differs\n", i);
            failures++;
        }
    }
    for (i = 0; i < THREADS; i++) {
        for (t = 0; t < TEXTS; t++) shushuo_string_free(results[i].json[t]);
        shushuo_string_free(results[i].shared_json);
    }
    shushuo_document_free(shared_doc);
    shushuo_extractor_free(ex);
    free(report);
    printf("test_threads: %d threads x %d rounds x %d texts, %d failure(s)\n", THREADS, rounds, TEXTS,
           failures);
    return failures == 0 ? 0 : 1;
}
