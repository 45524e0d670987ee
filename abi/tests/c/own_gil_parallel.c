/* pyrt only: interpreters with their own lock (PEP 684) and without a lock (PEP 703) in one
 * process, entered from foreign threads with PyrtGILState_EnsureIn. The barrier inside the
 * attached section can only be passed if both threads are attached at the same time. */
#include <Python.h>
#include <pthread.h>
#include <stdio.h>

static pthread_barrier_t barrier;

static void *worker(void *arg) {
    PyInterpreterState *interp = arg;
    PyrtGILState g = PyrtGILState_EnsureIn(interp);
    if (PyInterpreterState_Get() != interp) Py_FatalError("attached to the wrong interpreter");
    PyrtGILState nested = PyrtGILState_EnsureIn(interp);
    if (nested.state != PyGILState_LOCKED) Py_FatalError("nested EnsureIn must be LOCKED");
    PyrtGILState_ReleaseIn(nested);
    pthread_barrier_wait(&barrier); /* both attached at once */
    PyrtGILState_ReleaseIn(g);
    return NULL;
}

static PyInterpreterState *make(int gil) {
    PyInterpreterConfig config = _PyInterpreterConfig_INIT;
    config.gil = gil;
    PyThreadState *ts = NULL;
    PyStatus status = Py_NewInterpreterFromConfig(&ts, &config);
    if (PyStatus_Exception(status)) Py_FatalError(status.err_msg);
    PyInterpreterState *interp = PyThreadState_GetInterpreter(ts);
    PyThreadState_Swap(NULL);
    PyThreadState_Clear(ts);
    PyThreadState_Delete(ts);
    return interp;
}

int main(void) {
    Py_Initialize();
    PyThreadState *main_ts = PyEval_SaveThread();
    PyInterpreterState *own = make(PyInterpreterConfig_OWN_GIL);
    PyInterpreterState *free_threaded = make(PyrtInterpreterConfig_NO_GIL);

    PyInterpreterState *pairs[2][2] = {{own, PyInterpreterState_Main()}, {free_threaded, free_threaded}};
    for (int p = 0; p < 2; p++) {
        pthread_barrier_init(&barrier, NULL, 2);
        pthread_t a, b;
        pthread_create(&a, NULL, worker, pairs[p][0]);
        pthread_create(&b, NULL, worker, pairs[p][1]);
        pthread_join(a, NULL);
        pthread_join(b, NULL);
        pthread_barrier_destroy(&barrier);
        printf("%s: two threads attached at once\n", p == 0 ? "own lock + main" : "free-threaded");
    }

    PyInterpreterConfig bad = _PyInterpreterConfig_INIT;
    bad.gil = 7;
    PyThreadState *none = NULL;
    PyStatus status = Py_NewInterpreterFromConfig(&none, &bad);
    printf("bad config: %s\n", PyStatus_Exception(status) ? status.err_msg : "accepted");

    PyEval_RestoreThread(main_ts);
    Py_Finalize();
    return 0;
}
