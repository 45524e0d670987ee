/* CPython-specific lifecycle API: interpreters from a config (PEP 684). */
#ifndef Py_CPYTHON_PYLIFECYCLE_H
#define Py_CPYTHON_PYLIFECYCLE_H

#define PyInterpreterConfig_DEFAULT_GIL (0)
#define PyInterpreterConfig_SHARED_GIL (1)
#define PyInterpreterConfig_OWN_GIL (2)

typedef struct {
    int use_main_obmalloc;
    int allow_fork;
    int allow_exec;
    int allow_threads;
    int allow_daemon_threads;
    int check_multi_interp_extensions;
    int gil;
} PyInterpreterConfig;

#define _PyInterpreterConfig_INIT \
    { .use_main_obmalloc = 0, .allow_fork = 0, .allow_exec = 0, .allow_threads = 1, \
      .allow_daemon_threads = 0, .check_multi_interp_extensions = 1, \
      .gil = PyInterpreterConfig_OWN_GIL }

#define _PyInterpreterConfig_LEGACY_INIT \
    { .use_main_obmalloc = 1, .allow_fork = 1, .allow_exec = 1, .allow_threads = 1, \
      .allow_daemon_threads = 1, .check_multi_interp_extensions = 0, \
      .gil = PyInterpreterConfig_SHARED_GIL }

typedef struct {
    enum { _PyStatus_TYPE_OK = 0, _PyStatus_TYPE_ERROR = 1, _PyStatus_TYPE_EXIT = 2 } _type;
    const char *func;
    const char *err_msg;
    int exitcode;
} PyStatus;

PyAPI_FUNC(int) PyStatus_Exception(PyStatus err);
PyAPI_FUNC(int) PyStatus_IsError(PyStatus err);

/* Creates an interpreter from config and leaves its new thread state attached in *tstate_p
 * (the caller's previous one is detached). On error *tstate_p is NULL, the previous state is
 * re-attached and the status carries the reason (static string). */
PyAPI_FUNC(PyStatus) Py_NewInterpreterFromConfig(PyThreadState **tstate_p, const PyInterpreterConfig *config);

#endif /* !Py_CPYTHON_PYLIFECYCLE_H */
