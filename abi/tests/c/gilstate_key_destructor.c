/* PyGILState_Ensure from a thread-specific-data destructor (what a C++ thread_local destructor
 * does): it runs while the thread's own thread-locals are being torn down, and must work as in
 * CPython. */
#include <Python.h>
#include <pthread.h>
#include <stdio.h>

static pthread_key_t key;

static void at_thread_exit(void *value) {
    (void)value;
    PyGILState_STATE s = PyGILState_Ensure();
    printf("ensure in a key destructor: attached %d\n", PyGILState_Check());
    fflush(stdout);
    PyGILState_Release(s);
}

static void *worker(void *arg) {
    (void)arg;
    pthread_setspecific(key, (void *)1);
    PyGILState_STATE s = PyGILState_Ensure();
    PyGILState_Release(s);
    return NULL;
}

int main(void) {
    Py_Initialize();
    pthread_key_create(&key, at_thread_exit);
    PyThreadState *saved = PyEval_SaveThread();
    for (int i = 0; i < 2; i++) {
        pthread_t t;
        pthread_create(&t, NULL, worker, NULL);
        pthread_join(t, NULL);
    }
    PyEval_RestoreThread(saved);
    pthread_key_delete(key);
    printf("finalized: %d\n", Py_FinalizeEx() == 0);
    return 0;
}
