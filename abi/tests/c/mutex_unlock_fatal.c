/* Unlocking a PyMutex nobody holds is a fatal error with CPython 3.13's message. */
#include <Python.h>

int main(void) {
    Py_Initialize();
    PyMutex m = {0};
    PyMutex_Unlock(&m);
    return 0;
}
