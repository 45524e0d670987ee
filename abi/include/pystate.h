/* Thread and interpreter states (limited API). */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H

#include <stdint.h>

/* Opaque. Pointers stay valid until the state is deleted (or the runtime finalized). */
typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;

/* The interpreter of the attached thread state. Fatal if the caller is not attached. */
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);
/* 0 for the main interpreter, then 1, 2, ... in creation order; restarts after Py_Finalize. */
PyAPI_FUNC(int64_t) PyInterpreterState_GetID(PyInterpreterState *interp);

/* A new detached thread state in interp, bound to the calling OS thread. Any thread. */
PyAPI_FUNC(PyThreadState *) PyThreadState_New(PyInterpreterState *interp);
/* Resets per-thread data (dict, pending async exception, trace/profile functions). */
PyAPI_FUNC(void) PyThreadState_Clear(PyThreadState *tstate);
/* Deletes a detached thread state. Fatal if it is the current one. */
PyAPI_FUNC(void) PyThreadState_Delete(PyThreadState *tstate);
/* The attached thread state. Fatal if none. */
PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
/* Detaches the current thread state (if any), attaches tstate (if not NULL), returns the old. */
PyAPI_FUNC(PyThreadState *) PyThreadState_Swap(PyThreadState *tstate);
PyAPI_FUNC(PyInterpreterState *) PyThreadState_GetInterpreter(PyThreadState *tstate);
/* Unique within its interpreter, from 1. */
PyAPI_FUNC(uint64_t) PyThreadState_GetID(PyThreadState *tstate);

typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;

/* Attaches the calling thread — any thread, including one Python did not create — to its
 * thread state, creating one in the main interpreter if it has none. Nests. */
PyAPI_FUNC(PyGILState_STATE) PyGILState_Ensure(void);
/* Undoes the matching Ensure; the last one deletes a state Ensure created. */
PyAPI_FUNC(void) PyGILState_Release(PyGILState_STATE state);
/* The thread state Ensure would use on this thread (the most recently attached), or NULL. */
PyAPI_FUNC(PyThreadState *) PyGILState_GetThisThreadState(void);

#endif /* !Py_PYSTATE_H */
