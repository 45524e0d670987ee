/* Thread-state and interpreter benchmarks through the C API, for pyrt and CPython alike.
 *
 * Built three times by run.sh — against pyrt's library and headers, against CPython 3.11 and
 * against CPython 3.13 — from this one source, which uses only CPython's public API. Prints one
 * line per figure: "<name> <value> <unit>".
 *
 *   save_restore         PyEval_SaveThread + PyEval_RestoreThread pair, attached main thread
 *   gilstate_nested      PyGILState_Ensure + Release while already attached
 *   gilstate_outermost   Ensure + Release on a thread with no thread state: each Release
 *                        deletes the state, each Ensure makes a new one (CPython's semantics)
 *   first_ensure         first PyGILState_Ensure on a new OS thread, median over 200 threads
 *   interp_create_destroy Py_NewInterpreter + Py_EndInterpreter
 *   idle_interp_memory   resident memory per idle interpreter (K created, kept alive)
 *   kept_after_50        resident memory kept after creating and destroying 50 interpreters
 */
#include <Python.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* Resident set size in KiB (/proc/self/statm). */
static long rss_kib(void) {
    long pages_total = 0, pages_resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f || fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) {
        fprintf(stderr, "cannot read /proc/self/statm\n");
        exit(1);
    }
    fclose(f);
    return pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Best of `rounds` timings of `iters` calls of `body`, in ns per call. */
#define BEST_NS_PER_OP(result, rounds, iters, body)                 \
    do {                                                            \
        double best_ = 1e300;                                       \
        for (int r_ = 0; r_ < (rounds); r_++) {                     \
            double t0_ = now_ns();                                  \
            for (long i_ = 0; i_ < (iters); i_++) {                 \
                body;                                               \
            }                                                       \
            double per_ = (now_ns() - t0_) / (double)(iters);       \
            if (per_ < best_) best_ = per_;                         \
        }                                                           \
        (result) = best_;                                           \
    } while (0)

/* ---- outermost GILState pairs on a thread without a thread state ---- */

static void *outermost_worker(void *arg) {
    double *result = arg;
    BEST_NS_PER_OP(*result, 5, 20000, {
        PyGILState_STATE s = PyGILState_Ensure();
        PyGILState_Release(s);
    });
    return NULL;
}

/* ---- first Ensure on a new OS thread ---- */

#define FIRST_ENSURE_THREADS 200

static void *first_ensure_worker(void *arg) {
    double *result = arg;
    double t0 = now_ns();
    PyGILState_STATE s = PyGILState_Ensure();
    *result = now_ns() - t0;
    PyGILState_Release(s);
    return NULL;
}

/* ---- interpreters ---- */

/* Creates a sub-interpreter and returns its thread state; `main` is current again after. */
static PyThreadState *new_interpreter(PyThreadState *main) {
    PyThreadState *sub = Py_NewInterpreter();
    if (!sub) {
        fprintf(stderr, "Py_NewInterpreter failed\n");
        exit(1);
    }
    PyThreadState_Swap(main);
    return sub;
}

static void end_interpreter(PyThreadState *main, PyThreadState *sub) {
    PyThreadState_Swap(sub);
    Py_EndInterpreter(sub);
    PyThreadState_Swap(main);
}

int main(void) {
    Py_InitializeEx(0);
    PyThreadState *main_ts = PyThreadState_Get();

    /* Memory first, before thread creation grows the process's malloc arenas. */
#ifdef PYRT_VERSION
    const int idle_count = 1000; /* small interpreters: enough of them to rise above RSS noise */
#else
    const int idle_count = 20;
#endif
    {
        PyThreadState **subs = malloc(sizeof(PyThreadState *) * idle_count);
        /* One interpreter created and destroyed first, so one-time setup is not counted. */
        end_interpreter(main_ts, new_interpreter(main_ts));
        long before = rss_kib();
        for (int i = 0; i < idle_count; i++) subs[i] = new_interpreter(main_ts);
        long after = rss_kib();
        printf("idle_interp_memory %.1f KiB\n", (double)(after - before) / idle_count);
        for (int i = 0; i < idle_count; i++) end_interpreter(main_ts, subs[i]);
        free(subs);
    }
    {
        long before = rss_kib();
        for (int i = 0; i < 50; i++) end_interpreter(main_ts, new_interpreter(main_ts));
        long after = rss_kib();
        printf("kept_after_50 %ld KiB\n", after - before);
    }

    double ns;
    BEST_NS_PER_OP(ns, 5, 1000000, {
        PyThreadState *ts = PyEval_SaveThread();
        PyEval_RestoreThread(ts);
    });
    printf("save_restore %.1f ns\n", ns);

    BEST_NS_PER_OP(ns, 5, 1000000, {
        PyGILState_STATE s = PyGILState_Ensure();
        PyGILState_Release(s);
    });
    printf("gilstate_nested %.1f ns\n", ns);

    /* The other threads need the lock: the main thread detaches while they run. */
    PyThreadState *saved = PyEval_SaveThread();
    {
        pthread_t t;
        double result = 0;
        pthread_create(&t, NULL, outermost_worker, &result);
        pthread_join(t, NULL);
        printf("gilstate_outermost %.1f ns\n", result);
    }
    {
        double samples[FIRST_ENSURE_THREADS];
        for (int i = 0; i < FIRST_ENSURE_THREADS; i++) {
            pthread_t t;
            pthread_create(&t, NULL, first_ensure_worker, &samples[i]);
            pthread_join(t, NULL);
        }
        qsort(samples, FIRST_ENSURE_THREADS, sizeof(double), cmp_double);
        printf("first_ensure %.2f us\n", samples[FIRST_ENSURE_THREADS / 2] / 1000.0);
    }
    PyEval_RestoreThread(saved);

    {
        /* Time-boxed: CPython takes milliseconds per interpreter, pyrt about a microsecond. */
        double best = 1e300;
        for (int r = 0; r < 5; r++) {
            long n = 0;
            double t0 = now_ns(), t;
            do {
                end_interpreter(main_ts, new_interpreter(main_ts));
                n++;
                t = now_ns();
            } while (t - t0 < 1e8 && n < 100000);
            if ((t - t0) / n < best) best = (t - t0) / n;
        }
        printf("interp_create_destroy %.2f us\n", best / 1000.0);
    }

    if (Py_FinalizeEx() < 0) return 1;
    return 0;
}
