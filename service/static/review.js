/* claimkit review page: keyboard-first review through the JSON API. No dependencies.
 *
 * The server renders the article and the claim cards (/review/articles/{id}/panel); every
 * action goes through the JSON API, then the panel is fetched again, so the page always
 * shows what is stored. Offsets are Python string indices (code points), hence codePoints().
 */
(() => {
  "use strict";

  const root = document.body.dataset.root || "";
  const host = document.getElementById("review-root");
  const articleId = host.dataset.articleId;
  const statusLine = document.getElementById("status-line");
  const reviewerInput = document.getElementById("reviewer");
  const keyInput = document.getElementById("api-key");
  const logoutButton = document.getElementById("logout");
  const help = document.getElementById("keys-help");
  const reviewerDialog = document.getElementById("reviewer-dialog");
  const exportLink = document.getElementById("export-gold");
  const partialLink = document.getElementById("export-partial");
  const layoutToggle = document.getElementById("layout-toggle");

  let selectedId = null; // claim id of the selected card ("new" for an unsaved claim)
  let lastSelection = null; // the last span of article text the reviewer selected
  let sentenceCache = null; // the article's sentences, as code-point spans
  let keyboardSpan = null; // sentences selected with s / Shift+arrows: {anchor, focus, start, end}

  const articleText = () => document.getElementById("article-text");
  const claimsPane = () => document.getElementById("claims");
  const cards = () => [...document.querySelectorAll("#claims .claim-card:not(.new-claim)")];
  const cardOf = (id) => document.getElementById(`claim-${id}`);
  const marksOf = (id) => articleText().querySelectorAll(`mark.hl[data-claims~="${id}"]`);
  const selectedCard = () => document.querySelector("#claims .claim-card.selected");
  const numberOf = (card) => card.querySelector(".num")?.textContent || "claim";
  const codePoints = (text) => [...text].length;

  // ---- who is reviewing, and the API key when the server wants one

  reviewerInput.value = localStorage.getItem("claimkit.reviewer") || "";
  reviewerInput.addEventListener("input", () =>
    localStorage.setItem("claimkit.reviewer", reviewerInput.value.trim()),
  );
  if (keyInput) {
    keyInput.value = sessionStorage.getItem("claimkit.apiKey") || "";
    logoutButton.hidden = !keyInput.value;
    keyInput.addEventListener("input", () => {
      sessionStorage.setItem("claimkit.apiKey", keyInput.value);
      logoutButton.hidden = !keyInput.value;
    });
    logoutButton.addEventListener("click", () => {
      sessionStorage.removeItem("claimkit.apiKey");
      keyInput.value = "";
      logoutButton.hidden = true;
    });
  }
  document.getElementById("identity").addEventListener("submit", (event) => {
    event.preventDefault();
    document.activeElement.blur();
  });

  // Ask for the reviewer's name on the first write when the box is empty; remember it.
  function askReviewer() {
    return new Promise((resolve) => {
      const input = document.getElementById("reviewer-name");
      input.value = "";
      reviewerDialog.returnValue = "";
      reviewerDialog.addEventListener(
        "close",
        () => {
          const name = input.value.trim();
          resolve(reviewerDialog.returnValue === "save" && name ? name : null);
        },
        { once: true },
      );
      reviewerDialog.showModal();
      input.focus();
    });
  }

  async function ensureReviewer() {
    const current = reviewerInput.value.trim();
    if (current) return current;
    const name = await askReviewer();
    if (!name) return null;
    reviewerInput.value = name;
    localStorage.setItem("claimkit.reviewer", name);
    return name;
  }

  // The status line has a fixed height: long messages are cut, the whole text is its title.
  function say(message, isError = false) {
    statusLine.textContent = message;
    statusLine.title = message;
    statusLine.classList.toggle("error", isError);
  }

  const NO_REVIEWER = {
    ok: false,
    status: 0,
    data: { detail: "Not saved: enter your name (it goes with every review action)." },
  };

  async function api(method, path, body) {
    const headers = {};
    const reviewer = method === "GET" ? reviewerInput.value.trim() : await ensureReviewer();
    if (reviewer === null) return NO_REVIEWER;
    if (reviewer) headers["X-Reviewer"] = encodeURIComponent(reviewer);
    if (keyInput && keyInput.value) headers["X-API-Key"] = keyInput.value;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(root + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    return { ok: response.ok, status: response.status, data };
  }

  function errorMessages(result) {
    const detail = result.data && result.data.detail;
    if (result.status === 401) return ["Saving needs the API key: enter it at the top right."];
    if (Array.isArray(detail)) {
      return detail.map((error) => {
        const field = error.loc.filter((part) => part !== "body").join(".");
        return field ? `${field}: ${error.msg}` : error.msg;
      });
    }
    return [typeof detail === "string" ? detail : `request failed (${result.status})`];
  }

  function failed(result) {
    say(errorMessages(result).join("; "), true);
    if (result.status === 401 && keyInput) keyInput.focus();
  }

  // ---- selection of claims

  function select(card, { scroll = true } = {}) {
    document.querySelectorAll(".claim-card.selected").forEach((c) => c.classList.remove("selected"));
    document.querySelectorAll("mark.hl.current").forEach((m) => m.classList.remove("current"));
    if (!card) {
      selectedId = null;
      return;
    }
    card.classList.add("selected");
    selectedId = card.dataset.claimId;
    const marks = marksOf(selectedId);
    marks.forEach((mark) => mark.classList.add("current"));
    if (scroll === "panes") {
      scrollWithin(claimsPane(), card);
      if (marks.length) scrollWithin(articleText(), marks[0]);
    } else if (scroll) {
      card.scrollIntoView({ block: "nearest" });
      if (marks.length) marks[0].scrollIntoView({ block: "nearest" });
    }
  }

  // Scroll only `pane` (not the window) so that `element` shows in it.
  function scrollWithin(pane, element) {
    const box = pane.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom) pane.scrollTop += rect.top - box.top - 16;
  }

  function neighbour(card, step) {
    const list = cards();
    const index = list.indexOf(card);
    if (index === -1) return list[0] || null;
    return list[index + step] || null;
  }

  function move(step) {
    const next = neighbour(selectedCard(), step);
    if (next) select(next);
  }

  // The claim nearest to `id` in `order` (the card ids before a refresh) that is still shown.
  function nearestCard(order, id) {
    const index = order.indexOf(id);
    if (index === -1) return null;
    for (let distance = 1; distance < order.length; distance += 1) {
      const found = cardOf(order[index + distance]) || cardOf(order[index - distance]);
      if (found) return found;
    }
    return null;
  }

  async function refresh(selectId = selectedId) {
    const order = cards().map((card) => card.dataset.claimId);
    const response = await fetch(`${root}/review/articles/${articleId}/panel`);
    if (!response.ok) {
      say("Could not reload the claims; reload the page.", true);
      return;
    }
    const html = await response.text();
    const textScroll = articleText().scrollTop;
    const claimsScroll = claimsPane().scrollTop;
    const droppedOpen = document.getElementById("dropped-claims")?.open;
    document.getElementById("review-panel").outerHTML = html;
    const dropped = document.getElementById("dropped-claims");
    if (dropped && droppedOpen) dropped.open = true;
    articleText().scrollTop = textScroll;
    claimsPane().scrollTop = claimsScroll;
    sentenceCache = null;
    afterRender();
    const target = selectId && (cardOf(selectId) || nearestCard(order, String(selectId)));
    select(target || cards()[0] || null);
  }

  // Rejected claims' highlights look rejected (grey, dashed) unless another claim shares them.
  function markRejected() {
    for (const mark of articleText().querySelectorAll("mark.hl")) {
      const statuses = mark.dataset.claims.split(" ").map((id) => cardOf(id)?.dataset.status);
      mark.classList.toggle("rejected", statuses.every((status) => status === "rejected"));
    }
  }

  function afterRender() {
    markRejected();
    updateExport();
  }

  // ---- review actions

  async function review(action, card = selectedCard()) {
    if (!card || card.dataset.claimId === "new") {
      say("No claim selected: press j to select one.", true);
      return;
    }
    const result = await api("POST", `/claims/${card.dataset.claimId}/${action}`);
    if (!result.ok) {
      failed(result);
      return;
    }
    const next = neighbour(card, +1) || card;
    const label = numberOf(card);
    await refresh(next.dataset.claimId);
    say(`${action === "accept" ? "Accepted" : "Rejected"} ${label}.`);
  }

  function openRating(card = selectedCard()) {
    const select = card?.querySelector(".rating-form select");
    if (!select) {
      say("No claim selected: press j to select one.", true);
      return;
    }
    select.focus();
  }

  async function rate(form) {
    const card = form.closest(".claim-card");
    const rating = form.elements.rating.value;
    if (!rating) {
      say("Choose a rating first: true, false, misleading or unverifiable.", true);
      form.elements.rating.focus();
      return;
    }
    const note = form.elements.note.value.trim();
    const result = await api("POST", `/claims/${card.dataset.claimId}/rate`, {
      rating,
      note: note || null,
    });
    if (!result.ok) {
      failed(result);
      return;
    }
    const label = numberOf(card);
    await refresh(card.dataset.claimId);
    say(`Rated ${label} ${rating}.`);
  }

  async function undo() {
    const result = await api("POST", `/articles/${articleId}/review/undo`);
    if (result.status === 409) {
      say("Nothing to undo.");
      return;
    }
    if (!result.ok) {
      failed(result);
      return;
    }
    const undone = result.data.undone;
    // An undone "add" removes the claim: the selection moves to its nearest neighbour.
    const claimId = String(result.data.claim ? result.data.claim.id : undone.claim_id);
    await refresh(claimId);
    const card = cardOf(claimId);
    say(`Undid ${undone.action} on ${card ? numberOf(card) : "the added claim"}.`);
  }

  // ---- gold export: the button says what is unreviewed; a refusal shows in the status line

  function updateExport() {
    const counts = document.getElementById("counts");
    if (!exportLink || !counts) return;
    const unreviewed = Number(counts.dataset.unreviewed || 0);
    exportLink.dataset.unreviewed = String(unreviewed);
    exportLink.querySelector(".export-count").textContent = unreviewed
      ? ` (${unreviewed} unreviewed)`
      : "";
    exportLink.title = unreviewed
      ? `${unreviewed} claim(s) still unreviewed: a gold file lists all of an article's ` +
        "claims, so this refuses until they are reviewed"
      : "download this article as a gold file";
    if (partialLink) partialLink.hidden = !unreviewed;
  }

  function saveFile(blob, filename) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async function exportGold(link) {
    const headers = {};
    if (keyInput && keyInput.value) headers["X-API-Key"] = keyInput.value;
    say("Exporting…");
    const response = await fetch(link.href, { headers });
    if (!response.ok) {
      let data = null;
      try {
        data = await response.json();
      } catch {
        data = null;
      }
      const message = errorMessages({ status: response.status, data }).join("; ");
      say(`Not exported: ${message}`, true);
      return;
    }
    const filename = link.getAttribute("download") || "gold.json";
    saveFile(await response.blob(), filename);
    say(
      link === partialLink
        ? `Exported ${filename}, marked partial: not usable as gold.`
        : `Exported ${filename}.`,
    );
  }

  // ---- compact rows or full cards, remembered in this browser

  function setLayout(compact) {
    document.body.classList.toggle("compact", compact);
    if (layoutToggle) {
      layoutToggle.setAttribute("aria-pressed", String(compact));
      layoutToggle.querySelector(".long").textContent = compact ? "Full cards" : "Compact rows";
      layoutToggle.querySelector(".short").textContent = compact ? "Cards" : "Rows";
    }
    localStorage.setItem("claimkit.layout", compact ? "compact" : "cards");
  }

  function toggleLayout() {
    setLayout(!document.body.classList.contains("compact"));
    selectedCard()?.scrollIntoView({ block: "nearest" });
    say(document.body.classList.contains("compact") ? "Compact rows." : "Full cards.");
  }

  // ---- selecting article text from the keyboard, a sentence at a time

  const articleChars = () => [...articleText().textContent];

  // The article's sentences as code-point spans, whitespace trimmed.
  function sentences() {
    if (sentenceCache) return sentenceCache;
    const text = articleText().textContent;
    const pieces = [];
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
      for (const piece of segmenter.segment(text)) pieces.push(piece.segment);
    } else {
      pieces.push(...(text.match(/[^.!?\n]*(?:[.!?]+["'”’)]*|\n|$)\s*/g) || []));
    }
    const spans = [];
    let offset = 0;
    for (const piece of pieces) {
      for (const line of piece.split(/(?<=\n)/)) {
        const length = codePoints(line);
        const lead = length - codePoints(line.trimStart());
        const body = line.trim();
        const start = offset + lead;
        if (body) spans.push({ start, end: start + codePoints(body), text: body });
        offset += length;
      }
    }
    sentenceCache = spans;
    return spans;
  }

  // The index of the sentence holding code point `offset` (or the next one after it).
  function sentenceIndexAt(offset) {
    const list = sentences();
    const index = list.findIndex((sentence) => offset < sentence.end);
    return index === -1 ? list.length - 1 : index;
  }

  // A DOM range over code points [start, end) of the article text.
  function rangeOf(start, end) {
    const walker = document.createTreeWalker(articleText(), NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    let startSet = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chars = [...node.data];
      if (!startSet && start < seen + chars.length) {
        range.setStart(node, chars.slice(0, start - seen).join("").length);
        startSet = true;
      }
      if (startSet && end <= seen + chars.length) {
        range.setEnd(node, chars.slice(0, end - seen).join("").length);
        return range;
      }
      seen += chars.length;
    }
    return null;
  }

  // Code-point offset of the caret (a click in the article leaves one), or null.
  function caretOffset() {
    const selection = window.getSelection();
    if (!selection || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    if (!articleText().contains(range.startContainer)) return null;
    const before = document.createRange();
    before.setStart(articleText(), 0);
    before.setEnd(range.startContainer, range.startOffset);
    return codePoints(before.toString());
  }

  // Scroll the article pane (and the window, when the pane does not scroll) to a range's end.
  function scrollToRange(range, toEnd) {
    const pane = articleText();
    const rects = range.getClientRects();
    if (!rects.length) return;
    const rect = toEnd ? rects[rects.length - 1] : rects[0];
    const box = pane.getBoundingClientRect();
    const margin = 24;
    if (rect.bottom > box.bottom - margin) pane.scrollTop += rect.bottom - box.bottom + margin;
    else if (rect.top < box.top + margin) pane.scrollTop -= box.top + margin - rect.top;
    const moved = toEnd ? range.getClientRects()[rects.length - 1] : range.getClientRects()[0];
    if (moved.bottom > window.innerHeight || moved.top < 0) {
      window.scrollBy({ top: moved.top - window.innerHeight / 3 });
    }
  }

  function selectSentences(anchor, focus) {
    const list = sentences();
    const first = list[Math.min(anchor, focus)];
    const last = list[Math.max(anchor, focus)];
    const range = rangeOf(first.start, last.end);
    if (!range) return;
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    keyboardSpan = { anchor, focus, start: first.start, end: last.end };
    const count = Math.abs(focus - anchor) + 1;
    scrollToRange(range, focus >= anchor);
    say(`Selected ${count} sentence${count === 1 ? "" : "s"}: n makes a claim, Shift+↓ extends.`);
  }

  // Still the selection s / Shift+arrows made (not changed with the mouse since)?
  function keyboardSelectionActive() {
    const span = spanOfSelection();
    if (!keyboardSpan || !span) return false;
    return span.start === keyboardSpan.start && span.end === keyboardSpan.end;
  }

  // s: the sentence at the caret, else the next one after the sentences selected with s,
  // else the one with the selected claim's evidence, else the first. S: the previous one.
  function selectSentence(step) {
    const list = sentences();
    if (!list.length) return;
    let index;
    if (keyboardSelectionActive()) {
      const { anchor, focus } = keyboardSpan;
      const edge = step < 0 ? Math.min(anchor, focus) : Math.max(anchor, focus);
      index = Math.min(Math.max(edge + step, 0), list.length - 1);
    } else {
      const caret = caretOffset();
      const mark = selectedId ? marksOf(selectedId)[0] : null;
      if (caret !== null) index = sentenceIndexAt(caret);
      else if (mark) index = sentenceIndexAt(Number(mark.dataset.start));
      else index = 0;
    }
    selectSentences(index, index);
  }

  // Shift+↓ / Shift+↑: move the selection's far end by a sentence.
  function extendSentences(step) {
    if (!keyboardSelectionActive()) {
      selectSentence(0);
      return;
    }
    const last = sentences().length - 1;
    const focus = Math.min(Math.max(keyboardSpan.focus + step, 0), last);
    selectSentences(keyboardSpan.anchor, focus);
  }

  // ---- guessing a new claim's subject and source from its sentence

  // Words that end a subject: auxiliaries, reporting verbs, common irregular past tenses and
  // the adverbs that sit between a subject and its verb.
  const VERB_LIKE = new Set(
    ("is are was were be been being am has have had do does did will would shall should can " +
      "could may might must said says say told tells claims warned believes appears remain " +
      "remains began begins plans came went made took gave got found left saw held met won " +
      "lost fell rose hit sent led kept brought became also not still yet already reportedly " +
      "allegedly").split(" "),
  );
  const LEADING_CLAUSE = /^(?:(?:according to|in|on|after) [^,]+|meanwhile|however),\s*/i;
  const QUOTES = /^[\s"'“”‘’«»(]+|[\s"'“”‘’«»),.;:]+$/g;
  const REPORTING = "(?:said|says|told|has said|had said|added|warned|wrote)";
  const NAME_WORD = "\\p{Lu}[\\p{L}\\p{N}.'’-]*";

  // The words before the first verb-like word; else the leading capitalised name.
  function guessSubject(sentence) {
    const words = sentence.replace(QUOTES, "").replace(LEADING_CLAUSE, "").split(/\s+/);
    const stop = words.findIndex(
      (word, index) =>
        index > 0 &&
        (VERB_LIKE.has(word.toLowerCase()) ||
          /^[a-z]{3,}ed$/.test(word) ||
          /[,;:]$/.test(words[index - 1])),
    );
    const before = words.slice(0, stop).join(" ").replace(QUOTES, "");
    if (stop > 0 && stop <= 6 && before) return before;
    const name = [];
    for (const word of words) {
      if (!/^[\p{Lu}\d]/u.test(word)) break;
      name.push(word);
      if (/[,;:]$/.test(word)) break;
    }
    return name.join(" ").replace(QUOTES, "");
  }

  // Who the sentence attributes it to: "according to X", "X said", "said X".
  function guessSource(sentence) {
    const patterns = [
      /\baccording to ([^,.;:"“”]+)/i,
      new RegExp(`(?:^|[,"”]\\s*)([^,"“”]+?)\\s+${REPORTING}\\b`, "iu"),
      new RegExp(`((?:${NAME_WORD}\\s+){0,4}${NAME_WORD})\\s+${REPORTING}\\b`, "u"),
      new RegExp(
        `\\b${REPORTING}\\s+((?:a |an |the )?${NAME_WORD}(?:\\s+[\\p{L}’'-]+){0,5}?)(?=[,.;:]|$)`,
        "u",
      ),
    ];
    for (const pattern of patterns) {
      const found = sentence.match(pattern);
      const name = found ? found[1].replace(QUOTES, "").trim() : "";
      const words = name.split(/\s+/).length;
      if (name && words <= 6 && !/^(?:he|she|they|it|we|i|you|this|that)$/i.test(name)) return name;
    }
    return "";
  }

  function sentenceOf(span) {
    const list = sentences();
    return list[sentenceIndexAt(span.start)] || null;
  }

  function prefillFromSentence(form, span) {
    const sentence = sentenceOf(span);
    if (!sentence) return;
    const subject = form.elements.namedItem("subject");
    const source = form.elements.namedItem("source.name");
    if (!subject.value.trim()) subject.value = guessSubject(sentence.text);
    if (!source.value.trim()) source.value = guessSource(sentence.text);
  }

  // ---- the editor (edit a claim, or write a new one)

  function openEditor(card = selectedCard()) {
    if (!card) {
      say("No claim selected: press j to select one.", true);
      return;
    }
    const form = card.querySelector("form.editor");
    form.hidden = false;
    select(card);
    form.elements.namedItem("statement").focus();
  }

  function cancelEditor(form) {
    const card = form.closest(".claim-card");
    if (card.dataset.claimId === "new") {
      card.remove();
      select(cards()[0] || null);
    } else {
      refresh(card.dataset.claimId); // drops unsaved changes
    }
    say("Edit cancelled.");
  }

  function spanOfSelection() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const range = selection.getRangeAt(0);
    const container = articleText();
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
      return null;
    }
    const before = document.createRange();
    before.setStart(container, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const raw = range.toString();
    const text = raw.trim();
    if (!text) return null;
    const start = codePoints(before.toString()) + codePoints(raw) - codePoints(raw.trimStart());
    return { start, end: start + codePoints(text), text };
  }

  // Widen a span that starts or ends inside a word to the whole word, as annotators expect.
  function snapToWords(span) {
    const chars = [...articleText().textContent];
    const isWord = (char) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
    let { start, end } = span;
    while (start > 0 && isWord(chars[start - 1]) && isWord(chars[start])) start -= 1;
    while (end < chars.length && isWord(chars[end - 1]) && isWord(chars[end])) end += 1;
    return { start, end, text: chars.slice(start, end).join("") };
  }

  function addEvidenceRow(form, span) {
    const template = form.querySelector("template.ev-template");
    const row = template.content.firstElementChild.cloneNode(true);
    const input = row.querySelector(".ev-text");
    input.value = span.text;
    input.dataset.start = span.start;
    input.dataset.end = span.end;
    input.dataset.text = span.text;
    template.before(row);
  }

  function addQuantityRow(form) {
    const template = form.querySelector("template.qty-template");
    const row = template.content.firstElementChild.cloneNode(true);
    template.before(row);
    row.querySelector(".q-text").focus();
  }

  // Open the new-claim editor with a statement and, when given, one evidence span.
  function openNewClaim(span, statementText) {
    document.querySelector(".new-claim")?.remove();
    const template = document.getElementById("new-claim-template");
    const card = template.content.firstElementChild.cloneNode(true);
    claimsPane().prepend(card);
    const form = card.querySelector("form.editor");
    if (span) addEvidenceRow(form, span);
    if (span) prefillFromSentence(form, span);
    const statement = form.elements.namedItem("statement");
    statement.value = statementText;
    select(card);
    claimsPane().scrollTop = 0;
    statement.focus();
    statement.select();
  }

  function newFromSelection() {
    const selected = spanOfSelection() || lastSelection;
    if (!selected) {
      say("Select text in the article first, then press n.", true);
      return;
    }
    const span = snapToWords(selected);
    openNewClaim(span, span.text);
    say("New claim: subject and source guessed from the sentence; check them, Ctrl+Enter saves.");
  }

  // A dropped claim's statement in a new claim; evidence is the text selected right now, if any.
  function newFromDropped(button) {
    const selected = spanOfSelection();
    openNewClaim(selected ? snapToWords(selected) : null, button.dataset.statement || "");
    say(
      selected
        ? "New claim from a dropped one: check the fields, Ctrl+Enter saves."
        : "New claim from a dropped one: select its evidence in the article, then press + selected text.",
    );
  }

  function readEditor(form) {
    const field = (name) => form.elements.namedItem(name);
    const text = (name) => field(name).value.trim();
    const number = (value) => (value.trim() === "" ? null : Number(value.replace(/,/g, "")));
    const quantities = [...form.querySelectorAll(".qty-row")]
      .filter((row) => row.querySelector(".q-text").value.trim())
      .map((row) => ({
        text: row.querySelector(".q-text").value.trim(),
        value: number(row.querySelector(".q-value").value),
        upper: number(row.querySelector(".q-upper").value),
        unit: row.querySelector(".q-unit").value.trim(),
        approx: row.querySelector(".q-approx").value,
      }));
    const evidence = [...form.querySelectorAll(".ev-row .ev-text")]
      .map((input) => {
        const unchanged = input.dataset.start !== undefined && input.value === input.dataset.text;
        if (unchanged) {
          return { start: Number(input.dataset.start), end: Number(input.dataset.end), text: input.value };
        }
        return input.value.trim(); // edited: the server locates the quote
      })
      .filter((item) => item !== "");
    return {
      statement: text("statement"),
      kind: text("kind"),
      subject: text("subject"),
      source: text("source.name")
        ? { name: text("source.name"), anonymous: field("source.anonymous").checked, via: text("source.via") || null }
        : null,
      certainty: text("certainty"),
      negated: field("negated").checked,
      quantities,
      time: text("time.text")
        ? { text: text("time.text"), start: text("time.start") || null, end: text("time.end") || null }
        : null,
      location: text("location") || null,
      evidence,
    };
  }

  function fieldElement(form, path) {
    const [head, index] = path.split(".");
    if ((head === "evidence" || head === "quantities") && /^\d+$/.test(index || "")) {
      const rows = form.querySelectorAll(head === "evidence" ? ".ev-row" : ".qty-row");
      if (rows[Number(index)]) return rows[Number(index)];
    }
    let candidate = path;
    while (candidate) {
      const element = form.querySelector(`[data-field="${candidate}"]`);
      if (element) return element;
      candidate = candidate.includes(".") ? candidate.slice(0, candidate.lastIndexOf(".")) : "";
    }
    return null;
  }

  function showErrors(form, result) {
    const box = form.querySelector(".errors");
    form.querySelectorAll(".invalid").forEach((element) => element.classList.remove("invalid"));
    const messages = errorMessages(result);
    box.replaceChildren();
    const list = document.createElement("ul");
    for (const message of messages) {
      const item = document.createElement("li");
      item.textContent = message;
      list.append(item);
    }
    box.append(list);
    box.hidden = false;
    if (Array.isArray(result.data && result.data.detail)) {
      for (const error of result.data.detail) {
        const path = error.loc.filter((part) => part !== "body").join(".");
        fieldElement(form, path)?.classList.add("invalid");
      }
    }
    say("The claim was not saved: see the errors.", true);
    if (result.status === 401 && keyInput) keyInput.focus();
  }

  // Required fields left empty, as the API would name them (loc) with a readable message.
  function missingFields(body) {
    const missing = [];
    const issue = (field, msg) => missing.push({ loc: ["body", field], msg });
    if (!body.statement) issue("statement", "required: write what the claim says");
    if (!body.subject) issue("subject", "required: who or what the claim is about");
    if (!body.evidence.length) {
      issue("evidence", "required: select the supporting text in the article, then + selected text");
    }
    return missing;
  }

  async function save(form) {
    const card = form.closest(".claim-card");
    const isNew = card.dataset.claimId === "new";
    const body = readEditor(form);
    const missing = missingFields(body);
    if (missing.length) {
      showErrors(form, { ok: false, status: 422, data: { detail: missing } });
      const first = fieldElement(form, missing[0].loc[1]);
      (first?.matches("input, textarea") ? first : first?.querySelector("input, textarea"))?.focus();
      return;
    }
    const result = isNew
      ? await api("POST", `/articles/${articleId}/review/claims`, body)
      : await api("POST", `/claims/${card.dataset.claimId}/edit`, body);
    if (!result.ok) {
      showErrors(form, result);
      return;
    }
    await refresh(String(result.data.id));
    say(isNew ? `Added ${numberOf(cardOf(result.data.id))}.` : `Saved ${numberOf(card)}.`);
  }

  // ---- wiring: buttons, keys, hover links

  function toggleHelp() {
    if (help.open) help.close();
    else help.showModal();
  }

  const ACTIONS = {
    next: () => move(+1),
    prev: () => move(-1),
    accept: (card) => review("accept", card),
    reject: (card) => review("reject", card),
    edit: (card) => openEditor(card),
    rate: (card) => openRating(card),
    new: () => newFromSelection(),
    undo: () => undo(),
    help: () => toggleHelp(),
    layout: () => toggleLayout(),
    sentence: () => selectSentence(+1),
    previousSentence: () => selectSentence(-1),
    extendDown: () => extendSentences(+1),
    extendUp: () => extendSentences(-1),
    nextArticle: () => document.getElementById("next-article")?.click(),
  };
  const KEYS = {
    j: "next", k: "prev", a: "accept", x: "reject", e: "edit", n: "new", u: "undo", "?": "help",
    "]": "nextArticle", c: "layout", r: "rate", s: "sentence", S: "previousSentence",
  };
  const SHIFT_KEYS = { ArrowDown: "extendDown", ArrowUp: "extendUp" };

  document.addEventListener("click", (event) => {
    const exporting = event.target.closest("#export-gold, #export-partial");
    if (exporting) {
      event.preventDefault();
      exportGold(exporting);
      return;
    }
    const fromDropped = event.target.closest("[data-new-from-dropped]");
    if (fromDropped) {
      newFromDropped(fromDropped);
      return;
    }
    const button = event.target.closest("[data-action]");
    if (button) {
      const card = button.closest(".claim-card") || undefined;
      ACTIONS[button.dataset.action](card);
      return;
    }
    const editorButton = event.target.closest("[data-editor]");
    if (editorButton) {
      const form = editorButton.closest("form.editor");
      const kind = editorButton.dataset.editor;
      if (kind === "cancel") cancelEditor(form);
      else if (kind === "remove-row") editorButton.closest(".qty-row, .ev-row").remove();
      else if (kind === "add-quantity") addQuantityRow(form);
      else if (kind === "add-selection") {
        if (lastSelection) addEvidenceRow(form, snapToWords(lastSelection));
        else say("Select text in the article first.", true);
      }
      return;
    }
    const mark = event.target.closest("mark.hl");
    if (mark) {
      const ids = mark.dataset.claims.split(" ");
      const current = ids.indexOf(selectedId);
      select(cardOf(ids[(current + 1) % ids.length]));
      return;
    }
    const quote = event.target.closest("q.evidence");
    const card = event.target.closest(".claim-card");
    if (card && card.dataset.claimId !== "new" && !event.target.closest("form, details")) {
      select(card, { scroll: false });
      if (quote) {
        const start = quote.dataset.start;
        articleText().querySelector(`mark.hl[data-start="${start}"]`)?.scrollIntoView({ block: "center" });
      }
    }
  });

  document.addEventListener("submit", (event) => {
    const ratingForm = event.target.closest("form.rating-form");
    if (ratingForm) {
      event.preventDefault();
      rate(ratingForm);
      return;
    }
    const form = event.target.closest("form.editor");
    if (!form) return;
    event.preventDefault();
    save(form);
  });

  document.addEventListener("keydown", (event) => {
    const target = event.target instanceof Element ? event.target : document.body;
    const form = target.closest("form.editor");
    if (form && event.key === "Escape") {
      event.preventDefault();
      cancelEditor(form);
      return;
    }
    if (form && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    const ratingForm = target.closest("form.rating-form");
    if (ratingForm && event.key === "Enter") {
      event.preventDefault();
      ratingForm.requestSubmit();
      return;
    }
    if (ratingForm && event.key === "Escape") {
      event.preventDefault();
      target.blur();
      return;
    }
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (reviewerDialog.open || (help.open && event.key !== "?")) return;
    const action = event.shiftKey && SHIFT_KEYS[event.key] ? SHIFT_KEYS[event.key] : KEYS[event.key];
    if (!action) return;
    event.preventDefault();
    ACTIONS[action]();
  });

  document.addEventListener("mouseover", (event) => {
    if (!(event.target instanceof Element)) return;
    document.querySelectorAll(".linked").forEach((element) => element.classList.remove("linked"));
    const mark = event.target.closest("mark.hl");
    if (mark) {
      for (const id of mark.dataset.claims.split(" ")) cardOf(id)?.classList.add("linked");
      return;
    }
    const card = event.target.closest(".claim-card");
    if (card && card.dataset.claimId !== "new") {
      marksOf(card.dataset.claimId).forEach((m) => m.classList.add("linked"));
    }
  });

  document.addEventListener("selectionchange", () => {
    const span = spanOfSelection();
    if (span) lastSelection = span;
  });

  setLayout(localStorage.getItem("claimkit.layout") === "compact");
  afterRender();
  const firstOpen = cards().find((card) => card.dataset.status === "unreviewed");
  // On load only the panes scroll: the page itself stays at its top (its title, on a phone).
  select(firstOpen || cards()[0] || null, { scroll: firstOpen ? "panes" : false });
})();
