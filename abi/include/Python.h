/* pyrt's Python.h — the part of CPython's C API that pyrt implements so far.
 *
 * Layout follows CPython's: the limited API at the top level, CPython-specific declarations in
 * cpython/ (left out under Py_LIMITED_API), and pyrt's own extensions in pyrt.h. A C host written
 * for CPython compiles unchanged against these headers for the functions declared here.
 *
 * Thread rules are stated per function: "attached" means the calling thread holds an attached
 * thread state (CPython: "holds the GIL").
 */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include <stddef.h>
#include <stdint.h>

#include "patchlevel.h"
#include "pyport.h"
#include "pystate.h"
#include "pylifecycle.h"
#include "ceval.h"
#include "pyerrors.h"

#ifndef Py_LIMITED_API
#  include "cpython/object.h"
#  include "cpython/critical_section.h"
#  include "cpython/pystate.h"
#  include "cpython/pylifecycle.h"
#endif

#include "pyrt.h"

#endif /* !Py_PYTHON_H */
