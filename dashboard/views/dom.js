/**
 * The few DOM helpers every view uses: find a fixed element, build elements (text is always text,
 * never parsed as HTML), and bind an element to the store so it re-renders when, and only when, the
 * state it shows changes.
 *
 * @typedef {import("../store.js").State} State
 * @typedef {import("../store.js").Store<State>} AppStore
 */

/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @returns {T}
 */
export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return /** @type {T} */ (element);
}

/**
 * Creates an element; text is always set as text, never parsed as HTML.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...nodes(children));
  return element;
}

/**
 * @param {Child | Child[] | (Child | Child[])[]} children
 * @returns {(Node | string)[]}
 */
function nodes(children) {
  return [children]
    .flat(2)
    .filter((child) => child !== null && child !== undefined && child !== false)
    .map((child) => (typeof child === "number" ? String(child) : /** @type {Node | string} */ (child)));
}

/**
 * What a view's render gets besides the state: its element (for attributes such as `data-state`)
 * and `mount`, which binds a part of what it rendered (a card's panels) to the store, for as long as
 * this rendering lasts.
 * @typedef {object} RenderContext
 * @property {HTMLElement} element
 * @property {(element: HTMLElement, select: (state: State) => unknown[], render: Render) => void} mount
 */

/** @typedef {(state: State, context: RenderContext) => Child | Child[]} Render */

/**
 * Renders `element`'s content from the state, now and after every change of what `select` picks
 * (compared value by value with ===, so an unchanged part of the state redraws nothing). Focus
 * survives a redraw: a control with `data-focus` gets it back when it had it.
 * @param {AppStore} store
 * @param {HTMLElement} element
 * @param {(state: State) => unknown[]} select
 * @param {Render} render
 * @returns {() => void} stops the binding and those it mounted
 */
export function bind(store, element, select, render) {
  /** @type {unknown[] | null} */
  let shown = null;
  /** @type {(() => void)[]} */
  let parts = [];
  let stopped = false;
  const stopParts = () => {
    for (const stop of parts) stop();
    parts = [];
  };
  /** @type {RenderContext} */
  const context = {
    element,
    mount: (child, childSelect, childRender) => {
      parts.push(bind(store, child, childSelect, childRender));
    },
  };
  /** @param {State} state */
  const draw = (state) => {
    if (stopped) return;
    const picked = select(state);
    if (shown && same(picked, shown)) return;
    shown = picked;
    const active = document.activeElement;
    const focusKey = active && element.contains(active) ? active.getAttribute("data-focus") : null;
    stopParts();
    element.replaceChildren(...nodes(render(state, context)));
    if (focusKey) {
      const again = element.querySelector(`[data-focus="${CSS.escape(focusKey)}"]`);
      if (again instanceof HTMLElement) again.focus();
    }
  };
  draw(store.getState());
  const unsubscribe = store.subscribe(draw);
  return () => {
    stopped = true;
    unsubscribe();
    stopParts();
  };
}

/**
 * Runs `run` now and after every change of what `select` picks: for what is not an element's content
 * (the page's title and language, which fixed parts of index.html are hidden).
 * @param {AppStore} store
 * @param {(state: State) => unknown[]} select
 * @param {(state: State) => void} run
 * @returns {() => void}
 */
export function watch(store, select, run) {
  /** @type {unknown[] | null} */
  let shown = null;
  /** @param {State} state */
  const check = (state) => {
    const picked = select(state);
    if (shown && same(picked, shown)) return;
    shown = picked;
    run(state);
  };
  check(store.getState());
  return store.subscribe(check);
}

/**
 * @param {unknown[]} a
 * @param {unknown[]} b
 */
function same(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
