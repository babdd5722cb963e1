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

  let selectedId = null; // claim id of the selected card ("new" for an unsaved claim)
  let lastSelection = null; // the last span of article text the reviewer selected

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

  function say(message, isError = false) {
    statusLine.textContent = message;
    statusLine.classList.toggle("error", isError);
  }

  async function api(method, path, body) {
    const headers = {};
    const reviewer = reviewerInput.value.trim();
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
    if (scroll) {
      card.scrollIntoView({ block: "nearest" });
      if (marks.length) marks[0].scrollIntoView({ block: "nearest" });
    }
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

  async function refresh(selectId = selectedId) {
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
    select((selectId && cardOf(selectId)) || cards()[0] || null);
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
    const claimId = result.data.claim ? String(result.data.claim.id) : null;
    await refresh(claimId || selectedId);
    const card = claimId && cardOf(claimId);
    say(`Undid ${undone.action} on ${card ? numberOf(card) : "the added claim"}.`);
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
    say("New claim: fill in the fields, Ctrl+Enter saves.");
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

  async function save(form) {
    const card = form.closest(".claim-card");
    const isNew = card.dataset.claimId === "new";
    const body = readEditor(form);
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
    new: () => newFromSelection(),
    undo: () => undo(),
    help: () => toggleHelp(),
    nextArticle: () => document.getElementById("next-article")?.click(),
  };
  const KEYS = {
    j: "next", k: "prev", a: "accept", x: "reject", e: "edit", n: "new", u: "undo", "?": "help",
    "]": "nextArticle",
  };

  document.addEventListener("click", (event) => {
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
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (help.open && event.key !== "?") return;
    const action = KEYS[event.key];
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

  const firstOpen = cards().find((card) => card.dataset.status === "unreviewed");
  select(firstOpen || cards()[0] || null, { scroll: Boolean(firstOpen) });
})();
