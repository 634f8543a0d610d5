// The state of a scenario page, and its URL: what a teacher hands to a class.
//   /scenario/korea_sma11?set=actors.us_trump.opening.median%3D5000&variant=trump_wins
//                        &group=election%3Dtrump&seed=7&trials=100000
// `set` is repeated, one PATH=VALUE per override, exactly as given to `parley run --set`;
// keys left out take the file's values.
"use strict";

const PageState = {
  // {sets: Map path -> value, variant, group, seed, trials} from a location.search string.
  parse(search) {
    const params = new URLSearchParams(search);
    const state = { sets: new Map(), variant: "", group: "all", seed: null, trials: null };
    for (const text of params.getAll("set")) {
      const equals = text.indexOf("=");
      if (equals > 0) state.sets.set(text.slice(0, equals), text.slice(equals + 1));
    }
    state.variant = params.get("variant") || "";
    state.group = params.get("group") || "all";
    if (params.has("seed")) state.seed = params.get("seed");
    if (params.has("trials")) state.trials = params.get("trials");
    return state;
  },

  // The query string of a state ("" when it is the file as it is).
  query(state) {
    const params = new URLSearchParams();
    for (const [path, value] of state.sets) params.append("set", path + "=" + value);
    if (state.variant) params.set("variant", state.variant);
    if (state.group && state.group !== "all") params.set("group", state.group);
    if (state.seed !== null && state.seed !== "") params.set("seed", state.seed);
    if (state.trials !== null && state.trials !== "") params.set("trials", state.trials);
    const text = params.toString();
    return text ? "?" + text : "";
  },

  // The JSON body of POST /api/run.
  request(name, state, session, sequence) {
    const body = { scenario: name, set: [], group: state.group, session, sequence };
    for (const [path, value] of state.sets) body.set.push(path + "=" + value);
    if (state.variant) body.variant = state.variant;
    // Numbers the server checks; text that is not a number is sent as is, to be refused there.
    const number = (text) => (/^\d+$/.test(String(text)) ? Number(text) : text);
    if (state.seed !== null && state.seed !== "") body.seed = String(state.seed);  // may pass 2^53
    if (state.trials !== null && state.trials !== "") body.trials = number(state.trials);
    return body;
  },
};

if (typeof module !== "undefined") module.exports = PageState;
