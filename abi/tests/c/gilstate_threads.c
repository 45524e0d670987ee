/* PyGILState from threads Python did not create (CPython's test_bpo20891 and
 * _testcapi.test_thread_state), nested Ensure, Py_BEGIN/END_ALLOW_THREADS.
 * Portable: compiled against CPython too, with the same output expected. */
#include <Python.h>
#if PY_VERSION_HEX < 0x030D0000
#  define PyThreadState_GetUnchecked _PyThreadState_UncheckedGet /* before 3.13 */
#endif
#include <pthread.h>
#include <stdio.h>

#define THREADS 4

static int calls;

static void call_from_anywhere(void) {
    PyGILState_STATE outer = PyGILState_Ensure();
    PyGILState_STATE inner = PyGILState_Ensure();
    if (inner != PyGILState_LOCKED) Py_FatalError("nested Ensure must be LOCKED");
    if (!PyGILState_Check()) Py_FatalError("PyGILState_Check after Ensure");
    calls++; /* serialised by the interpreter lock */
    PyGILState_Release(inner);
    if (PyThreadState_GetUnchecked() == NULL) Py_FatalError("inner Release detached");
    PyGILState_Release(outer);
}

static void *foreign(void *arg) {
    (void)arg;
    if (PyGILState_GetThisThreadState() != NULL) Py_FatalError("a new thread has no state");
    for (int i = 0; i < 100; i++) call_from_anywhere();
    if (PyGILState_GetThisThreadState() != NULL) Py_FatalError("Ensure's state outlived its Release");
    return NULL;
}

int main(void) {
    Py_Initialize();
    call_from_anywhere(); /* from the main thread, attached */
    pthread_t t[THREADS];
    Py_BEGIN_ALLOW_THREADS
    call_from_anywhere(); /* from the main thread, detached */
    for (int i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, foreign, NULL);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
    Py_END_ALLOW_THREADS
    printf("calls: %d\n", calls);
    printf("main state kept: %s\n", PyGILState_GetThisThreadState() == PyThreadState_Get() ? "yes" : "no");
    Py_Finalize();
    printf("finalized: %d\n", Py_IsInitialized() == 0);
    return 0;
}
