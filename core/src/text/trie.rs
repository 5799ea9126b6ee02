//! A char trie over one or more word lists, read in one pass over a text:
//! for each list, the leftmost-longest words without overlaps (what
//! Aho-Corasick's `LeftmostLongest` finds), every list in the same walk.

use std::collections::HashMap;

use super::hash::FastHash;
use super::starts::Starts;
use crate::cancel::Checkpoint;

/// One word of a list found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// Byte offsets into the text.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// Index of the word in its list.
    pub word: u32,
}

/// Chars the root reaches through its dense table (the BMP).
const DENSE: usize = 0x1_0000;
/// How many places where a word may start the scan asks for at once.
const STARTS_BATCH: usize = 64;
/// The most lists a trie holds (a walk marks the lists it found a word
/// of in the bits of a `u32`).
const MAX_LISTS: usize = 32;

/// One node: where its edges and its list ends are stored.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// First edge in [`Trie::edges`]; the node's edges are sorted by char.
    edges: u32,
    /// Number of edges.
    n_edges: u32,
    /// First entry in [`Trie::ends`].
    ends: u32,
    /// Number of entries: one per list that has a word ending here.
    n_ends: u32,
}

/// The compiled trie.
#[derive(Debug)]
pub(crate) struct Trie {
    /// The root's child for each BMP char, 0 where there is none.
    root: Box<[u32; DENSE]>,
    /// Where a word may start: where the scan walks the trie.
    starts: Starts,
    nodes: Vec<Node>,
    /// `(code point, child)` edges, grouped by node.
    edges: Vec<(u32, u32)>,
    /// `(list, word)` pairs, grouped by node.
    ends: Vec<(u32, u32)>,
    lists: usize,
}

impl Trie {
    /// Builds the trie of `lists` (at most [`MAX_LISTS`]); word `i` of list
    /// `k` is reported as `word: i` among the matches of list `k`. A word
    /// repeated in a list counts by its first place.
    pub(crate) fn new<'a, L, W>(lists: L) -> Trie
    where
        L: IntoIterator<Item = W>,
        W: IntoIterator<Item = &'a str>,
    {
        let mut children: HashMap<(u32, char), u32, FastHash> = HashMap::default();
        let mut ends: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
        let mut starts = Starts::new();
        let mut n_lists = 0;
        for (k, list) in lists.into_iter().enumerate() {
            assert!(k < MAX_LISTS, "a trie holds at most {MAX_LISTS} lists");
            n_lists = k + 1;
            for (i, w) in list.into_iter().enumerate() {
                starts.add(w);
                let mut node = 0u32;
                for c in w.chars() {
                    let next = ends.len() as u32;
                    node = *children.entry((node, c)).or_insert(next);
                    if node == next {
                        ends.push(Vec::new());
                    }
                }
                let here = &mut ends[node as usize];
                if !here.iter().any(|&(l, _)| l == k as u32) {
                    here.push((k as u32, i as u32));
                }
            }
        }
        let mut edges: Vec<(u32, char, u32)> = children
            .into_iter()
            .map(|((from, c), to)| (from, c, to))
            .collect();
        edges.sort_unstable();
        let mut t = Trie {
            root: vec![0; DENSE].try_into().expect("DENSE entries"),
            starts,
            nodes: vec![Node::default(); ends.len()],
            edges: Vec::with_capacity(edges.len()),
            ends: Vec::new(),
            lists: n_lists,
        };
        for (node, e) in ends.into_iter().enumerate() {
            t.nodes[node].ends = t.ends.len() as u32;
            t.nodes[node].n_ends = e.len() as u32;
            t.ends.extend(e);
        }
        for (from, c, to) in edges {
            let n = &mut t.nodes[from as usize];
            if n.n_edges == 0 {
                n.edges = t.edges.len() as u32;
            }
            n.n_edges += 1;
            t.edges.push((u32::from(c), to));
            if from == 0 && (c as usize) < DENSE {
                t.root[c as usize] = to;
            }
        }
        t
    }

    /// The child of `node` by `c`, if any.
    #[inline]
    fn child(&self, node: u32, c: u32) -> Option<u32> {
        if node == 0 && (c as usize) < DENSE {
            // Below DENSE: read without a bounds check.
            return Some(self.root[c as u16 as usize]).filter(|&n| n != 0);
        }
        self.edge(self.nodes[node as usize], c)
    }

    /// The child by `c` of the node `n`, if any.
    #[inline(always)]
    fn edge(&self, n: Node, c: u32) -> Option<u32> {
        let edges = &self.edges[n.edges as usize..(n.edges + n.n_edges) as usize];
        if edges.len() <= 8 {
            edges.iter().find(|e| e.0 == c).map(|e| e.1)
        } else {
            edges
                .binary_search_by_key(&c, |e| e.0)
                .ok()
                .map(|k| edges[k].1)
        }
    }

    /// The `(list, word)` pairs of the words ending at `node`.
    #[inline]
    fn ends(&self, node: u32) -> &[(u32, u32)] {
        let n = self.nodes[node as usize];
        &self.ends[n.ends as usize..(n.ends + n.n_ends) as usize]
    }

    /// For each list, its leftmost-longest words in `text` without overlaps,
    /// in text order.
    /// Stops early (with the words found so far) when the current
    /// extraction is cancelled, checked about every 64 KB.
    pub(crate) fn scan(&self, text: &str) -> Vec<Vec<Found>> {
        // A list gets room for a word every 128 bytes when its first word
        // is found, so that most lists never grow and those with no word in
        // the text (most texts name no person of `person::KNOWN`) cost no
        // allocation.
        let room = text.len() / 128 + 1;
        let mut out: Vec<Vec<Found>> = (0..self.lists).map(|_| Vec::new()).collect();
        // Per list: where its next word may start.
        let mut next = [0usize; MAX_LISTS];
        // Per list: the longest word from the current start (where the
        // walk's mask has its bit).
        let mut best = [(0usize, 0u32); MAX_LISTS];
        let bytes = text.as_bytes();
        let mut checkpoint = Checkpoint::default();
        // Where words may start, found a batch at a time.
        let mut starts = [0; STARTS_BATCH];
        let mut from = 0;
        loop {
            // Asked once a batch of starts, not at every char: a text where
            // none may start is scanned in a blink anyway.
            if checkpoint.stop_at(from) {
                return out;
            }
            let (n, next_from) = self.starts.fill(bytes, from, &mut starts);
            for &p in &starts[..n] {
                let mut found = self.walk(bytes, p, &next, &mut best);
                while found != 0 {
                    let k = found.trailing_zeros() as usize;
                    found &= found - 1;
                    let (end, word) = best[k];
                    let list = &mut out[k];
                    if list.capacity() == 0 {
                        list.reserve_exact(room);
                    }
                    list.push(Found {
                        start: p,
                        end,
                        word,
                    });
                    next[k] = end;
                }
            }
            if n < STARTS_BATCH {
                return out;
            }
            from = next_from;
        }
    }

    /// Sets `best[k]` to the end and index of the longest word of list `k`
    /// at byte `p` of `bytes`, for the lists whose `next` start is not past
    /// `p`; the mask of the lists (bit `k`) that have one.
    #[inline]
    fn walk(
        &self,
        bytes: &[u8],
        p: usize,
        next: &[usize; MAX_LISTS],
        best: &mut [(usize, u32); MAX_LISTS],
    ) -> u32 {
        let (c, len) = decode(bytes, p);
        let Some(mut node) = self.child(0, c) else {
            return 0;
        };
        let mut end = p + len;
        let mut found = 0;
        loop {
            // Each node on the way is read once, for its ends and its edges.
            let n = self.nodes[node as usize];
            for &(list, word) in &self.ends[n.ends as usize..(n.ends + n.n_ends) as usize] {
                // Below MAX_LISTS: read without a bounds check.
                let k = list as usize % MAX_LISTS;
                if p >= next[k] {
                    best[k] = (end, word);
                    found |= 1 << k;
                }
            }
            if n.n_edges == 0 || end >= bytes.len() {
                return found;
            }
            let (c, len) = decode(bytes, end);
            node = match self.edge(n, c) {
                Some(child) => child,
                None => return found,
            };
            end += len;
        }
    }

    /// The longest word of `list` that `text` starts with: its byte length
    /// and index.
    pub(crate) fn longest_prefix(&self, text: &str, list: u32) -> Option<(usize, u32)> {
        let mut node = 0;
        let mut end = 0;
        let mut best = None;
        for c in text.chars() {
            node = match self.child(node, u32::from(c)) {
                Some(n) => n,
                None => break,
            };
            end += c.len_utf8();
            if let Some(&(_, word)) = self.ends(node).iter().find(|e| e.0 == list) {
                best = Some((end, word));
            }
        }
        best
    }

    /// The index of `text` as a word of `list`, if it is one.
    pub(crate) fn get(&self, text: &str, list: u32) -> Option<u32> {
        let mut node = 0;
        for c in text.chars() {
            node = self.child(node, u32::from(c))?;
        }
        self.ends(node).iter().find(|e| e.0 == list).map(|e| e.1)
    }
}

/// The code point of the char starting at byte `p` of the UTF-8 `bytes`
/// (a char boundary), and its length in bytes.
#[inline(always)]
fn decode(bytes: &[u8], p: usize) -> (u32, usize) {
    let lead = bytes[p];
    if lead < 0x80 {
        return (u32::from(lead), 1);
    }
    // Most chars of a Chinese text take three bytes: one look-up for both
    // continuation bytes.
    if let (0xe0..=0xef, Some(&[b1, b2])) = (lead, bytes.get(p + 1..p + 3)) {
        let c = (u32::from(lead & 0x0f) << 12) | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f);
        return (c, 3);
    }
    let cont = |k: usize| u32::from(bytes[p + k] & 0x3f);
    match lead {
        0x80..=0xdf => ((u32::from(lead & 0x1f) << 6) | cont(1), 2),
        _ => (
            (u32::from(lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    fn ac_matches(words: &[&str], text: &str) -> Vec<Found> {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .unwrap()
            .find_iter(text)
            .map(|m| Found {
                start: m.start(),
                end: m.end(),
                word: m.pattern().as_u32(),
            })
            .collect()
    }

    #[test]
    fn leftmost_longest_per_list() {
        let a = ["重庆", "重庆市", "庆市", "江北区", "北区"];
        let b = ["市江", "区"];
        let t = Trie::new([a.to_vec(), b.to_vec()]);
        let text = "重庆市江北区和北区";
        let found = t.scan(text);
        assert_eq!(found[0], ac_matches(&a, text));
        assert_eq!(found[1], ac_matches(&b, text));
        assert_eq!(t.longest_prefix("重庆市江", 0), Some(("重庆市".len(), 1)));
        assert_eq!(t.longest_prefix("市江", 0), None);
        assert_eq!(t.get("江北区", 0), Some(3));
        assert_eq!(t.get("江北", 0), None);
        assert_eq!(t.get("区", 1), Some(1));
    }

    #[test]
    fn decodes_like_chars() {
        let text = "a¢重庆𠵾,z";
        let mut p = 0;
        for (i, c) in text.char_indices() {
            assert_eq!(
                (i, decode(text.as_bytes(), i)),
                (p, (u32::from(c), c.len_utf8()))
            );
            p += c.len_utf8();
        }
    }

    proptest! {
        #[test]
        fn same_matches_as_aho_corasick(
            a in prop::collection::vec("[甲乙丙丁a]{1,4}", 1..12),
            b in prop::collection::vec("[甲乙丙b]{1,3}", 1..6),
            text in "[甲乙丙丁ab ]{0,40}",
        ) {
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let b: Vec<&str> = b.iter().map(String::as_str).collect();
            let t = Trie::new([a.clone(), b.clone()]);
            let found = t.scan(&text);
            prop_assert_eq!(&found[0], &ac_matches(&a, &text));
            prop_assert_eq!(&found[1], &ac_matches(&b, &text));
        }
    }
}
