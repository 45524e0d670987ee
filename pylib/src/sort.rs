//! `list.sort()`: CPython 3.13's listsort (Timsort with the powersort merge policy), with the
//! same sequence of comparisons, so that results, stability and the number of `__lt__` calls
//! are CPython's.
//!
//! The algorithm (CPython's `Objects/listobject.c` and `Objects/listsort.txt`):
//!
//! 1. `minrun` is `n` for `n < 64`, else a value in 32..=64 such that `n / minrun` is just below
//!    a power of two.
//! 2. Scan left to right for natural runs (`count_run`): a non-descending run, or a descending
//!    run in which runs of equal elements are allowed (they are reversed in place so that the
//!    final reversal of the whole run keeps them stable); a descending run is reversed and may
//!    then be extended by a non-descending tail. A run shorter than `minrun` is extended to
//!    `minrun` elements by binary insertion sort.
//! 3. Each new run gets a "power" (its depth in the ideal merge tree of its midpoint and the
//!    next run's midpoint, `powerloop`); runs on the stack with greater power are merged first
//!    (`found_new_run`). At the end the stack is collapsed.
//! 4. Merging (`merge_at`) first trims the prefix of run A that is already in place and the
//!    suffix of run B already in place (by galloping), then merges with the smaller run copied
//!    to temporary storage, left to right (`merge_lo`) or right to left (`merge_hi`). After
//!    `min_gallop` consecutive wins of one run, it switches to galloping (exponential then
//!    binary search), and adapts `min_gallop` to how well galloping paid off.
//!
//! Only "less than" is ever asked, through a fallible comparison: an error stops the sort at
//! once and leaves the slice a permutation of its input (every merge step puts its temporary
//! elements back). `reverse=True` is done as CPython does it: reverse, sort, reverse — which
//! keeps equal elements in their original order.
//!
//! The core works on `Copy` elements (object references are handles); [`sort_by`] accepts any
//! `T` by sorting a permutation of indices and applying it.

/// Galloping starts after this many consecutive wins of one run.
const MIN_GALLOP: usize = 7;
/// Runs shorter than this are extended by binary insertion (a power of two).
const MAX_MINRUN: usize = 64;

/// Sorts `v` in place, stably, with CPython's algorithm and comparison sequence. `is_less(a, b)`
/// is Python's `a < b`; the first error it returns stops the sort (the slice is then some
/// permutation of its input) and is returned. With `reverse`, the result is in descending
/// order with equal elements in their original order.
pub fn sort_copy<T: Copy, E>(
    v: &mut [T],
    reverse: bool,
    mut is_less: impl FnMut(&T, &T) -> Result<bool, E>,
) -> Result<(), E> {
    if v.len() < 2 {
        return Ok(());
    }
    if reverse {
        v.reverse();
    }
    let result = MergeState::new(v.len()).sort(v, &mut is_less);
    if reverse {
        v.reverse();
    }
    result
}

/// [`sort_copy`] for elements that are not `Copy`: sorts a permutation of indices with the same
/// comparisons, then moves the elements into place (also after an error, so the slice is the
/// permutation the algorithm had reached).
pub fn sort_by<T, E>(v: &mut [T], reverse: bool, mut is_less: impl FnMut(&T, &T) -> Result<bool, E>) -> Result<(), E> {
    if v.len() < 2 {
        return Ok(());
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    let result = sort_copy(&mut order, reverse, |&a, &b| is_less(&v[a], &v[b]));
    apply_permutation(v, &mut order);
    result
}

/// Rearranges `v` so that `v_new[i] = v_old[order[i]]`, by following cycles with swaps.
fn apply_permutation<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut current = start;
        // Each cycle is walked once: visited slots are marked by pointing to themselves.
        while order[current] != start {
            let next = order[current];
            v.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

/// A pending run on the merge stack.
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<T> {
    min_gallop: usize,
    listlen: usize,
    pending: Vec<Run>,
    tmp: Vec<T>,
}

impl<T: Copy> MergeState<T> {
    fn new(listlen: usize) -> Self {
        MergeState { min_gallop: MIN_GALLOP, listlen, pending: Vec::new(), tmp: Vec::new() }
    }

    fn sort<E, F: FnMut(&T, &T) -> Result<bool, E>>(&mut self, v: &mut [T], is_less: &mut F) -> Result<(), E> {
        let mut lo = 0;
        let mut remaining = v.len();
        let minrun = compute_minrun(remaining);
        while remaining > 0 {
            let mut n = count_run(&mut v[lo..lo + remaining], is_less)?;
            if n < minrun {
                let force = remaining.min(minrun);
                binary_sort(&mut v[lo..lo + force], n, is_less)?;
                n = force;
            }
            self.found_new_run(v, n, is_less)?;
            self.pending.push(Run { base: lo, len: n, power: 0 });
            lo += n;
            remaining -= n;
        }
        self.force_collapse(v, is_less)
    }

    /// Powersort: merge the runs whose power exceeds the newest run's.
    fn found_new_run<E, F: FnMut(&T, &T) -> Result<bool, E>>(
        &mut self,
        v: &mut [T],
        n2: usize,
        is_less: &mut F,
    ) -> Result<(), E> {
        let Some(last) = self.pending.last() else {
            return Ok(());
        };
        let power = powerloop(last.base, last.len, n2, self.listlen);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(v, self.pending.len() - 2, is_less)?;
        }
        if let Some(last) = self.pending.last_mut() {
            last.power = power;
        }
        Ok(())
    }

    fn force_collapse<E, F: FnMut(&T, &T) -> Result<bool, E>>(
        &mut self,
        v: &mut [T],
        is_less: &mut F,
    ) -> Result<(), E> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(v, n, is_less)?;
        }
        Ok(())
    }

    /// Merges the runs at stack indices `i` and `i + 1`.
    fn merge_at<E, F: FnMut(&T, &T) -> Result<bool, E>>(
        &mut self,
        v: &mut [T],
        i: usize,
        is_less: &mut F,
    ) -> Result<(), E> {
        let Run { base: mut pa, len: mut na, .. } = self.pending[i];
        let Run { base: pb, len: nb, .. } = self.pending[i + 1];
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);

        // Elements of A before where B's first element goes are already in place.
        let k = gallop_right(v[pb], &v[pa..pa + na], 0, is_less)?;
        pa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Elements of B after where A's last element goes are already in place.
        let nb = gallop_left(v[pa + na - 1], &v[pb..pb + nb], nb - 1, is_less)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb { self.merge_lo(v, pa, na, nb, is_less) } else { self.merge_hi(v, pa, na, nb, is_less) }
    }

    /// Merges `v[pa..pa+na]` and the `nb` elements after it, left to right, with A in `tmp`.
    /// Requires `na <= nb`, B's first element belonging before A's first and A's last
    /// belonging after all of B, as `merge_at` establishes.
    fn merge_lo<E, F: FnMut(&T, &T) -> Result<bool, E>>(
        &mut self,
        v: &mut [T],
        pa: usize,
        mut na: usize,
        mut nb: usize,
        is_less: &mut F,
    ) -> Result<(), E> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&v[pa..pa + na]);
        let tmp = &mut self.tmp;
        let mut dest = pa;
        let mut a = 0; // index into tmp
        let mut b = pa + na; // index into v
        let mut min_gallop = self.min_gallop;

        // Run the merge; `Ok(true)` means "copy B then A's last" (CopyB), `Ok(false)` done.
        let outcome: Result<bool, E> = (|| {
            v[dest] = v[b];
            dest += 1;
            b += 1;
            nb -= 1;
            if nb == 0 {
                return Ok(false);
            }
            if na == 1 {
                return Ok(true);
            }
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    if is_less(&v[b], &tmp[a])? {
                        v[dest] = v[b];
                        dest += 1;
                        b += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            return Ok(false);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        v[dest] = tmp[a];
                        dest += 1;
                        a += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return Ok(true);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = gallop_right(v[b], &tmp[a..a + na], 0, is_less)?;
                    acount = k;
                    if k > 0 {
                        v[dest..dest + k].copy_from_slice(&tmp[a..a + k]);
                        dest += k;
                        a += k;
                        na -= k;
                        if na == 1 {
                            return Ok(true);
                        }
                        // na == 0 is impossible with a consistent comparison; be safe anyway.
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    v[dest] = v[b];
                    dest += 1;
                    b += 1;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(false);
                    }
                    let k = gallop_left(tmp[a], &v[b..b + nb], 0, is_less)?;
                    bcount = k;
                    if k > 0 {
                        v.copy_within(b..b + k, dest);
                        dest += k;
                        b += k;
                        nb -= k;
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    v[dest] = tmp[a];
                    dest += 1;
                    a += 1;
                    na -= 1;
                    if na == 1 {
                        return Ok(true);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match outcome {
            Ok(true) => {
                // The last element of A belongs at the end of the merge.
                v.copy_within(b..b + nb, dest);
                v[dest + nb] = tmp[a];
                Ok(())
            }
            other => {
                if na > 0 {
                    v[dest..dest + na].copy_from_slice(&tmp[a..a + na]);
                }
                other.map(|_| ())
            }
        }
    }

    /// Merges `v[pa..pa+na]` and the `nb` elements after it, right to left, with B in `tmp`.
    /// Requires `na >= nb`.
    fn merge_hi<E, F: FnMut(&T, &T) -> Result<bool, E>>(
        &mut self,
        v: &mut [T],
        pa: usize,
        mut na: usize,
        mut nb: usize,
        is_less: &mut F,
    ) -> Result<(), E> {
        let pb = pa + na;
        self.tmp.clear();
        self.tmp.extend_from_slice(&v[pb..pb + nb]);
        let tmp = &mut self.tmp;
        // Positions are signed: `a` may step just below `pa` as the last element is moved.
        let mut dest = (pb + nb - 1) as isize;
        let mut a = (pa + na - 1) as isize; // index into v of A's current last element
        let mut b = nb as isize - 1; // index into tmp of B's current last element
        let mut min_gallop = self.min_gallop;
        let at = |i: isize| i as usize;

        // `Ok(true)` means CopyA (B's first element goes first), `Ok(false)` done.
        let outcome: Result<bool, E> = (|| {
            v[at(dest)] = v[at(a)];
            dest -= 1;
            a -= 1;
            na -= 1;
            if na == 0 {
                return Ok(false);
            }
            if nb == 1 {
                return Ok(true);
            }
            loop {
                let mut acount = 0;
                let mut bcount = 0;
                loop {
                    if is_less(&tmp[at(b)], &v[at(a)])? {
                        v[at(dest)] = v[at(a)];
                        dest -= 1;
                        a -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            return Ok(false);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        v[at(dest)] = tmp[at(b)];
                        dest -= 1;
                        b -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = na - gallop_right(tmp[at(b)], &v[pa..pa + na], na - 1, is_less)?;
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        a -= k as isize;
                        v.copy_within(at(a + 1)..at(a + 1) + k, at(dest + 1));
                        na -= k;
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    v[at(dest)] = tmp[at(b)];
                    dest -= 1;
                    b -= 1;
                    nb -= 1;
                    if nb == 1 {
                        return Ok(true);
                    }
                    let k = nb - gallop_left(v[at(a)], &tmp[..nb], nb - 1, is_less)?;
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        b -= k as isize;
                        v[at(dest + 1)..at(dest + 1) + k].copy_from_slice(&tmp[at(b + 1)..at(b + 1) + k]);
                        nb -= k;
                        if nb == 1 {
                            return Ok(true);
                        }
                        // nb == 0 is impossible with a consistent comparison; be safe anyway.
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    v[at(dest)] = v[at(a)];
                    dest -= 1;
                    a -= 1;
                    na -= 1;
                    if na == 0 {
                        return Ok(false);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match outcome {
            Ok(true) => {
                // B's first element belongs at the front of the merge.
                let start = at(a + 1) - na;
                v.copy_within(start..start + na, at(dest + 1) - na);
                dest -= na as isize;
                v[at(dest)] = tmp[at(b)];
                Ok(())
            }
            other => {
                if nb > 0 {
                    let start = at(dest + 1) - nb;
                    v[start..start + nb].copy_from_slice(&tmp[..nb]);
                }
                other.map(|_| ())
            }
        }
    }
}

/// `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= MAX_MINRUN {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The power of the run `[s1, s1+n1)` followed by a run of `n2` in a list of `n`: the first
/// bit where the binary expansions of the two runs' midpoints (as fractions of `n`) differ.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// Length of the run at the start of `v` (at least 1), made ascending in place.
fn count_run<T: Copy, E, F: FnMut(&T, &T) -> Result<bool, E>>(v: &mut [T], is_less: &mut F) -> Result<usize, E> {
    let remaining = v.len();
    let mut n = 1;
    while n < remaining {
        if is_less(&v[n], &v[n - 1])? {
            break;
        }
        n += 1;
    }
    if n == remaining {
        return Ok(n);
    }
    // v[n] < v[n-1]. A non-descending prefix longer than one element is a run unless all its
    // elements are equal, in which case it starts a descending run.
    if n > 1 {
        if is_less(&v[0], &v[n - 1])? {
            return Ok(n);
        }
        v[..n].reverse();
    }
    n += 1;
    // Descending run; equal neighbours are collected and reversed so that the final reversal
    // restores their original order.
    let mut neq = 0;
    while n < remaining {
        if is_less(&v[n], &v[n - 1])? {
            reverse_equal_tail(v, n, &mut neq);
        } else if is_less(&v[n - 1], &v[n])? {
            break;
        } else {
            neq += 1;
        }
        n += 1;
    }
    reverse_equal_tail(v, n, &mut neq);
    v[..n].reverse();
    // The reversed run may continue with a non-descending tail.
    while n < remaining {
        if is_less(&v[n], &v[n - 1])? {
            break;
        }
        n += 1;
    }
    Ok(n)
}

/// `REVERSE_LAST_NEQ`: reverses the last `neq + 1` elements of `v[..n]` if `neq > 0`.
#[inline]
fn reverse_equal_tail<T>(v: &mut [T], n: usize, neq: &mut usize) {
    if *neq > 0 {
        let len = *neq + 1;
        v[n - len..n].reverse();
        *neq = 0;
    }
}

/// Binary insertion sort of `v`, whose first `ok` elements are already sorted.
fn binary_sort<T: Copy, E, F: FnMut(&T, &T) -> Result<bool, E>>(
    v: &mut [T],
    ok: usize,
    is_less: &mut F,
) -> Result<(), E> {
    for i in ok.max(1)..v.len() {
        let pivot = v[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let m = (l + r) >> 1;
            if is_less(&pivot, &v[m])? {
                r = m;
            } else {
                l = m + 1;
            }
        }
        v.copy_within(l..i, l + 1);
        v[l] = pivot;
    }
    Ok(())
}

/// Where `key` goes in the sorted `a`, left of any equal elements: `k` with
/// `a[k-1] < key <= a[k]`. Gallops from `hint`, then binary-searches.
fn gallop_left<T: Copy, E, F: FnMut(&T, &T) -> Result<bool, E>>(
    key: T,
    a: &[T],
    hint: usize,
    is_less: &mut F,
) -> Result<usize, E> {
    let n = a.len();
    let mut lastofs: isize;
    let mut ofs: isize;
    let h = hint as isize;
    let at = |i: isize| &a[i as usize];
    let mut last = 0isize;
    let mut o = 1isize;
    if is_less(at(h), &key)? {
        // a[hint] < key: gallop right until a[hint+last] < key <= a[hint+o].
        let maxofs = (n - hint) as isize;
        while o < maxofs {
            if is_less(at(h + o), &key)? {
                last = o;
                o = (o << 1) + 1;
            } else {
                break;
            }
        }
        o = o.min(maxofs);
        lastofs = last + h;
        ofs = o + h;
    } else {
        // key <= a[hint]: gallop left until a[hint-o] < key <= a[hint-last].
        let maxofs = h + 1;
        while o < maxofs {
            if is_less(at(h - o), &key)? {
                break;
            }
            last = o;
            o = (o << 1) + 1;
        }
        o = o.min(maxofs);
        lastofs = h - o;
        ofs = h - last;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if is_less(at(m), &key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// Like [`gallop_left`] but right of any equal elements: `k` with `a[k-1] <= key < a[k]`.
fn gallop_right<T: Copy, E, F: FnMut(&T, &T) -> Result<bool, E>>(
    key: T,
    a: &[T],
    hint: usize,
    is_less: &mut F,
) -> Result<usize, E> {
    let n = a.len();
    let mut lastofs: isize;
    let mut ofs: isize;
    let h = hint as isize;
    let at = |i: isize| &a[i as usize];
    let mut last = 0isize;
    let mut o = 1isize;
    if is_less(&key, at(h))? {
        // key < a[hint]: gallop left until a[hint-o] <= key < a[hint-last].
        let maxofs = h + 1;
        while o < maxofs {
            if is_less(&key, at(h - o))? {
                last = o;
                o = (o << 1) + 1;
            } else {
                break;
            }
        }
        o = o.min(maxofs);
        lastofs = h - o;
        ofs = h - last;
    } else {
        // a[hint] <= key: gallop right until a[hint+last] <= key < a[hint+o].
        let maxofs = (n - hint) as isize;
        while o < maxofs {
            if is_less(&key, at(h + o))? {
                break;
            }
            last = o;
            o = (o << 1) + 1;
        }
        o = o.min(maxofs);
        lastofs = last + h;
        ofs = o + h;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if is_less(&key, at(m))? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn sorts_stably_like_std() {
        let mut seed = 42;
        for len in [0, 1, 2, 3, 10, 63, 64, 65, 100, 257, 1000, 5000] {
            for modulus in [2, 10, 1000, u64::MAX] {
                let v: Vec<(u64, usize)> = (0..len).map(|i| (lcg(&mut seed) % modulus, i)).collect();
                let mut ours = v.clone();
                sort_copy(&mut ours, false, |a, b| Ok::<_, ()>(a.0 < b.0)).unwrap();
                let mut std_sorted = v.clone();
                std_sorted.sort_by_key(|p| p.0);
                assert_eq!(ours, std_sorted, "len {len} mod {modulus}");
                let mut rev = v.clone();
                sort_copy(&mut rev, true, |a, b| Ok::<_, ()>(a.0 < b.0)).unwrap();
                let mut expect = v.clone();
                expect.sort_by_key(|p| std::cmp::Reverse(p.0)); // stable: equal keys keep their order
                assert_eq!(rev, expect, "reverse len {len} mod {modulus}");
            }
        }
    }

    #[test]
    fn error_leaves_a_permutation() {
        let mut seed = 7;
        for limit in [0, 1, 5, 50, 500, 3000] {
            let mut v: Vec<u64> = (0..1000).map(|_| lcg(&mut seed) % 100).collect();
            let mut before = v.clone();
            let mut calls = 0;
            let r = sort_copy(&mut v, false, |a, b| {
                calls += 1;
                if calls > limit { Err("boom") } else { Ok(a < b) }
            });
            assert_eq!(r, Err("boom"));
            let mut after = v.clone();
            before.sort();
            after.sort();
            assert_eq!(before, after);
        }
    }

    #[test]
    fn inconsistent_comparisons_never_panic_and_keep_a_permutation() {
        let mut seed = 99;
        for len in [2, 10, 64, 65, 200, 1000, 3000] {
            for round in 0..20 {
                let mut v: Vec<u64> = (0..len).map(|i| i as u64).collect();
                let mut coin = seed ^ round;
                let odds = 2 + round % 5;
                sort_copy(&mut v, round % 2 == 0, |_, _| Ok::<_, ()>(round == 19 || lcg(&mut coin) % odds == 0))
                    .unwrap();
                seed = coin;
                let mut sorted = v.clone();
                sorted.sort();
                assert_eq!(sorted, (0..len as u64).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn non_copy_elements() {
        let mut v: Vec<String> = ["pear", "apple", "fig", "apple", "kiwi"].iter().map(|s| s.to_string()).collect();
        sort_by(&mut v, false, |a, b| Ok::<_, ()>(a < b)).unwrap();
        assert_eq!(v, ["apple", "apple", "fig", "kiwi", "pear"]);
        sort_by(&mut v, true, |a, b| Ok::<_, ()>(a.len() < b.len())).unwrap();
        assert_eq!(v, ["apple", "apple", "kiwi", "pear", "fig"]);
    }

    #[test]
    fn minrun_and_power() {
        assert_eq!(compute_minrun(63), 63);
        assert_eq!(compute_minrun(64), 32);
        assert_eq!(compute_minrun(65), 33);
        assert_eq!(compute_minrun(2112), 33);
        assert_eq!(powerloop(0, 32, 32, 128), 2);
        assert_eq!(powerloop(32, 32, 64, 128), 1);
    }
}
