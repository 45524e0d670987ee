/* Py_NewInterpreterFromConfig's answers for CPython 3.13's config rules, and Py_NewInterpreter /
 * Py_NewInterpreterFromConfig before Py_Initialize (argv[1]: "uninit", "uninit_cfg"). */
#include <Python.h>
#include <stdio.h>
#include <string.h>

static void try_config(const char *name, PyInterpreterConfig cfg) {
    PyThreadState *main_ts = PyThreadState_Get();
    PyThreadState *ts = NULL;
    PyStatus st = Py_NewInterpreterFromConfig(&ts, &cfg);
    if (PyStatus_Exception(st)) {
        printf("%s: error in %s: %s; tstate NULL: %d\n", name, st.func, st.err_msg, ts == NULL);
        PyThreadState_Swap(main_ts);
    } else {
        printf("%s: ok\n", name);
        Py_EndInterpreter(ts);
        PyThreadState_Swap(main_ts);
    }
}

int main(int argc, char **argv) {
    if (argc > 1 && !strcmp(argv[1], "uninit")) {
        Py_NewInterpreter();
        printf("returned\n");
        return 0;
    }
    if (argc > 1 && !strcmp(argv[1], "uninit_cfg")) {
        PyThreadState *ts = NULL;
        PyInterpreterConfig c = {.check_multi_interp_extensions = 1, .gil = PyInterpreterConfig_OWN_GIL};
        PyStatus st = Py_NewInterpreterFromConfig(&ts, &c);
        printf("uninitialized: error in %s: %s\n", st.func, st.err_msg);
        return 0;
    }
    Py_Initialize();
    PyInterpreterConfig a = {.use_main_obmalloc = 1, .allow_threads = 1, .gil = PyInterpreterConfig_SHARED_GIL};
    try_config("main obmalloc, shared lock", a);
    PyInterpreterConfig b = {.use_main_obmalloc = 1, .allow_threads = 1, .check_multi_interp_extensions = 1,
                             .gil = PyInterpreterConfig_OWN_GIL};
    try_config("main obmalloc, own lock", b);
    PyInterpreterConfig c = {.allow_threads = 1, .gil = PyInterpreterConfig_SHARED_GIL};
    try_config("own obmalloc, single-phase extensions", c);
    PyInterpreterConfig d = {.allow_daemon_threads = 1, .check_multi_interp_extensions = 1,
                             .gil = PyInterpreterConfig_OWN_GIL};
    try_config("daemon threads without threads", d);
    PyInterpreterConfig e = {.allow_threads = 1, .check_multi_interp_extensions = 1, .gil = 7};
    try_config("bad gil", e);
    printf("finalized: %d\n", Py_FinalizeEx() == 0);
    return 0;
}
