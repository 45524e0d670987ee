/* The CPython API level pyrt's headers mirror: 3.13. */
#ifndef Py_PATCHLEVEL_H
#define Py_PATCHLEVEL_H

#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 13
#define PY_MICRO_VERSION 0
#define PY_RELEASE_LEVEL 0xF
#define PY_RELEASE_SERIAL 0
#define PY_VERSION "3.13.0"
#define PY_VERSION_HEX ((PY_MAJOR_VERSION << 24) | (PY_MINOR_VERSION << 16) | \
                        (PY_MICRO_VERSION << 8) | (PY_RELEASE_LEVEL << 4) | (PY_RELEASE_SERIAL << 0))

/* Defined by pyrt's headers only: lets a host test for pyrt's extensions (pyrt.h). */
#define PYRT_VERSION "0.1.0"

#endif /* !Py_PATCHLEVEL_H */
