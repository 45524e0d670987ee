/* Attaching and detaching, pending calls (limited API). */
#ifndef Py_CEVAL_H
#define Py_CEVAL_H

/* Detaches the current thread state (releasing the interpreter lock) and returns it. */
PyAPI_FUNC(PyThreadState *) PyEval_SaveThread(void);
/* Attaches tstate (taking the lock, or waiting out a stop-the-world). */
PyAPI_FUNC(void) PyEval_RestoreThread(PyThreadState *tstate);
PyAPI_FUNC(void) PyEval_AcquireThread(PyThreadState *tstate);
/* tstate must be the current thread state. */
PyAPI_FUNC(void) PyEval_ReleaseThread(PyThreadState *tstate);
/* Does nothing (as in CPython 3.9+). */
PyAPI_FUNC(void) PyEval_InitThreads(void);

#define Py_BEGIN_ALLOW_THREADS { \
                        PyThreadState *_save; \
                        _save = PyEval_SaveThread();
#define Py_BLOCK_THREADS        PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS      _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS    PyEval_RestoreThread(_save); \
                 }

/* Queues func(arg) for the main thread of the main interpreter. Any thread, attached or not.
 * Returns 0, or -1 when the queue (32 calls) is full; nothing already queued is lost. */
PyAPI_FUNC(int) Py_AddPendingCall(int (*func)(void *), void *arg);
/* Runs pending calls if called from the main thread of the main interpreter, attached.
 * Returns 0, or -1 if a call failed. */
PyAPI_FUNC(int) Py_MakePendingCalls(void);

#endif /* !Py_CEVAL_H */
