//! The `sel` binary's global allocator: mimalloc, entered through its plain `malloc`
//! family whenever the layout allows.
//!
//! Each evaluation parses afresh and builds many small short-lived objects, so the
//! allocator is a visible share of every evaluation. The `mimalloc` crate's own
//! allocator always calls the `*_aligned` entry points, whose extra checks cost about
//! as much again as the allocation itself; most Rust layouts need no more than the
//! word alignment every mimalloc block has anyway.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc's block sizes are multiples of the word size and its pages start
/// 16-aligned, so every block it returns is at least word-aligned.
const BLOCK_ALIGN: usize = std::mem::size_of::<usize>();

/// Whether a plain (unaligned) mimalloc call satisfies an alignment of `align`.
#[inline]
fn plain(align: usize) -> bool {
    align <= BLOCK_ALIGN
}

pub struct Mimalloc;

// SAFETY: every pointer returned comes from mimalloc with at least `layout.size()`
// bytes and the layout's alignment (either because the alignment is at most the word
// alignment all mimalloc blocks have, or through mimalloc's aligned entry point), and
// every pointer freed or reallocated was returned by these functions. `mi_free` and
// `mi_realloc*` accept blocks from either family.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align()) {
            mi::mi_malloc(layout.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align()) {
            mi::mi_zalloc(layout.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(layout.align()) {
            mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every alignment the two paths serve comes back aligned, and writable.
    #[test]
    fn layouts_come_back_aligned() {
        let a = Mimalloc;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 17, 24, 40, 100, 1000, 5000, 70_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "size {size} align {align}");
                    p.write_bytes(0xAB, size);
                    let q = a.realloc(p, layout, size * 3);
                    assert_eq!(q as usize % align, 0, "realloc size {size} align {align}");
                    assert_eq!(*q.add(size - 1), 0xAB);
                    a.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0);
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    a.dealloc(z, layout);
                }
            }
        }
    }
}
