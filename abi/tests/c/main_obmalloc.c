/* Legacy sub-interpreters (Py_NewInterpreter: use_main_obmalloc = 1, the main GIL) allocate from
 * the main interpreter's memory, and ending one leaves the main interpreter's objects intact:
 * each pass keeps main objects across three sub-interpreters that allocate, free, leak one
 * object and end, then reads the main objects back and allocates more. Portable: compiled
 * against CPython too, with the same output expected. */
#include <Python.h>
#include <stdio.h>

#define KEPT 2000

int main(void) {
    for (int pass = 0; pass < 2; pass++) {
        Py_Initialize();
        PyThreadState *main_ts = PyThreadState_Get();
        static PyObject *kept[KEPT];
        for (long i = 0; i < KEPT; i++) kept[i] = PyLong_FromLong(1000000 + i);
        long leaked_sum = 0;
        for (int s = 0; s < 3; s++) {
            PyThreadState_Swap(NULL);
            PyThreadState *sub = Py_NewInterpreter();
            if (sub == NULL) return 1;
            PyObject *mine[KEPT];
            for (long i = 0; i < KEPT; i++) mine[i] = PyLong_FromLong(2000000 + i);
            long sum = 0;
            for (long i = 0; i < KEPT; i++) sum += PyLong_AsLong(mine[i]) - 2000000;
            for (long i = 1; i < KEPT; i++) Py_DECREF(mine[i]);
            leaked_sum += PyLong_AsLong(mine[0]) - 2000000; /* mine[0] is leaked: ending releases it */
            printf("pass %d sub %d: sum %ld\n", pass, s, sum);
            Py_EndInterpreter(sub);
            PyThreadState_Swap(main_ts);
            long main_sum = 0;
            for (long i = 0; i < KEPT; i++) main_sum += PyLong_AsLong(kept[i]) - 1000000;
            PyObject *more = PyLong_FromLong(7);
            printf("pass %d after sub %d: main sum %ld, new object %ld\n", pass, s, main_sum, PyLong_AsLong(more));
            Py_DECREF(more);
        }
        for (long i = 0; i < KEPT; i++) Py_DECREF(kept[i]);
        printf("pass %d: leaked sum %ld\n", pass, leaked_sum);
        Py_Finalize();
    }
    return 0;
}
