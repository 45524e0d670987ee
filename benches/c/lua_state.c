/* A Lua 5.4 state with its standard libraries, for comparison with pyrt's "interpreter with
 * builtins ready" (benches/benches/runtime_core.rs `interp/create_ready_destroy_own`,
 * benches/benches/memory_footprint.rs `memory/idle_interpreter_ready`).
 *
 *   cc -O2 benches/c/lua_state.c $(pkg-config --cflags --libs lua5.4) -o /tmp/lua_state && /tmp/lua_state
 *
 * create_destroy: lua_newstate + luaL_openlibs + lua_close, per state; median of 7 rounds of
 * 2,000. idle memory: the bytes live in the state's allocator (a counting wrapper of realloc)
 * after luaL_openlibs and a full collection, and the resident growth per state with 1,000 kept.
 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    size_t *live = ud;
    /* Lua passes the block's old size when ptr is not NULL (otherwise osize encodes a type). */
    if (ptr) *live -= osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p) *live += nsize;
    else if (ptr) *live += osize;
    return p;
}

static lua_State *new_state(size_t *live) {
    lua_State *L = lua_newstate(counting_alloc, live);
    luaL_openlibs(L);
    return L;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static long resident_bytes(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, resident = 0;
    if (!f || fscanf(f, "%ld %ld", &size, &resident) != 2) exit(1);
    fclose(f);
    return resident * sysconf(_SC_PAGESIZE);
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void) {
    enum { ROUNDS = 7, PER_ROUND = 2000, KEPT = 1000 };
    size_t live = 0;
    double per[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
        double t0 = now();
        for (int i = 0; i < PER_ROUND; i++) lua_close(new_state(&live));
        per[r] = (now() - t0) / PER_ROUND;
    }
    qsort(per, ROUNDS, sizeof per[0], cmp);
    printf("lua/create_openlibs_close: %.2f us (median of %d rounds of %d; best %.2f us)\n", per[ROUNDS / 2] * 1e6,
           ROUNDS, PER_ROUND, per[0] * 1e6);

    live = 0;
    lua_State *L = new_state(&live);
    lua_gc(L, LUA_GCCOLLECT);
    printf("lua/idle_state_allocator: %zu bytes live in the state's allocator (after openlibs and a full GC)\n",
           live);
    lua_close(L);

    static lua_State *kept[KEPT];
    long before = resident_bytes();
    for (int i = 0; i < KEPT; i++) {
        size_t *counter = malloc(sizeof *counter);
        *counter = 0;
        kept[i] = new_state(counter);
        lua_gc(kept[i], LUA_GCCOLLECT);
    }
    printf("lua/idle_state_resident: %ld bytes resident per state (%d kept)\n", (resident_bytes() - before) / KEPT,
           KEPT);
    for (int i = 0; i < KEPT; i++) lua_close(kept[i]);
    return 0;
}
