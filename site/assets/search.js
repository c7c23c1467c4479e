/* Gloss search: finds articles, entities and notes in the index that `gloss build` writes under
   search/. No dependencies, no server: each index file is a small script, so this works on any
   static host and from file://. Without JavaScript the page keeps its links to the entity and tag
   indexes. The word rules below must match Sources/GlossRender/SearchIndexTokenizer.swift. */
(() => {
  "use strict";
  const box = document.getElementById("search");
  if (!box) return;
  const form = box.querySelector(".search-form");
  const input = box.querySelector("#search-input");
  const status = box.querySelector("#search-status");
  const list = box.querySelector("#search-results");
  const more = box.querySelector(".search-more");
  const fallback = box.querySelector(".search-fallback");
  const indexURL = box.getAttribute("data-index") || "search/";
  const siteRoot = box.getAttribute("data-root") || "";

  // ---- Loading: every index file stores one value in self.glossSearch[key].
  const store = (self.glossSearch = self.glossSearch || {});
  const loads = new Map();
  function load(key) {
    if (loads.has(key)) return loads.get(key);
    const promise = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      let settled = false;
      const finish = (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        script.remove();
        const value = store[key];
        delete store[key];
        if (error || value === undefined) {
          loads.delete(key);
          reject(error || new Error("empty search file " + key));
        } else {
          resolve(value);
        }
      };
      const timer = setTimeout(() => finish(new Error("timed out loading " + key)), 20000);
      script.onload = () => finish(null);
      script.onerror = () => finish(new Error("could not load " + key));
      script.async = true;
      script.charset = "utf-8";
      script.src = indexURL + key + ".js";
      document.head.appendChild(script);
    });
    loads.set(key, promise);
    return promise;
  }

  // ---- Words: fold (NFKD, lowercase, no nonspacing marks, ς → σ), then split.
  const WORD = /[\p{L}\p{N}\p{Mc}]/u;
  const MARKS = /\p{Mn}/gu;
  const isApostrophe = (c) => c === "'" || c === "\u2019" || c === "\u02BC";
  const isWord = (c) => !isApostrophe(c) && WORD.test(c);
  const isSingle = (c) => {
    const v = c.codePointAt(0);
    return (v >= 0x3040 && v <= 0x30FF) || (v >= 0x31F0 && v <= 0x31FF) || (v >= 0x3400 && v <= 0x4DBF) ||
      (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x2FFFF);
  };
  const fold = (text) => text.normalize("NFKD").toLowerCase().replace(MARKS, "").replace(/\u03C2/g, "\u03C3");
  const MAX_WORD = 40;

  function tokens(text) {
    const out = [];
    let word = "", length = 0, pending = 0; // pending: 1 = apostrophe after a word, 2 = and an s
    const flush = () => {
      if (length > 0 && length <= MAX_WORD) out.push(word);
      word = "";
      length = 0;
    };
    for (const c of fold(text)) {
      if (pending === 2) {
        pending = 0;
        if (isWord(c)) { flush(); word = "s"; length = 1; } else { flush(); }
      } else if (pending === 1) {
        pending = 0;
        if (c === "s") { pending = 2; continue; }
        flush();
      }
      if (isApostrophe(c)) { if (length > 0) pending = 1; }
      else if (isSingle(c)) { flush(); word = c; length = 1; flush(); }
      else if (isWord(c)) { word += c; length++; }
      else flush();
    }
    flush();
    return out;
  }

  // Every word is exact except the one being typed (the last, with no space after it).
  function terms(query, minPrefix) {
    const words = [...new Set(tokens(query))];
    const chars = [...query];
    const last = chars[chars.length - 1];
    const typing = last !== undefined && (isWord(last) || isApostrophe(last));
    return words.map((word, i) => ({
      word, prefix: i === words.length - 1 && typing && [...word].length >= minPrefix,
    }));
  }

  // ---- Index chunks: sorted word ranges; postings are base64url, see PostingsCoder in Swift.
  const VALUE = new Int8Array(128).fill(-1);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach((c, i) => { VALUE[c.charCodeAt(0)] = i; });

  function decode(text, into, factor) {
    let previous = -1, gap = 0;
    for (let i = 0; i < text.length; i++) {
      const v = VALUE[text.charCodeAt(i)];
      if (v >= 32) { gap = gap * 32 + v - 32; continue; }
      previous += gap * 32 + v + 1;
      gap = 0;
      const weight = VALUE[text.charCodeAt(++i)] * factor;
      if (!(into.get(previous) >= weight)) into.set(previous, weight);
    }
  }

  // ---- Result records come in shards of consecutive documents; the manifest gives each
  // shard's number of documents, one symbol of the same alphabet each.
  let shardStarts = null;
  function shardOf(manifest, doc) {
    if (!shardStarts) {
      shardStarts = [];
      let start = 0;
      for (let i = 0; i < manifest.shards.length; i++) { shardStarts.push(start); start += VALUE[manifest.shards.charCodeAt(i)]; }
    }
    let low = 0, high = shardStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (shardStarts[mid] <= doc) low = mid + 1; else high = mid;
    }
    return low - 1;
  }

  async function record(doc) {
    const manifest = await load("manifest");
    const shard = shardOf(manifest, doc);
    const records = await load("docs/" + shard);
    return records[doc - shardStarts[shard]];
  }

  function chunkFor(word, firsts) {
    let low = 0, high = firsts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (word < firsts[mid]) high = mid; else low = mid + 1;
    }
    return low - 1;
  }

  function chunksFor(term, firsts, maxPrefixChunks) {
    const first = chunkFor(term.word, firsts);
    if (!term.prefix || !firsts.length) return first < 0 ? [] : [first];
    const chunks = [Math.max(0, first)];
    while (chunks.length < maxPrefixChunks) {
      const next = chunks[chunks.length - 1] + 1;
      if (next >= firsts.length || !firsts[next].startsWith(term.word)) break;
      chunks.push(next);
    }
    return chunks;
  }

  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  async function search(query) {
    const manifest = await load("manifest");
    const firsts = manifest.chunks.map((chunk) => chunk[0]);
    const queryTerms = terms(query, manifest.minPrefix);
    if (!queryTerms.length) return null;
    const chunkLists = queryTerms.map((term) => chunksFor(term, firsts, manifest.maxPrefixChunks));
    const needed = [...new Set(chunkLists.flat())];
    const loaded = new Map(await Promise.all(needed.map((i) => load("index/" + i).then((data) => [i, data]))));
    const perTerm = queryTerms.map((term, k) => {
      const weights = new Map();
      for (const i of chunkLists[k]) {
        const data = loaded.get(i);
        if (!term.prefix) {
          if (has(data, term.word)) decode(data[term.word], weights, 1);
        } else {
          for (const word of Object.keys(data)) {
            if (word.startsWith(term.word)) decode(data[word], weights, word === term.word ? 1 : 0.7);
          }
        }
      }
      return weights;
    });
    const count = manifest.documents;
    const scores = new Map();
    for (const weights of perTerm) {
      const df = weights.size;
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      for (const [doc, weight] of weights) {
        const entry = scores.get(doc) || [0, 0];
        entry[0] += 1;
        entry[1] += idf * weight / (weight + 2);
        scores.set(doc, entry);
      }
    }
    let best = 0;
    for (const entry of scores.values()) best = Math.max(best, entry[0]);
    const results = [...scores].filter(([, entry]) => entry[0] === best)
      .sort((a, b) => b[1][1] - a[1][1] || b[0] - a[0])
      .map(([doc]) => doc);
    return { terms: queryTerms, results, complete: best === queryTerms.length, pageSize: manifest.pageSize };
  }

  // ---- Showing results: title, kind, date, context and a snippet with the words marked.
  const RUN = /[\p{L}\p{N}\p{M}'\u2019\u02BC]+/gu;

  function matches(run, queryTerms) {
    for (const word of tokens(run)) {
      for (const term of queryTerms) {
        if (term.prefix ? word.startsWith(term.word) : word === term.word) return term.word;
      }
    }
    return null;
  }

  function hits(text, queryTerms) {
    const found = [];
    for (const m of text.matchAll(RUN)) {
      const term = matches(m[0], queryTerms);
      if (term) found.push({ start: m.index, end: m.index + m[0].length, term });
    }
    return found;
  }

  function marked(text, found) {
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const hit of found) {
      if (hit.start < at) continue;
      fragment.append(text.slice(at, hit.start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(hit.start, hit.end);
      fragment.append(mark);
      at = hit.end;
    }
    fragment.append(text.slice(at));
    return fragment;
  }

  const BEFORE = 60, LENGTH = 220;

  function snippet(doc, queryTerms) {
    for (const text of [doc.x || "", doc.s || ""]) {
      const found = hits(text, queryTerms);
      if (!found.length) continue;
      // The window with the most different words in it; the earliest such.
      let bestStart = found[0].start, bestCount = 0;
      for (const hit of found) {
        const seen = new Set(found.filter((h) => h.start >= hit.start && h.end <= hit.start + LENGTH - BEFORE).map((h) => h.term));
        if (seen.size > bestCount) { bestCount = seen.size; bestStart = hit.start; }
      }
      let start = Math.max(0, bestStart - BEFORE);
      if (start > 0) { const space = text.indexOf(" ", start); start = space >= 0 && space < bestStart ? space + 1 : start; }
      let end = Math.min(text.length, start + LENGTH);
      if (end < text.length) { const space = text.lastIndexOf(" ", end); if (space > bestStart) end = space; }
      const piece = text.slice(start, end).replace(/\s+/g, " ");
      const fragment = document.createDocumentFragment();
      if (start > 0) fragment.append("… ");
      fragment.append(marked(piece, hits(piece, queryTerms)));
      if (end < text.length) fragment.append(" …");
      return fragment;
    }
    const plain = (doc.s || doc.x || "").replace(/\s+/g, " ");
    return document.createTextNode(plain.length > LENGTH ? plain.slice(0, plain.lastIndexOf(" ", LENGTH)) + " …" : plain);
  }

  function resultItem(doc, queryTerms) {
    const item = document.createElement("li");
    item.className = "search-result kind-" + doc.k;
    const heading = document.createElement("h2");
    heading.className = "search-result-title";
    const link = document.createElement("a");
    link.href = siteRoot + doc.u;
    link.append(marked(doc.t, hits(doc.t, queryTerms)));
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    const kind = document.createElement("span");
    kind.className = "search-result-kind";
    kind.textContent = doc.l;
    meta.append(kind);
    if (doc.d) {
      const time = document.createElement("time");
      if (doc.i) time.setAttribute("datetime", doc.i);
      time.textContent = doc.d;
      meta.append(" · ", time);
    }
    if (doc.c) meta.append(" · " + doc.c);
    const text = document.createElement("p");
    text.className = "search-result-snippet";
    text.append(snippet(doc, queryTerms));
    item.append(heading, meta, text);
    return item;
  }

  // ---- The page: state, events, keyboard.
  let current = null; // { query, terms, results, shown, pageSize }
  let sequence = 0;
  let timer = 0;

  const plural = (n, one, many) => n + " " + (n === 1 ? one : many);

  async function showMore(moveFocus) {
    const state = current;
    if (!state) return;
    const batch = state.results.slice(state.shown, state.shown + state.pageSize);
    const docs = await Promise.all(batch.map(record));
    if (state !== current) return;
    const first = list.children.length;
    for (const doc of docs) list.append(resultItem(doc, state.terms));
    state.shown += batch.length;
    more.hidden = state.shown >= state.results.length;
    if (moveFocus && list.children[first]) list.children[first].querySelector("a").focus();
  }

  async function run(query) {
    const mine = ++sequence;
    try {
      const found = await search(query);
      if (mine !== sequence) return;
      list.textContent = "";
      more.hidden = true;
      if (!found) { current = null; status.textContent = ""; return; }
      current = { query, terms: found.terms, results: found.results, shown: 0, pageSize: found.pageSize || 10 };
      await showMore(false);
      if (mine !== sequence) return;
      const n = found.results.length;
      const quoted = "\u201C" + query.trim() + "\u201D";
      status.textContent = n === 0 ? "No results for " + quoted + ". Try fewer or shorter words."
        : found.complete ? plural(n, "result", "results") + " for " + quoted + "."
          : "No result has every word of " + quoted + "; " + plural(n, "result has", "results have") + " some of them.";
    } catch (error) {
      if (mine !== sequence) return;
      status.textContent = "The search index could not be loaded (" + error.message + "). Browse the entities and tags instead.";
      fallback.hidden = false;
    }
  }

  function schedule(delay) {
    clearTimeout(timer);
    const query = input.value;
    try {
      const url = new URL(location.href);
      if (query.trim()) url.searchParams.set("q", query); else url.searchParams.delete("q");
      history.replaceState(null, "", url.href);
    } catch (_) { /* file:// in some browsers */ }
    if (!query.trim()) {
      sequence++;
      current = null;
      list.textContent = "";
      more.hidden = true;
      status.textContent = "";
      return;
    }
    timer = setTimeout(() => run(query), delay);
  }

  const links = () => [...list.querySelectorAll(".search-result-title a")];

  input.addEventListener("input", () => schedule(150));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      const first = links()[0];
      if (first) { event.preventDefault(); first.focus(); }
    } else if (event.key === "Escape" && input.value) {
      event.preventDefault();
      input.value = "";
      schedule(0);
    }
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); schedule(0); });
  list.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    let next = null;
    if (event.key === "ArrowDown") next = all[at + 1] || (more.hidden ? null : more);
    else if (event.key === "ArrowUp") next = at === 0 ? input : all[at - 1];
    else if (event.key === "Home") next = all[0];
    else if (event.key === "End") next = all[all.length - 1];
    else if (event.key === "Escape") next = input;
    if (next) { event.preventDefault(); next.focus(); }
  });
  more.addEventListener("keydown", (event) => {
    if (event.key === "ArrowUp") { const all = links(); if (all.length) { event.preventDefault(); all[all.length - 1].focus(); } }
  });
  more.addEventListener("click", () => { showMore(true).catch(() => {}); });

  fallback.hidden = true;
  form.hidden = false;
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; schedule(0); }
  load("manifest").catch(() => {}); // warm up while the reader types
})();
