import { createServer, type Server as HttpServer } from "node:http";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import express, { type ErrorRequestHandler } from "express";
import type { ServerBuild } from "@remix-run/node";
import { config } from "../app/lib/config.server.ts";
import { closeDb } from "../app/lib/db.server.ts";
import { closeRedis, warmUpRedis } from "../app/lib/redis.server.ts";
import { migrate } from "./db/migrate.ts";
import { sweepExpiredSessions } from "../app/domain/auth/session-sweep.server.ts";
import { smtpTransport } from "../app/lib/mail/transport.server.ts";
import { startMailWorker } from "../app/lib/mail/worker.server.ts";
import { startChannelWorker } from "../app/domain/channels/worker.server.ts";
import { startDueWork } from "./work/due-work.ts";
import { prepareDatabase } from "../prisma/seed.ts";
import { errorPage } from "./http/error-page.ts";
import { isDatabaseUnavailable } from "../app/lib/database-unavailable.ts";
import { healthz } from "./http/health.ts";
import { localeOf, requestContext, type RequestContext } from "./http/request-context.ts";
import { isTrustedProxy, nonceMiddleware, securityHeaders } from "./http/security.ts";
import { addressGuard } from "./http/address-guard.ts";
import { compress } from "./http/compress.ts";
import { formBodyGuard } from "./http/form-body.ts";
import { localImages, UPLOAD_ROUTES } from "./http/uploads.ts";
import { originGuard } from "./http/origin-guard.ts";
import { remixHandler } from "./http/remix-handler.ts";
import { loadAppStyles } from "./http/app-styles.ts";
import { webManifest } from "./http/manifest.ts";
import { serviceWorker } from "./http/service-worker.ts";
import { translations } from "./http/translations.ts";
import { requestLog } from "./http/request-log.ts";
import { attachRealtime } from "./realtime/index.ts";
import { log } from "./logger.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** How long a shutdown waits for answers in flight before closing their connections. */
const SHUTDOWN_GRACE_MS = 5_000;
/** How long each later step of a shutdown (sockets, database, Redis) may take. */
const SHUTDOWN_STEP_MS = 10_000;
export const MAX_BODY_BYTES = 64 * 1024;

export type RunningServer = {
  url: string;
  port: number;
  http: HttpServer;
  /** The demo people can sign in (DEMO_DATA, or a database that has them). */
  demoAccounts: boolean;
  /** Holds this instance's sockets against their sessions now, instead of at the next periodic check. */
  checkSockets: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * One copy of every app module in the process (decisions/023). The compiled build gives the
 * route table and the browser's asset manifest; the route modules and the server entry are the
 * source files, loaded through the same module graph as server/ itself (tsx in production,
 * vite-node in the tests), so that a database client, an event bus or an error class exists once.
 */
export async function loadBuild(): Promise<ServerBuild> {
  const path = join(root, "build/index.js");
  if (!existsSync(path)) throw new Error("No Remix build found: run `npm run build` first.");
  const compiled = (await import(pathToFileURL(path).href)) as ServerBuild;
  const routes = await Promise.all(Object.entries(compiled.routes).map(async ([id, route]) => [id, { ...route!, module: await importSource(id) }] as const));
  return { ...compiled, entry: { module: await importSource("entry.server") }, routes: Object.fromEntries(routes) };
}

/** A route id ("root", "routes/activities.$id") or "entry.server" as the module under app/. */
async function importSource(id: string) {
  const file = [".tsx", ".ts"].map((extension) => join(root, "app", `${id}${extension}`)).find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`No source module for route ${id} under app/: rebuild (npm run build) after moving a route.`);
  return import(pathToFileURL(file).href);
}

/**
 * A shutdown step that has not finished in time is logged and left behind: an orchestrator that
 * stops an instance must not wait forever on one stuck query or connection.
 */
async function withDeadline(step: string, work: Promise<void>) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolveLate) => {
    timer = setTimeout(() => resolveLate("late"), SHUTDOWN_STEP_MS);
  });
  const outcome = await Promise.race([work.then(() => "done" as const), late]);
  clearTimeout(timer);
  if (outcome === "late") log.warn("shutdown step did not finish in time", { step, ms: SHUTDOWN_STEP_MS });
}

export async function startServer(options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const settings = config();
  const applied = await migrate(settings.database);
  if (applied.length > 0) log.info("migrations applied", { migrations: applied });
  const { demoAccounts } = await prepareDatabase({ demo: settings.DEMO_DATA });
  await warmUpRedis();

  const build = await loadBuild();
  const secure = settings.COOKIE_SECURE || settings.PUBLIC_ORIGIN?.startsWith("https:") === true;
  const allowedOrigins = settings.PUBLIC_ORIGIN ? [new URL(settings.PUBLIC_ORIGIN).origin] : [];

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", (address: string) => isTrustedProxy(address));
  app.use(requestLog);
  // With S3 the pages link the pictures at the store's public address, which the CSP must allow.
  const imageOrigins = settings.s3 ? [new URL(settings.s3.publicUrl).origin] : [];
  const appStyles = loadAppStyles(join(root, "public/styles/app.css"));
  app.use(nonceMiddleware, securityHeaders({ secure, imageOrigins, styleSources: [appStyles.cspSource] }));
  app.use(addressGuard);
  app.use(compress());
  app.use("/build", express.static(join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.get("/sw.js", serviceWorker(join(root, "public/sw.js"), build.assets.version));
  app.get("/manifest.webmanifest", webManifest(join(root, "public/manifest.webmanifest")));
  app.use(express.static(join(root, "public"), { maxAge: "1h", index: false }));
  // The local store's folder only when it is the store: with S3 nothing links /images/, and old
  // files left on disk are not served as if they were still current (decision 047).
  if (!settings.s3) app.use(...localImages());
  app.get("/healthz", healthz);
  app.get("/locales/:file", translations);
  // Mutations only from here on: our own origin, a form encoding, a bounded body read in full.
  app.use(originGuard(allowedOrigins), formBodyGuard(MAX_BODY_BYTES, UPLOAD_ROUTES));
  app.use(requestContext({ demoData: demoAccounts, appStyles: appStyles.text }));
  app.all(
    "*",
    remixHandler({
      build,
      mode: settings.NODE_ENV === "production" ? "production" : "development",
      getLoadContext: (res) => res.locals.context as RequestContext,
    }),
  );

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    const unavailable = isDatabaseUnavailable(error);
    log.error("request failed", { path: req.path, error: (error as Error).message, unavailable });
    if (res.headersSent) return;
    res
      .status(unavailable ? 503 : 500)
      .type("html")
      .send(errorPage(localeOf(req), unavailable ? "errors.unavailableTitle" : "errors.serverTitle", unavailable ? "errors.unavailable" : "errors.server"));
  };
  app.use(onError);

  const http = createServer(app);
  const realtime = attachRealtime(http, { allowedOrigins });
  const port = options.port ?? settings.PORT;
  const host = options.host ?? settings.HOST;
  await new Promise<void>((resolveListen, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => resolveListen());
  });
  const address = http.address();
  const boundPort = typeof address === "object" && address ? address.port : port;

  // Reminders, lapsing proposals and check-in questions, claimed once across instances (decision 036).
  const stopDueWork = startDueWork((step, error) => log.warn("due work failed", { step, error: error.message }));
  // Expired sessions are deleted about once an hour across all instances: each looks every ten
  // minutes, and the one that gets the lease does it.
  const sessionSweep = setInterval(() => {
    sweepExpiredSessions()
      .then(({ swept, holder }) => swept && log.info("expired sessions deleted", { holder }))
      .catch((error: Error) => log.warn("session sweep failed", { error: error.message }));
  }, 10 * 60_000);
  sessionSweep.unref();
  // Without SMTP_URL the worker marks due mails as kept, for /admin/outbox (decision 034).
  const stopMail = startMailWorker(settings.SMTP_URL ? smtpTransport(settings.SMTP_URL) : null, (error) =>
    log.warn("mail delivery failed", { error: error.message }),
  );
  // Announcements to the groups' Telegram chats and webhooks (decision 037).
  const stopChannels = startChannelWorker((error) => log.warn("channel delivery failed", { error: error.message }));

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      stopDueWork();
      clearInterval(sessionSweep);
      stopMail();
      stopChannels();
      // Answers in flight get a few seconds to finish; a client that stopped reading one (a
      // stalled phone, a test that never read the body) must not hold the shutdown forever.
      // Socket.IO's close also closes the HTTP server and waits for it, so the timer starts first.
      const force = setTimeout(() => http.closeAllConnections(), SHUTDOWN_GRACE_MS);
      http.closeIdleConnections();
      await withDeadline("realtime", realtime.close());
      await withDeadline(
        "http",
        new Promise<void>((done) => {
          if (!http.listening) return done();
          http.close(() => done());
          http.closeIdleConnections();
        }),
      );
      clearTimeout(force);
      await withDeadline("database", closeDb());
      await withDeadline("redis", closeRedis());
    })());

  return { url: `http://127.0.0.1:${boundPort}`, port: boundPort, http, demoAccounts, checkSockets: () => realtime.checkSockets(), close };
}
