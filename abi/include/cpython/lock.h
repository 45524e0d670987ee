/* PyMutex (CPython 3.13's cpython/lock.h): a one-byte lock, the one in every object header. */
#ifndef Py_CPYTHON_LOCK_H
#define Py_CPYTHON_LOCK_H

#include <stdint.h>

#define _Py_UNLOCKED 0
#define _Py_LOCKED 1

/* Zero-initialise: PyMutex m = {0}; */
typedef struct PyMutex {
    uint8_t _bits; /* bit 0 locked, bit 1 has parked threads */
} PyMutex;

/* Locks, sleeping while another thread holds it; an attached thread detaches while it sleeps
 * (so it never holds its interpreter's lock or a stop-the-world up). Any thread. */
PyAPI_FUNC(void) PyMutex_Lock(PyMutex *m);
/* Unlocks a mutex the calling thread holds; fatal if it is not locked. */
PyAPI_FUNC(void) PyMutex_Unlock(PyMutex *m);

/* The slow paths behind the inline fast paths below (as in CPython 3.13). */
PyAPI_FUNC(void) _PyMutex_LockSlow(PyMutex *m);
PyAPI_FUNC(void) _PyMutex_UnlockSlow(PyMutex *m);

/* Fast paths: one compare-and-swap each; contention goes out of line. */
static inline void _PyMutex_Lock(PyMutex *m) {
    uint8_t expected = _Py_UNLOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, _Py_LOCKED, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        _PyMutex_LockSlow(m);
    }
}
#define PyMutex_Lock _PyMutex_Lock

static inline void _PyMutex_Unlock(PyMutex *m) {
    uint8_t expected = _Py_LOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, _Py_UNLOCKED, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
        _PyMutex_UnlockSlow(m);
    }
}
#define PyMutex_Unlock _PyMutex_Unlock

#endif /* !Py_CPYTHON_LOCK_H */
