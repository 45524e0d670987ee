/* PyLong_AsLong on a non-int: -1 with TypeError set; PyErr_Print prints it as CPython does. */
#include <Python.h>
#include <stdio.h>

int main(void) {
    Py_Initialize();
    long v = PyLong_AsLong(Py_None);
    printf("PyLong_AsLong(None) = %ld\n", v);
    fflush(stdout);
    PyErr_Print();
    PyObject *n = PyLong_FromLong(42);
    printf("PyLong_AsLong(42) = %ld\n", PyLong_AsLong(n));
    Py_DECREF(n);
    PyErr_Print(); /* nothing raised: prints nothing */
    printf("finalized: %d\n", Py_FinalizeEx() == 0);
    return 0;
}
