//! Sorting, written once. The standard library's sorts (and `BTreeSet`, which sorts what it
//! collects) are compiled anew for every element type and comparison, 1.5 to 5 KB of wasm each:
//! about 50 KB over the app's dozen sorts. The app sorts at most a few hundred items, so one
//! stable merge sort of indices behind a `dyn` comparison ([`order`]) serves every call, and the
//! generic functions here only wrap it. `std` only.

use std::cmp::Ordering;

/// The stable order of `len` items under `compare` (which compares two items by index): a
/// bottom-up merge sort of the indices. Not generic, so it is compiled once.
pub fn order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut to[start..end] {
                // Ties take the left run first: that is what keeps the sort stable.
                let take_left = left < middle
                    && (right >= end || compare(from[left], from[right]) != Ordering::Greater);
                if take_left {
                    *slot = from[left];
                    left += 1;
                } else {
                    *slot = from[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Puts `items` in `order`, a permutation of their indices as [`order`] gives it: afterwards
/// position `i` holds the item that was at `order[i]`. Follows each cycle once, by swaps.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let next = order[at];
            if next == start {
                break;
            }
            items.swap(at, next);
            at = next;
        }
    }
}

/// Sorts `items` by `compare`, stably (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = order(items.len(), &mut |i, j| compare(&items[i], &items[j]));
    permute(items, &order);
}

/// Sorts `items` by the key `key` gives, stably, computing each key once (like
/// `slice::sort_by_cached_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = order(keys.len(), &mut |i, j| keys[i].cmp(&keys[j]));
    permute(items, &order);
}

/// Sorts `items` in their own order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The items, sorted, each once: what collecting into a `BTreeSet` gives, as a `Vec`.
pub fn sorted_unique<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut items: Vec<T> = items.into_iter().collect();
    sort(&mut items);
    items.dedup();
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no crate.
    fn numbers(seed: u64, len: usize, modulo: u64) -> Vec<u64> {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_agree_with_the_standard_library_on_every_length_up_to_300() {
        for len in 0..300 {
            let mut ours = numbers(len as u64, len, 50);
            let mut theirs = ours.clone();
            sort(&mut ours);
            theirs.sort();
            assert_eq!(ours, theirs, "length {len}");
        }
    }

    #[test]
    fn equal_keys_keep_their_order() {
        // Pairs (key, original position): a stable sort leaves positions rising within a key.
        let keys = numbers(7, 257, 5);
        let mut items: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|item| item.0);
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, expected);
        let mut by_key = expected.clone();
        by_key.reverse();
        sort_by_key(&mut by_key, |item| item.0);
        let mut reversed = expected;
        reversed.reverse();
        reversed.sort_by_key(|item| item.0);
        assert_eq!(by_key, reversed);
    }

    #[test]
    fn keys_are_computed_once_per_item() {
        let mut items = vec!["delta", "alpha", "charlie", "bravo"];
        let mut calls = 0;
        sort_by_key(&mut items, |s| {
            calls += 1;
            s.len()
        });
        assert_eq!(calls, 4);
        assert_eq!(items, ["delta", "alpha", "bravo", "charlie"]);
    }

    #[test]
    fn sorted_unique_is_what_a_set_would_hold() {
        let words = ["SE", "DE", "FR", "DE", "AT", "SE"];
        assert_eq!(sorted_unique(words), ["AT", "DE", "FR", "SE"]);
        assert!(sorted_unique(Vec::<u8>::new()).is_empty());
    }

    #[test]
    fn the_order_is_a_permutation_and_sorts_the_indices() {
        let values = numbers(3, 100, 1000);
        let order = order(values.len(), &mut |i, j| values[i].cmp(&values[j]));
        let mut seen = order.clone();
        seen.sort();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
        assert!(order.windows(2).all(|w| values[w[0]] <= values[w[1]]));
    }
}
