/* Initialization and finalization (limited API). */
#ifndef Py_PYLIFECYCLE_H
#define Py_PYLIFECYCLE_H

/* Creates the main interpreter and leaves the calling thread attached to it. Idempotent. */
PyAPI_FUNC(void) Py_Initialize(void);
PyAPI_FUNC(void) Py_InitializeEx(int initsigs);
PyAPI_FUNC(int) Py_IsInitialized(void);
/* Destroys every interpreter and thread state. Idempotent. Returns 0. */
PyAPI_FUNC(int) Py_FinalizeEx(void);
PyAPI_FUNC(void) Py_Finalize(void);

/* A legacy sub-interpreter (shared main lock). Its new thread state is left attached; the
 * caller's previous one is detached. NULL on failure. */
PyAPI_FUNC(PyThreadState *) Py_NewInterpreter(void);
/* tstate must be current and the interpreter's last thread state (else fatal). Afterwards no
 * thread state is current. */
PyAPI_FUNC(void) Py_EndInterpreter(PyThreadState *tstate);

/* Prints "Fatal Python error: <func>: <message>" and aborts. */
#define Py_FatalError(message) _Py_FatalErrorFunc(__func__, (message))
PyAPI_FUNC(void) _Py_FatalErrorFunc(const char *func, const char *message);

#endif /* !Py_PYLIFECYCLE_H */
