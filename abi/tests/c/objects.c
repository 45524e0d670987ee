/* The C headers' object header and refcount fast paths agree with the runtime: the same thread
 * id on every thread, biased counting by the owner, shared counting by others, immortals never
 * written, and the last Py_DECREF frees. */
#include <Python.h>
#include <pthread.h>
#include <stdio.h>

static PyObject *shared_obj;

static void *stranger(void *arg) {
    (void)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    if (_Py_ThreadId() != PyrtThread_Id()) Py_FatalError("thread ids differ on a second thread");
    Py_INCREF(shared_obj);                 /* not the owner: shared count */
    printf("stranger: shared count %ld\n", (long)(shared_obj->ob_ref_shared >> 2));
    Py_DECREF(shared_obj);
    PyGILState_Release(g);
    return NULL;
}

int main(void) {
    Py_Initialize();
    printf("thread ids agree: %d\n", _Py_ThreadId() == PyrtThread_Id());
    PyObject *none = Py_None;
    Py_ssize_t before = Py_REFCNT(none);
    for (int i = 0; i < 1000; i++) { Py_INCREF(none); }
    for (int i = 0; i < 1000; i++) { Py_DECREF(none); }
    printf("None untouched: %d\n", Py_REFCNT(none) == before && none->ob_ref_local == UINT32_MAX);

    shared_obj = PyLong_FromLong(123456789);
    printf("owner: tid mine %d, local %u\n", shared_obj->ob_tid == _Py_ThreadId(), shared_obj->ob_ref_local);
    Py_INCREF(shared_obj);
    printf("owner incref: local %u, refcnt %ld\n", shared_obj->ob_ref_local, (long)Py_REFCNT(shared_obj));
    Py_DECREF(shared_obj);
    pthread_t t;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&t, NULL, stranger, NULL);
    pthread_join(t, NULL);
    Py_END_ALLOW_THREADS
    printf("value %ld, refcnt %ld\n", PyLong_AsLong(shared_obj), (long)Py_REFCNT(shared_obj));
    Py_DECREF(shared_obj); /* the last reference: freed */
    Py_Finalize();
    return 0;
}
