import { io, type Socket } from "socket.io-client";

/**
 * One process of the webinar benchmark's load: a share of the attendees, each with its own
 * websocket, driven by the parent (tests/load/webinar.ts) over IPC. The clients live outside the
 * parent so that decoding thousands of broadcasts neither shares an event loop with the senders
 * nor with the server being measured.
 *
 *   join    connect everyone (batches of BATCH at a time), send live:join, answer when all acked
 *   count   answer with how many fan-out messages arrived so far
 *   collect answer with the fan-out latencies received so far
 *   vote    everyone votes once on one of the questions, answer with the outcomes
 *   close   disconnect everyone and exit
 */

import { FANOUT_PREFIX, wallClock } from "./webinar-wire.ts";

export type ClientCommand =
  | { type: "join"; url: string; sessions: string[]; activityId: string }
  | { type: "count" }
  | { type: "collect" }
  | { type: "vote"; questionIds: string[]; timeoutMs: number }
  | { type: "close" };
export type ClientReport =
  | { type: "joined"; joined: number; failures: Record<string, number> }
  | { type: "counted"; received: number }
  | { type: "collected"; latencies: number[]; dropped: Record<string, number> }
  | { type: "voted"; outcomes: Record<string, number> };

type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

const BATCH = 100;

const sockets: Socket[] = [];
const latencies: number[] = [];
const drops: Record<string, number> = {};
let closing = false;

const count = (tally: Record<string, number>, key: string) => void (tally[key] = (tally[key] ?? 0) + 1);

function connect(url: string, session: string): Promise<Socket> {
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true, // one connection per person: the default would multiplex everyone onto one
    reconnection: false,
    timeout: 60_000,
    extraHeaders: { cookie: `meedoen_session=${session}` },
  });
  const seen = new Set<number>();
  socket.on("live:message", (message: { body?: string }) => {
    const parts = typeof message?.body === "string" ? message.body.split(" ") : [];
    if (parts[0] !== FANOUT_PREFIX) return;
    const index = Number(parts[1]);
    if (seen.has(index)) return;
    seen.add(index);
    latencies.push(wallClock() - Number(parts[2]));
  });
  socket.on("disconnect", (reason: string) => void (closing || count(drops, reason)));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.disconnect();
      reject(new Error(`connect_error: ${error.message}`));
    });
  });
}

async function emit(socket: Socket, event: string, payload: unknown, timeoutMs: number): Promise<Ack> {
  if (!socket.connected) return { ok: false, error: { code: "not-connected", message: "closed" } };
  try {
    return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack;
  } catch (error) {
    return { ok: false, error: { code: "ack-timeout", message: (error as Error).message } };
  }
}

async function join(command: Extract<ClientCommand, { type: "join" }>): Promise<ClientReport> {
  const failures: Record<string, number> = {};
  let joined = 0;
  const one = async (session: string) => {
    try {
      const socket = await connect(command.url, session);
      sockets.push(socket);
      const ack = await emit(socket, "live:join", { activityId: command.activityId }, 120_000);
      if (ack.ok) joined++;
      else count(failures, ack.error.code);
    } catch (error) {
      count(failures, (error as Error).message.slice(0, 80));
    }
  };
  for (let offset = 0; offset < command.sessions.length; offset += BATCH) await Promise.all(command.sessions.slice(offset, offset + BATCH).map(one));
  return { type: "joined", joined, failures };
}

async function vote(command: Extract<ClientCommand, { type: "vote" }>): Promise<ClientReport> {
  const acks = await Promise.all(
    sockets.map((socket, i) => emit(socket, "live:vote", { questionId: command.questionIds[i % command.questionIds.length] }, command.timeoutMs)),
  );
  const outcomes: Record<string, number> = {};
  for (const ack of acks) count(outcomes, ack.ok ? "ok" : ack.error.code);
  return { type: "voted", outcomes };
}

process.on("message", (command: ClientCommand) => {
  const reply = (report: ClientReport) => process.send!(report);
  if (command.type === "join") void join(command).then(reply);
  else if (command.type === "vote") void vote(command).then(reply);
  else if (command.type === "count") reply({ type: "counted", received: latencies.length });
  else if (command.type === "collect") reply({ type: "collected", latencies, dropped: { ...drops } });
  else if (command.type === "close") {
    closing = true;
    for (const socket of sockets) socket.disconnect();
    setTimeout(() => process.exit(0), 200);
  }
});
// The parent went away (a failed run): nothing is left to report to.
process.on("disconnect", () => process.exit(0));
