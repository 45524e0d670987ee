/* Py_AddPendingCall from another thread; the main thread runs the calls with
 * Py_MakePendingCalls; a full queue answers -1 and loses nothing already queued.
 * Portable: compiled against CPython too, with the same output expected. */
#include <Python.h>
#include <pthread.h>
#include <stdio.h>

static int ran, accepted, refused;

static int pending(void *arg) {
    ran += (int)(long)arg;
    return 0;
}

static void *adder(void *arg) {
    (void)arg;
    for (int i = 0; i < 40; i++) {
        if (Py_AddPendingCall(pending, (void *)1L) == 0) accepted++; else refused++;
    }
    return NULL;
}

int main(void) {
    Py_Initialize();
    pthread_t t;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&t, NULL, adder, NULL);
    pthread_join(t, NULL);
    Py_END_ALLOW_THREADS
    if (Py_MakePendingCalls() != 0) return 1;
    printf("queue filled up: %s\n", refused > 0 ? "yes" : "no");
    printf("every accepted call ran once: %s\n", ran == accepted ? "yes" : "no");
    /* There is room again. */
    printf("add after drain: %d\n", Py_AddPendingCall(pending, (void *)100L));
    Py_MakePendingCalls();
    printf("ran the late one: %s\n", ran == accepted + 100 ? "yes" : "no");
    Py_Finalize();
    return 0;
}
