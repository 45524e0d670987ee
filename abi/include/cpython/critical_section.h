/* Critical sections (CPython 3.13's cpython/critical_section.h).
 *
 * Py_BEGIN_CRITICAL_SECTION(op) ... Py_END_CRITICAL_SECTION() runs the block with op's mutex
 * held in a free-threaded interpreter; in an interpreter with a lock the lock is the critical
 * section and no mutex is taken (the per-interpreter answer to CPython's compile-time switch).
 * A section is suspended while its thread is detached (Py_BEGIN_ALLOW_THREADS, a blocking lock)
 * and resumed when it attaches again. The two-object form locks the lower address first.
 * Attached thread; sections end in reverse order on the thread that began them. */
#ifndef Py_CPYTHON_CRITICAL_SECTION_H
#define Py_CPYTHON_CRITICAL_SECTION_H

#include <stdint.h>

typedef struct PyCriticalSection {
    uintptr_t _cs_prev;  /* tagged link to the enclosing section */
    PyMutex *_cs_mutex;  /* NULL when nothing was locked (nothing to end) */
} PyCriticalSection;

typedef struct PyCriticalSection2 {
    PyCriticalSection _cs_base;
    PyMutex *_cs_mutex2;
} PyCriticalSection2;

_Static_assert(sizeof(PyCriticalSection) == 2 * sizeof(void *), "PyCriticalSection layout");
_Static_assert(sizeof(PyCriticalSection2) == 3 * sizeof(void *), "PyCriticalSection2 layout");

PyAPI_FUNC(void) PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op);
PyAPI_FUNC(void) PyCriticalSection_End(PyCriticalSection *c);
PyAPI_FUNC(void) PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b);
PyAPI_FUNC(void) PyCriticalSection2_End(PyCriticalSection2 *c);

#define Py_BEGIN_CRITICAL_SECTION(op) \
    {                                 \
        PyCriticalSection _py_cs;     \
        PyCriticalSection_Begin(&_py_cs, (PyObject *)(op))

#define Py_END_CRITICAL_SECTION()         \
        PyCriticalSection_End(&_py_cs);   \
    }

#define Py_BEGIN_CRITICAL_SECTION2(a, b) \
    {                                    \
        PyCriticalSection2 _py_cs2;      \
        PyCriticalSection2_Begin(&_py_cs2, (PyObject *)(a), (PyObject *)(b))

#define Py_END_CRITICAL_SECTION2()         \
        PyCriticalSection2_End(&_py_cs2);  \
    }

#endif /* !Py_CPYTHON_CRITICAL_SECTION_H */
