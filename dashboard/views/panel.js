import { h } from "./dom.js";

/**
 * @typedef {import("./dom.js").Child} Child
 * @typedef {import("./dom.js").RenderContext} RenderContext
 * @typedef {import("./words.js").Words} Words
 * @typedef {import("../store.js").Remote} Remote
 */

/**
 * A panel's content from what was asked for it: "loading", its data rendered, or a short message
 * saying why not. The panel's `data-state` says which (loading, loaded, unavailable for a 404, error).
 * @param {RenderContext} context
 * @param {Remote | undefined} remote
 * @param {Words} w
 * @param {(data: any) => Child | Child[]} renderLoaded
 * @returns {Child | Child[]}
 */
export function panelContent(context, remote, w, renderLoaded) {
  if (!remote) {
    delete context.element.dataset.state;
    return null;
  }
  context.element.dataset.state = remote.status;
  if (remote.status === "loading") return h("p", { class: "muted" }, w.t("loading"));
  if (remote.status === "loaded") return renderLoaded(remote.data);
  return h("p", { class: "muted" }, w.failure(remote.failure));
}
