/**
 * Assignments on the candidate graph: `optimalAssignment` (maximum-weight b-matching as min-cost
 * flow, by successive shortest paths, per connected component) and `greedyAssignment`, the
 * baseline it is measured against. Both return, per request row, the offer index or -1.
 */
import type { MatchGraph } from "./candidate-graph";
import { MinHeap } from "./min-heap";
import { admitViolations, keptGraph, markBestPerOffer, markBestPerRequest, PER_REQUEST, PER_SLOT } from "./pruning";
import { MAX_SCORE } from "./scoring";

// Components: requests and offers that can never compete are solved separately.

/** Connected components of the eligibility graph; returns, per component, its requests in id order. */
function componentsOf(graph: MatchGraph): Int32Array[] {
  const n = graph.requests.length;
  const parent = Int32Array.from({ length: n + graph.offers.length }, (_, i) => i);
  const find = (x: number) => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let i = 0; i < n; i++) {
    for (let e = graph.rowStart[i]; e < graph.rowStart[i + 1]; e++) {
      const a = find(i);
      const b = find(n + graph.edgeOffer[e]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (graph.rowStart[i] === graph.rowStart[i + 1]) continue; // no eligible offer at all
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].map((rows) => Int32Array.from(rows));
}

/**
 * Exact lexicographic optimum: most matched requests, then highest total score.
 *
 * Each edge weighs BIG + score with BIG above any total score of the component, so one more
 * match always beats any score gain; we find a maximum-weight b-matching. As a flow network:
 * source → request (cap 1), request → offer (cap 1, cost −weight), offer → sink (cap = capacity),
 * and request → sink (cap 1, cost 0): the "stay unmatched" option that lets every request be
 * routed. Requests join one at a time (the Hungarian method): the new request's shortest
 * residual path to the sink — Dijkstra on reduced costs with Johnson potentials — turns the
 * optimal flow of the previous requests into an optimal flow including the new one. The path
 * may move earlier requests to other offers or, when that is better, leave one unmatched.
 *
 * Dijkstra stops at the sink; only settled nodes get their potential moved, the rest keep
 * theirs (a uniform shift), which keeps every residual reduced cost non-negative. A new
 * request's potential starts at 0, so only its own edges may have negative reduced costs —
 * harmless, as Dijkstra settles the start node first. The search is local: it only visits
 * offers and requests that are cheaper to reach than the best way to the sink found so far.
 */
class Solver {
  private readonly n: number;
  private readonly cap: Int32Array;
  readonly pot: Float64Array; // potentials; rows 0..n-1 then offers n..n+m-1; the sink's stays 0
  private readonly dist: Float64Array;
  private readonly labelled: Int32Array; // search stamp: dist/pred valid in this search
  private readonly settled: Int32Array; // search stamp: popped in this search
  private readonly pred: Int32Array; // offer node ← row it was reached from; row ← offer it was reached from
  private readonly predScore: Int32Array; // per offer: score of the edge it was reached by
  private readonly heap = new MinHeap();
  private settledNodes = new Int32Array(1024); // settled in this search, in order
  private stamp = 0;

  readonly matchOf: Int32Array; // offer of each request, -1 = unmatched
  readonly matchScore: Int32Array;
  private readonly holderStart: Int32Array; // requests held by offer o: holders[holderStart[o] .. + load[o]]
  private readonly holders: Int32Array;
  private readonly load: Int32Array;

  /** `cap`: per offer, see `usableCapacity`; it must be the full graph's when `graph` is pruned. */
  constructor(
    private readonly graph: MatchGraph,
    cap: Int32Array,
  ) {
    const n = (this.n = graph.requests.length);
    const m = graph.offers.length;
    this.cap = cap;
    this.holderStart = new Int32Array(m + 1);
    for (let o = 0; o < m; o++) this.holderStart[o + 1] = this.holderStart[o] + this.cap[o];
    this.holders = new Int32Array(this.holderStart[m]);
    this.load = new Int32Array(m);
    this.pot = new Float64Array(n + m);
    this.dist = new Float64Array(n + m);
    this.labelled = new Int32Array(n + m);
    this.settled = new Int32Array(n + m);
    this.pred = new Int32Array(n + m);
    this.predScore = new Int32Array(m);
    this.matchOf = new Int32Array(n).fill(-1);
    this.matchScore = new Int32Array(n);
  }

  /**
   * Solves one component; `big` must exceed its highest possible total score. Any order of
   * requests gives an optimum; requests with the fewest options go first because that keeps the
   * later searches short (measured: ~40% fewer settled nodes than id order). Ties stay in id
   * order, so the result is deterministic.
   */
  solve(rows: Int32Array, big: number) {
    const { rowStart } = this.graph;
    const degree = (row: number) => rowStart[row + 1] - rowStart[row];
    const order = Int32Array.from(rows).sort((a, b) => degree(a) - degree(b) || a - b);
    for (const row of order) this.addRequest(row, big);
  }

  private relax(node: number, key: number, from: number) {
    if (this.labelled[node] === this.stamp && this.dist[node] <= key) return false;
    this.labelled[node] = this.stamp;
    this.dist[node] = key;
    this.pred[node] = from;
    this.heap.push(key, node);
    return true;
  }

  /** Shortest augmenting path from a new request to the sink, then augment and update potentials. */
  private addRequest(start: number, big: number) {
    const { n, pot, dist, heap, graph } = this;
    const { rowStart, edgeOffer, edgeScore } = graph;
    this.stamp++;
    heap.size = 0;
    let settledCount = 0;
    let best = Infinity; // reduced length of the best path to the sink found so far
    let end = -1; // last node before the sink on that path
    this.relax(start, 0, -1);
    while (heap.size > 0 && heap.keys[0] < best) {
      const d = heap.keys[0];
      const v = heap.nodes[0];
      heap.pop();
      if (this.settled[v] === this.stamp) continue;
      this.settled[v] = this.stamp;
      if (settledCount === this.settledNodes.length) {
        const grown = new Int32Array(settledCount * 2);
        grown.set(this.settledNodes);
        this.settledNodes = grown;
      }
      this.settledNodes[settledCount++] = v;

      if (v < n) {
        // A request: it may drop out (to the sink at cost 0) or move to another offer.
        if (d + pot[v] < best) [best, end] = [d + pot[v], v];
        const current = this.matchOf[v];
        for (let e = rowStart[v]; e < rowStart[v + 1]; e++) {
          const o = edgeOffer[e];
          if (o === current || this.settled[n + o] === this.stamp) continue;
          const key = d - (big + edgeScore[e]) + pot[v] - pot[n + o];
          // Nodes at or beyond the best path found so far cannot improve it: no need to queue them.
          if (key < best && this.relax(n + o, key, v)) this.predScore[o] = edgeScore[e];
        }
      } else {
        // An offer: free capacity reaches the sink; otherwise one of its requests may move on.
        const o = v - n;
        if (this.load[o] < this.cap[o] && d + pot[v] < best) [best, end] = [d + pot[v], v];
        for (let k = this.holderStart[o], last = k + this.load[o]; k < last; k++) {
          const x = this.holders[k];
          const key = d + big + this.matchScore[x] + pot[v] - pot[x];
          if (key < best && this.settled[x] !== this.stamp) this.relax(x, key, v);
        }
      }
    }
    for (let k = 0; k < settledCount; k++) {
      const v = this.settledNodes[k];
      pot[v] += dist[v] - best;
    }
    this.augment(start, end);
  }

  /** Walk the path back from its last node, moving each request on it to its new offer. */
  private augment(start: number, end: number) {
    const n = this.n;
    let offer: number;
    if (end < n) {
      // The path ends with request `end` dropping out.
      offer = this.matchOf[end];
      if (offer >= 0) this.release(end, offer);
      this.matchOf[end] = -1;
      if (end === start) return;
    } else {
      offer = end - n;
    }
    for (;;) {
      const row = this.pred[n + offer];
      const previous = this.matchOf[row];
      if (previous >= 0) this.release(row, previous);
      this.matchOf[row] = offer;
      this.matchScore[row] = this.predScore[offer];
      this.holders[this.holderStart[offer] + this.load[offer]++] = row;
      if (row === start) return;
      offer = previous;
    }
  }

  private release(row: number, offer: number) {
    const first = this.holderStart[offer];
    const last = first + --this.load[offer];
    for (let k = first; k <= last; k++) {
      if (this.holders[k] === row) {
        this.holders[k] = this.holders[last];
        return;
      }
    }
  }
}

/**
 * Capacity as the solver sees it: an offer can never hold more requests than it has edges in the
 * full graph. (Not in a pruned one: there, an offer with room left in the full graph would look
 * full, and the optimality check would miss the requests it could still take.)
 */
function usableCapacity(graph: MatchGraph): Int32Array {
  const degree = new Int32Array(graph.offers.length);
  for (let e = 0; e < graph.edgeOffer.length; e++) degree[graph.edgeOffer[e]]++;
  return Int32Array.from(graph.capacity, (c, o) => Math.min(c, degree[o]));
}

/** How much of the graph the solver starts from; the defaults are measured on the benchmark population. */
export type PruningOptions = {
  /** Best edges kept per request in the first round. */
  perRequest?: number;
  /** Best edges kept per offer, per slot of its capacity. */
  perSlot?: number;
  /** Called after each round with the edges solved on and the left-out edges that failed the check. */
  onRound?: (edges: number, violations: number) => void;
};

/**
 * Exact lexicographic optimum over the whole graph, one component at a time, solved on the best
 * edges of each request and offer and widened until the optimality check passes (see pruning.ts).
 */
export function optimalAssignment(graph: MatchGraph, options: PruningOptions = {}): Int32Array {
  const n = graph.requests.length;
  // One BIG for all components: the check compares potentials across components of the pruned
  // graph that the full graph may join. Any BIG above the highest total score keeps the optimum.
  const big = (MAX_SCORE + 1) * (n + 1);
  const cap = usableCapacity(graph);
  const keep = new Int32Array(n).fill(options.perRequest ?? PER_REQUEST);
  const kept = new Uint8Array(graph.edgeOffer.length);
  markBestPerOffer(graph, cap, options.perSlot ?? PER_SLOT, kept);
  for (;;) {
    markBestPerRequest(graph, keep, kept);
    const pruned = keptGraph(graph, kept);
    const solver = new Solver(pruned, cap);
    for (const rows of componentsOf(pruned)) solver.solve(rows, big);
    const violations = admitViolations(graph, kept, keep, solver.pot, big);
    options.onRound?.(pruned.edgeOffer.length, violations);
    if (violations === 0) return solver.matchOf;
  }
}

/** Baseline: best pair first (score desc, then request id, then offer id), if both sides are still free. */
export function greedyAssignment(graph: MatchGraph): Int32Array {
  const { rowStart, edgeOffer, edgeScore } = graph;
  const n = graph.requests.length;
  // Counting sort by score: edges are already in (request, offer) id order within a score.
  const byScore: number[][] = Array.from({ length: MAX_SCORE + 1 }, () => []);
  for (let i = 0; i < n; i++) for (let e = rowStart[i]; e < rowStart[i + 1]; e++) byScore[edgeScore[e]].push(e);
  const rowOf = new Int32Array(edgeOffer.length);
  for (let i = 0; i < n; i++) rowOf.fill(i, rowStart[i], rowStart[i + 1]);
  const left = Int32Array.from(graph.capacity);
  const matchOf = new Int32Array(n).fill(-1);
  for (let s = MAX_SCORE; s >= 0; s--) {
    for (const e of byScore[s]) {
      const i = rowOf[e];
      const o = edgeOffer[e];
      if (matchOf[i] < 0 && left[o] > 0) [matchOf[i], left[o]] = [o, left[o] - 1];
    }
  }
  return matchOf;
}
