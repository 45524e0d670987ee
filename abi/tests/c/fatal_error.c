/* Py_FatalError prints CPython's message with the calling function's name and aborts. */
#include <Python.h>

int main(void) {
    Py_Initialize();
    Py_FatalError("the host gave up");
    return 0;
}
