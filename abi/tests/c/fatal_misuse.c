/* API misuse that CPython answers with a fatal error; argv[1] picks the scenario. Both runtimes
 * must print the same "Fatal Python error: ..." line (thread-state addresses aside) and abort. */
#include <Python.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static void *release_without_state(void *arg) {
    (void)arg;
    PyGILState_Release(PyGILState_UNLOCKED);
    return NULL;
}

int main(int argc, char **argv) {
    const char *s = argc > 1 ? argv[1] : "";
    Py_Initialize();
    if (!strcmp(s, "release_not_current")) {
        PyGILState_STATE st = PyGILState_Ensure();
        PyEval_SaveThread();
        PyGILState_Release(st);
    } else if (!strcmp(s, "release_without_state")) {
        pthread_t t;
        pthread_create(&t, NULL, release_without_state, NULL);
        pthread_join(t, NULL);
    } else if (!strcmp(s, "delete_current")) {
        PyThreadState_Delete(PyThreadState_Get());
    } else if (!strcmp(s, "restore_while_attached")) {
        PyEval_RestoreThread(PyThreadState_Get());
    } else if (!strcmp(s, "end_not_last")) {
        PyThreadState *sub = Py_NewInterpreter();
        PyThreadState_New(PyThreadState_GetInterpreter(sub));
        Py_EndInterpreter(sub);
    } else if (!strcmp(s, "end_not_current")) {
        PyThreadState *main_ts = PyThreadState_Get();
        PyThreadState *sub = Py_NewInterpreter();
        PyThreadState_Swap(main_ts);
        Py_EndInterpreter(sub);
    } else if (!strcmp(s, "delete_current_unattached")) {
        PyEval_SaveThread();
        PyThreadState_DeleteCurrent();
    } else if (!strcmp(s, "restore_null")) {
        PyEval_SaveThread();
        PyEval_RestoreThread(NULL);
    } else if (!strcmp(s, "acquire_null")) {
        PyEval_SaveThread();
        PyEval_AcquireThread(NULL);
    } else if (!strcmp(s, "delete_null")) {
        PyThreadState_Delete(NULL);
    } else if (!strcmp(s, "interp_get_unattached")) {
        PyEval_SaveThread();
        PyInterpreterState_Get();
    } else if (!strcmp(s, "get_unattached")) {
        PyEval_SaveThread();
        PyThreadState_Get();
    }
    printf("no fatal error\n");
    return 0;
}
