#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
#  define PyAPI_FUNC(RTYPE) extern "C" RTYPE
#else
#  define PyAPI_FUNC(RTYPE) extern RTYPE
#endif

typedef ssize_t Py_ssize_t;

#endif /* !Py_PYPORT_H */
