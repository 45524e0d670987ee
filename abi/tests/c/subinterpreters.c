/* Repeated init/finalize with sub-interpreters (CPython's test_repeated_init_and_subinterpreters):
 * ids restart at 0, sub-interpreters get 1, 2, 3, states are distinct, iteration is newest first.
 * Portable: compiled against CPython too, with the same output expected. */
#include <Python.h>
#if PY_VERSION_HEX < 0x030D0000
#  define PyThreadState_GetUnchecked _PyThreadState_UncheckedGet /* before 3.13 */
#endif
#include <stdio.h>

static int count_interpreters(void) {
    int n = 0;
    for (PyInterpreterState *i = PyInterpreterState_Head(); i; i = PyInterpreterState_Next(i)) n++;
    return n;
}

int main(void) {
    for (int pass = 0; pass < 3; pass++) {
        Py_Initialize();
        PyThreadState *main_ts = PyThreadState_Get();
        PyInterpreterState *main_interp = PyThreadState_GetInterpreter(main_ts);
        printf("pass %d: main interp %lld\n", pass, (long long)PyInterpreterState_GetID(main_interp));
        PyThreadState *subs[3];
        for (int i = 0; i < 3; i++) {
            PyThreadState_Swap(NULL);
            subs[i] = Py_NewInterpreter();
            if (subs[i] == NULL) return 1;
            if (PyThreadState_Get() != subs[i]) Py_FatalError("new sub-interpreter state not current");
            PyInterpreterState *interp = PyInterpreterState_Get();
            printf("  sub interp %lld, distinct: %d, head: %d\n", (long long)PyInterpreterState_GetID(interp),
                   interp != main_interp && subs[i] != main_ts, PyInterpreterState_Head() == interp);
        }
        printf("  interpreters: %d, main is last: %d\n", count_interpreters(),
               PyInterpreterState_Next(PyInterpreterState_Next(PyInterpreterState_Next(PyInterpreterState_Head()))) == main_interp);
        for (int i = 2; i >= 0; i--) {
            PyThreadState_Swap(subs[i]);
            Py_EndInterpreter(subs[i]);
        }
        printf("  after end: %d, current: %s\n", count_interpreters(), PyThreadState_GetUnchecked() ? "set" : "NULL");
        PyThreadState_Swap(main_ts);
        Py_Finalize();
    }
    return 0;
}
