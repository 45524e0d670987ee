/* CPU time of the two thread-switch pairs, for comparing two builds of pyrt (or pyrt and
 * CPython) on a loaded machine, where wall-clock figures move by 2x between runs.
 *
 *   pairs sr N      N x (PyEval_SaveThread + PyEval_RestoreThread) on the main thread, 3 rounds
 *   pairs outer N   N x outermost (PyGILState_Ensure + Release) on a new thread, 3 rounds
 *
 * Run it for two N under `perf stat -e task-clock` and divide the difference by 3 x the
 * difference of N: what is left is the CPU time of one pair, without start-up and without the
 * time the process waited for a core (benches/README.md, "Lazy lock release ..."). It prints
 * wall-clock figures too. Build like cbench.c (see run.sh).
 */
#include <Python.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long pairs;

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static void *outermost(void *arg) {
    (void)arg;
    for (int r = 0; r < 3; r++) {
        double t0 = now_ns();
        for (long i = 0; i < pairs; i++) {
            PyGILState_STATE s = PyGILState_Ensure();
            PyGILState_Release(s);
        }
        printf("gilstate_outermost %.1f ns\n", (now_ns() - t0) / (double)pairs);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 3 || (strcmp(argv[1], "sr") != 0 && strcmp(argv[1], "outer") != 0)) {
        fprintf(stderr, "usage: %s sr|outer N\n", argv[0]);
        return 2;
    }
    pairs = atol(argv[2]);
    Py_InitializeEx(0);
    if (strcmp(argv[1], "sr") == 0) {
        for (int r = 0; r < 3; r++) {
            double t0 = now_ns();
            for (long i = 0; i < pairs; i++) {
                PyThreadState *ts = PyEval_SaveThread();
                PyEval_RestoreThread(ts);
            }
            printf("save_restore %.1f ns\n", (now_ns() - t0) / (double)pairs);
        }
    } else {
        /* The worker needs the lock: the main thread detaches while it runs. */
        PyThreadState *saved = PyEval_SaveThread();
        pthread_t t;
        pthread_create(&t, NULL, outermost, NULL);
        pthread_join(t, NULL);
        PyEval_RestoreThread(saved);
    }
    return Py_FinalizeEx() < 0;
}
