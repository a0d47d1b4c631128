/**
 * Solving on the best candidates of each request only, and proving afterwards that the rest would
 * not have changed the optimum.
 *
 * With many more requests than volunteers, a request has hundreds of eligible offers, but an
 * optimal assignment nearly always gives it one of its best few: most edges of the full graph are dead
 * weight for the solver. No rule that looks at one request's edges alone can say which ones are
 * safe to drop, though (a request can be pushed down its list by any chain of others), so the
 * pruning here is checked rather than assumed: the solver's potentials are an LP dual of the
 * flow it found, and when no left-out edge has a negative reduced cost under them, that flow is
 * optimal for the full graph as well. Left-out edges that do fail the check join the graph, and
 * the pruned problem is solved again; in the worst case that ends with the full graph.
 */
import type { MatchGraph } from "./candidate-graph";
import { MAX_SCORE } from "./scoring";

/**
 * How much is kept at first: a request's 8 best edges, and an offer's 4 best per slot. Measured on
 * the benchmark population (50,000 × 10,000): 2.5% of the 12.8 M edges, of which 6,449 fail the
 * check after the first round. Smaller starts need more rounds, larger ones slow each round.
 */
export const PER_REQUEST = 8;
export const PER_SLOT = 4;
/**
 * Left-out edges within this many score points of failing the check join the graph too, when a
 * round fails anyway: the next solution moves the potentials a little, and those would be the
 * next round's failures (measured: 2 rounds instead of 4 on 50,000 × 10,000).
 */
const MARGIN = 5;

/**
 * Marks, per row, the `keep[row]` best edges by score (ties: lower offer index first, the order
 * edges are stored in). Marks already set stay set: edges only ever join the pruned graph.
 */
export function markBestPerRequest(graph: MatchGraph, keep: Int32Array, kept: Uint8Array) {
  const { rowStart, edgeScore } = graph;
  const count = new Int32Array(MAX_SCORE + 1);
  for (let i = 0; i < graph.requests.length; i++) {
    const [first, last] = [rowStart[i], rowStart[i + 1]];
    if (last - first <= keep[i]) {
      kept.fill(1, first, last);
      continue;
    }
    // The score threshold by counting: all edges above it, and the first few at it.
    count.fill(0);
    for (let e = first; e < last; e++) count[edgeScore[e]]++;
    let threshold = MAX_SCORE;
    let above = 0;
    while (above + count[threshold] < keep[i]) above += count[threshold--];
    let atThreshold = keep[i] - above;
    for (let e = first; e < last; e++) {
      const s = edgeScore[e];
      if (s > threshold || (s === threshold && atThreshold-- > 0)) kept[e] = 1;
    }
  }
}

/**
 * Marks, per offer, its best `perSlot` × capacity edges (ties: lower request index first). Top
 * edges per request alone starve the offers few requests rank highly: in the pruned graph they
 * look unwanted and cheap, and the check then sends back every request they could have taken.
 */
export function markBestPerOffer(graph: MatchGraph, capacity: Int32Array, perSlot: number, kept: Uint8Array) {
  const { edgeOffer, edgeScore } = graph;
  const width = MAX_SCORE + 1;
  const count = new Int32Array(graph.offers.length * width);
  for (let e = 0; e < edgeOffer.length; e++) count[edgeOffer[e] * width + edgeScore[e]]++;
  // Per offer: the lowest score it keeps, and how many edges at exactly that score it keeps.
  const threshold = new Int32Array(graph.offers.length);
  const atThreshold = new Int32Array(graph.offers.length);
  for (let o = 0; o < graph.offers.length; o++) {
    const wanted = perSlot * capacity[o];
    let [s, above] = [MAX_SCORE, 0];
    while (s > 0 && above + count[o * width + s] < wanted) above += count[o * width + s--];
    threshold[o] = s;
    atThreshold[o] = wanted - above;
  }
  for (let e = 0; e < edgeOffer.length; e++) {
    const o = edgeOffer[e];
    if (edgeScore[e] > threshold[o] || (edgeScore[e] === threshold[o] && atThreshold[o]-- > 0)) kept[e] = 1;
  }
}

/** The marked edges as a graph of their own; same requests and offers, edges in the same order. */
export function keptGraph(graph: MatchGraph, kept: Uint8Array): MatchGraph {
  const n = graph.requests.length;
  const rowStart = new Int32Array(n + 1);
  let size = 0;
  for (let e = 0; e < kept.length; e++) size += kept[e];
  const edgeOffer = new Int32Array(size);
  const edgeScore = new Int32Array(size);
  let k = 0;
  for (let i = 0; i < n; i++) {
    rowStart[i] = k;
    for (let e = graph.rowStart[i]; e < graph.rowStart[i + 1]; e++) {
      if (!kept[e]) continue;
      edgeOffer[k] = graph.edgeOffer[e];
      edgeScore[k++] = graph.edgeScore[e];
    }
  }
  rowStart[n] = k;
  return { ...graph, rowStart, edgeOffer, edgeScore };
}

/**
 * Left-out edges whose reduced cost is negative under the solver's potentials (edge cost
 * −(big + score), reduced cost cost + pot[request] − pot[offer]): each is a way the pruned
 * optimum might be improved. Marks them (and those within MARGIN) kept, doubles `keep` of
 * their rows, and returns how many there were: 0 proves the pruned optimum optimal.
 */
export function admitViolations(graph: MatchGraph, kept: Uint8Array, keep: Int32Array, potential: Float64Array, big: number): number {
  const { rowStart, edgeOffer, edgeScore } = graph;
  const n = graph.requests.length;
  let violations = 0;
  for (let i = 0; i < n; i++) {
    let violated = false;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      if (kept[e]) continue;
      const reduced = -(big + edgeScore[e]) + potential[i] - potential[n + edgeOffer[e]];
      if (reduced >= MARGIN) continue;
      kept[e] = 1;
      if (reduced >= 0) continue;
      violated = true;
      violations++;
    }
    if (violated) keep[i] = Math.min(2 ** 30, keep[i] * 2);
  }
  return violations;
}
