/* pyrt's extensions to the C API. */
#ifndef Py_PYRT_H
#define Py_PYRT_H

/* PyInterpreterConfig.gil value for an interpreter without a lock (free-threaded, PEP 703),
 * which can live beside own-lock and shared-lock interpreters in one process. */
#define PyrtInterpreterConfig_NO_GIL (3)

/* What PyrtGILState_EnsureIn did; pass it to PyrtGILState_ReleaseIn on the same thread. */
typedef struct {
    PyGILState_STATE state;
    PyThreadState *previous; /* swapped-out state of another interpreter, or NULL */
} PyrtGILState;

/* PyGILState_Ensure into a chosen interpreter: reuses the calling thread's thread state there or
 * creates one (deleted by the last matching release). If the thread is attached to another
 * interpreter, that state is detached until the matching release. Any thread. */
PyAPI_FUNC(PyrtGILState) PyrtGILState_EnsureIn(PyInterpreterState *interp);
PyAPI_FUNC(void) PyrtGILState_ReleaseIn(PyrtGILState state);

/* The runtime's own view of the calling thread's id (what it stores in ob_tid); equal to the
 * headers' _Py_ThreadId(). */
PyAPI_FUNC(uintptr_t) PyrtThread_Id(void);

/* PyErr_Occurred() != NULL, as a flag: exception classes are not objects in pyrt yet. */
PyAPI_FUNC(int) PyrtErr_Occurred(void);

#endif /* !Py_PYRT_H */
