/* CPython-specific thread-state API. */
#ifndef Py_CPYTHON_PYSTATE_H
#define Py_CPYTHON_PYSTATE_H

/* 1 if the calling thread's GILState thread state is attached (always 1 once sub-interpreters
 * exist, as in CPython). */
PyAPI_FUNC(int) PyGILState_Check(void);
/* The attached thread state, or NULL. */
PyAPI_FUNC(PyThreadState *) PyThreadState_GetUnchecked(void);
/* Clears and deletes the current thread state, releasing the lock for the last time. */
PyAPI_FUNC(void) PyThreadState_DeleteCurrent(void);

/* Iteration, newest first. Not synchronised with creation/deletion, as in CPython. */
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Main(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Head(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Next(PyInterpreterState *interp);
PyAPI_FUNC(PyThreadState *) PyInterpreterState_ThreadHead(PyInterpreterState *interp);
PyAPI_FUNC(PyThreadState *) PyThreadState_Next(PyThreadState *tstate);

#endif /* !Py_CPYTHON_PYSTATE_H */
