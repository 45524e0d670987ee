/* The object header and reference counting (free-threaded CPython's layout). */
#ifndef Py_CPYTHON_OBJECT_H
#define Py_CPYTHON_OBJECT_H

#include <stdint.h>

#include "lock.h"

typedef struct _typeobject PyTypeObject;

/* Free-threaded CPython 3.13's PyObject: 32 bytes on 64-bit platforms. */
typedef struct _object {
    uintptr_t ob_tid;        /* owning thread (_Py_ThreadId()), 0 when unowned */
    uint16_t ob_flags;       /* pyrt: refcount strategy (2 bits), static (bit 2) */
    PyMutex ob_mutex;        /* per-object lock (critical sections) */
    uint8_t ob_gc_bits;
    uint32_t ob_ref_local;   /* owner only; UINT32_MAX = immortal */
    Py_ssize_t ob_ref_shared;/* count << 2 | flags (1 maybe-weakref, 2 queued, 3 merged) */
    PyTypeObject *ob_type;
} PyObject;

_Static_assert(sizeof(PyObject) == 4 * sizeof(void *), "PyObject layout");
_Static_assert(__builtin_offsetof(PyObject, ob_mutex) == sizeof(void *) + 2, "ob_mutex offset");
_Static_assert(__builtin_offsetof(PyObject, ob_ref_local) == sizeof(void *) + 4, "ob_ref_local offset");
_Static_assert(__builtin_offsetof(PyObject, ob_ref_shared) == 2 * sizeof(void *), "ob_ref_shared offset");

#define _Py_IMMORTAL_REFCNT_LOCAL UINT32_MAX
#define _Py_REF_SHARED_SHIFT 2
#define _Py_PYRT_STRATEGY_MASK 3
#define _Py_PYRT_BIASED 0
#define _Py_PYRT_ATOMIC 1 /* recorded only: atomic objects are born merged, unowned */
#define _Py_PYRT_NONATOMIC 2

/* Address of a thread-local of the runtime: the thread id where no register is read. */
PyAPI_FUNC(uintptr_t) _Py_GetThreadLocal_Addr(void);

/* The calling thread's id, the same value the runtime stores in ob_tid. */
static inline uintptr_t _Py_ThreadId(void) {
#if defined(__x86_64__) && defined(__linux__)
    uintptr_t tid;
    __asm__("movq %%fs:0, %0" : "=r"(tid)); /* the thread-control-block pointer */
    return tid;
#else
    return _Py_GetThreadLocal_Addr();
#endif
}

/* Everything but the owner's fast paths: non-owner decrements (queueing to the owner),
 * giving up ownership, deallocation. */
PyAPI_FUNC(void) _Py_DecRef(PyObject *op);

/* The reference count; UINT32_MAX for immortal objects. */
static inline Py_ssize_t Py_REFCNT(PyObject *op) {
    uint32_t local = __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) return (Py_ssize_t)_Py_IMMORTAL_REFCNT_LOCAL;
    return (Py_ssize_t)local + (__atomic_load_n(&op->ob_ref_shared, __ATOMIC_RELAXED) >> _Py_REF_SHARED_SHIFT);
}

/* The same fast paths as the runtime's (runtime/src/object/refcount.rs). Attached thread.
 * One test on the owner's path: immortal, then owned by this thread. Atomic objects are born
 * merged with no owner (ob_tid == 0) and take the shared path; only off the owner's path is the
 * non-atomic strategy flag read. */
static inline void Py_INCREF(PyObject *op) {
    uint32_t local = __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) return; /* immortal: write nothing */
    if (__atomic_load_n(&op->ob_tid, __ATOMIC_RELAXED) == _Py_ThreadId()) {
        __atomic_store_n(&op->ob_ref_local, local + 1, __ATOMIC_RELAXED);
    } else if (op->ob_flags & _Py_PYRT_NONATOMIC) {
        __atomic_store_n(&op->ob_ref_local, local + 1, __ATOMIC_RELAXED);
    } else {
        __atomic_fetch_add(&op->ob_ref_shared, (Py_ssize_t)1 << _Py_REF_SHARED_SHIFT, __ATOMIC_RELAXED);
    }
}

static inline void Py_DECREF(PyObject *op) {
    uint32_t local = __atomic_load_n(&op->ob_ref_local, __ATOMIC_RELAXED);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) return;
    if (local > 1 && __atomic_load_n(&op->ob_tid, __ATOMIC_RELAXED) == _Py_ThreadId()) {
        __atomic_store_n(&op->ob_ref_local, local - 1, __ATOMIC_RELAXED);
        return;
    }
    _Py_DecRef(op);
}

static inline void Py_XINCREF(PyObject *op) { if (op) Py_INCREF(op); }
static inline void Py_XDECREF(PyObject *op) { if (op) Py_DECREF(op); }

/* Constants (3.13's Py_GetConstantBorrowed). Immortal, shared by every interpreter. */
#define Py_CONSTANT_NONE 0
#define Py_CONSTANT_FALSE 1
#define Py_CONSTANT_TRUE 2
#define Py_CONSTANT_ELLIPSIS 3
#define Py_CONSTANT_NOT_IMPLEMENTED 4
PyAPI_FUNC(PyObject *) Py_GetConstantBorrowed(unsigned int constant_id);
#define Py_None Py_GetConstantBorrowed(Py_CONSTANT_NONE)
#define Py_True Py_GetConstantBorrowed(Py_CONSTANT_TRUE)
#define Py_False Py_GetConstantBorrowed(Py_CONSTANT_FALSE)

/* ints (64-bit values so far). Attached thread; a new reference, NULL with MemoryError. */
PyAPI_FUNC(PyObject *) PyLong_FromLong(long value);
/* -1 if op is not an int. */
PyAPI_FUNC(long) PyLong_AsLong(PyObject *op);

#endif /* !Py_CPYTHON_OBJECT_H */
