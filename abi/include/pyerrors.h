/* The error indicator (CPython's pyerrors.h, the part pyrt implements so far).
 * Attached thread: each thread state has its own indicator. */
#ifndef Py_PYERRORS_H
#define Py_PYERRORS_H

/* Clears the error indicator. */
PyAPI_FUNC(void) PyErr_Clear(void);
/* Prints the raised exception on stderr ("<class>: <message>") and clears it; nothing if none is
   set. */
PyAPI_FUNC(void) PyErr_Print(void);

#endif /* !Py_PYERRORS_H */
