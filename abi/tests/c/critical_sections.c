/* pyrt only (CPython 3.13's API, absent from 3.11): PyMutex and Py_BEGIN_CRITICAL_SECTION in a
 * free-threaded interpreter — nesting, pairs in both argument orders from two threads, a section
 * suspended across Py_BEGIN_ALLOW_THREADS — and a no-op section in an interpreter with a lock. */
#include <Python.h>
#include <pthread.h>
#include <stdio.h>

#define ROUNDS 20000

static PyInterpreterState *free_threaded;
static PyObject *a, *b;
static long counter; /* only touched inside sections on a */

static void *worker(void *arg) {
    int reversed = arg != NULL;
    PyrtGILState g = PyrtGILState_EnsureIn(free_threaded);
    for (int i = 0; i < ROUNDS; i++) {
        if (i % 2) {
            Py_BEGIN_CRITICAL_SECTION2(reversed ? b : a, reversed ? a : b);
            counter++;
            Py_END_CRITICAL_SECTION2();
        } else {
            Py_BEGIN_CRITICAL_SECTION(a);
            counter++;
            Py_END_CRITICAL_SECTION();
        }
    }
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

    PyMutex m = {0};
    PyMutex_Lock(&m);
    printf("mutex locked: %d\n", m._bits == _Py_LOCKED);
    PyMutex_Unlock(&m);
    printf("mutex unlocked: %d\n", m._bits == _Py_UNLOCKED);

    free_threaded = make(PyrtInterpreterConfig_NO_GIL);
    PyrtGILState g = PyrtGILState_EnsureIn(free_threaded);
    a = PyLong_FromLong(1L << 40);
    b = PyLong_FromLong(1L << 41);
    Py_BEGIN_CRITICAL_SECTION(a);
    printf("a locked: %d\n", a->ob_mutex._bits & 1);
    Py_BEGIN_CRITICAL_SECTION(a); /* re-entry */
    Py_BEGIN_CRITICAL_SECTION2(b, a);
    printf("pair locked: %d\n", (a->ob_mutex._bits & 1) && (b->ob_mutex._bits & 1));
    Py_END_CRITICAL_SECTION2();
    printf("b unlocked, a still locked: %d\n", !(b->ob_mutex._bits & 1) && (a->ob_mutex._bits & 1));
    Py_END_CRITICAL_SECTION();
    Py_BEGIN_ALLOW_THREADS
    printf("suspended while detached: %d\n", !(a->ob_mutex._bits & 1));
    Py_END_ALLOW_THREADS
    printf("resumed at attach: %d\n", a->ob_mutex._bits & 1);
    Py_END_CRITICAL_SECTION();
    printf("all unlocked: %d\n", !(a->ob_mutex._bits & 1) && !(b->ob_mutex._bits & 1));

    pthread_t t1, t2;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&t1, NULL, worker, NULL);
    pthread_create(&t2, NULL, worker, (void *)1);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    Py_END_ALLOW_THREADS
    printf("counter: %ld\n", counter);
    Py_DECREF(a);
    Py_DECREF(b);
    PyrtGILState_ReleaseIn(g);

    PyInterpreterState *own = make(PyInterpreterConfig_OWN_GIL);
    g = PyrtGILState_EnsureIn(own);
    PyObject *c = PyLong_FromLong(1L << 42);
    Py_BEGIN_CRITICAL_SECTION(c);
    printf("with a lock, no mutex: %d\n", c->ob_mutex._bits == 0);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(c);
    PyrtGILState_ReleaseIn(g);

    PyEval_RestoreThread(main_ts);
    Py_Finalize();
    return 0;
}
