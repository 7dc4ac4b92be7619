import { failed, LOADING, loaded } from "./store.js";

/**
 * @typedef {import("./api.js").Api} Api
 * @typedef {import("./store.js").State} State
 * @typedef {import("./store.js").Store<State>} AppStore
 */

/**
 * One load of what the page shows (a sign-in, a customer): API reads for it, and a way to put their
 * answers into the store that drops them once a newer load has begun.
 * @typedef {object} Loader
 * @property {AppStore} store
 * @property {() => boolean} current false once a newer load (or a sign-out) has begun
 * @property {(path: string) => Promise<any>} get a GET through the API
 * @property {(path: string) => Promise<any>} shared a GET asked once per load, its answer shared (a month's balance for the figures and the chart; a statement for every pool)
 * @property {(key: string, load: () => Promise<any>) => Promise<void>} panel loads a panel's data into `state.panels[key]`
 */

/**
 * @param {AppStore} store
 * @param {Api} api
 * @returns {Loader}
 */
export function createLoader(store, api) {
  const generation = store.getState().generation;
  /** @type {Map<string, Promise<any>>} */
  const answers = new Map();
  const current = () => store.getState().generation === generation;
  /** @param {string} key @param {import("./store.js").Remote} remote */
  const setPanel = (key, remote) => store.update((s) => ({ panels: { ...s.panels, [key]: remote } }));
  return {
    store,
    current,
    get: (path) => api.get(path),
    shared(path) {
      let answer = answers.get(path);
      if (!answer) {
        answer = api.get(path);
        answers.set(path, answer);
      }
      return answer;
    },
    async panel(key, load) {
      if (!current()) return;
      setPanel(key, LOADING);
      let remote;
      try {
        remote = loaded(await load());
      } catch (error) {
        remote = failed(error);
      }
      if (current()) setPanel(key, remote);
    },
  };
}
